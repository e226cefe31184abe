import { Classifier } from '../../src/classifier/classifier.js';
import { K, ctxOf, type Row } from './helpers.js';

const classifier = Classifier.default();
const title = '%s [%s] -> %s %s';

function check([name, flags, category, confidence]: Row): void {
  const got = classifier.classify(name, ctxOf(flags));
  expect({ category: got?.category ?? null, confidence: got?.confidence ?? null }).toEqual({ category, confidence });
}

describe('names of a person by their role, their provider ids and second factors', () => {
  const rows: Row[] = [
    // The holder's role names whose address it is, also on a team; a team's own address is a shared mailbox.
    ['team_billing_email', '', K.EMAIL, 'high'],
    ['team_email', '', null, null],
    ['supportBillingEmail', '', null, null],
    // Recipients of an e-mail, next to a mail word only.
    ['email_to', '', K.EMAIL, 'high'],
    ['emailCc', '', K.EMAIL, 'high'],
    ['mailOptions.bcc', '', K.EMAIL, 'high'],
    ['to', '', null, null],
    ['cc', 'p', null, null],
    ['replyTo', '', null, null],
    ['emailCc', ':boolean', null, null],
    // OAuth subject ids and provider-named fields, in a person only.
    ['socialId', 'p', K.UNIQUE_ID, 'medium'],
    ['providerAccountId', 'p', K.UNIQUE_ID, 'medium'],
    ['socialId', '', null, null],
    ['google', 'p', K.UNIQUE_ID, 'low'],
    ['google', '', null, null],
    ['github', 'p:object', null, null],
    // Role-named person ids.
    ['followerId', '', K.UNIQUE_ID, 'medium'],
    ['inviteeId', '', K.UNIQUE_ID, 'medium'],
    ['followerCount', '', null, null],
    // A person's second factors and passkeys; not outside a person.
    ['twoFactorCode', 'p', K.CREDENTIALS, 'medium'],
    ['passkeys', 'p', K.CREDENTIALS, 'medium'],
    ['twoFactorCode', '', null, null],
    ['twoFactorEnabled', 'p:boolean', null, null],
    // An image of a person is their avatar; of anything else it is not.
    ['image', 'p', K.SELF_IMAGE, 'medium'],
    ['image', '', null, null],
    ['contactAttributes', '', K.CONTACT, 'medium'],
  ];
  test.each(rows)(title, (...row) => check(row as unknown as Row));
});

describe('what a type name says about its fields', () => {
  test.each([
    ['User', true],
    ['TContact', true],
    ['ZUser', true],
    ['UserSchemaClass', true],
    ['Invite', true],
    ['FilterUserDto', false],
    ['UserSearchQuery', false],
    ['SortUsersInput', false],
    ['TeamInvite', false],
  ])('%s is a person object: %s', (name, expected) => expect(classifier.isPersonContext(name)).toBe(expected));

  test.each([
    ['Account', true],
    ['Invite', true],
    ['User', false],
    ['ServiceAccount', false],
  ])('%s is a record about a person: %s', (name, expected) => expect(classifier.isPersonRecord(name)).toBe(expected));

  test.each([
    ['Message', 'content'],
    ['Message_v2', 'content'],
    ['ai_chat_messages', 'content'],
    ['Document', 'content'],
    ['ChatMessage', 'content'],
    ['Response', 'submission'],
    ['ZResponse', 'submission'],
    ['SurveyResponse', 'submission'],
    ['FormSubmission', 'submission'],
    ['ApiResponse', undefined],
    ['CancelEmailResponse', undefined],
    ['LogEntry', undefined],
    ['MigrationJournal', undefined],
    ['EmailTemplate', undefined],
    ['Setting', undefined],
  ])('%s holds what a person wrote: %s', (name, expected) => expect(classifier.contentKind(name)).toBe(expected));
});

describe('fields that the record around them makes personal', () => {
  test.each([
    ['parts', 'content', 'object', 'user.content.private'],
    ['messageParts', 'content', 'object', 'user.content.private'],
    ['content', 'content', 'string', 'user.content.private'],
    ['data', 'submission', undefined, 'user.content.private'],
    ['meta', 'submission', 'object', 'user.device'],
    ['meta', 'content', 'object', null],
    ['meta', 'submission', 'string', null],
    ['content', 'content', 'number', null],
    ['title', 'content', 'string', null],
    ['status', 'content', 'string', null],
    ['messageCount', 'content', undefined, null],
  ] as const)('%s of a %s record (%s) -> %s', (name, kind, hint, expected) => {
    expect(classifier.classifyContent(name, kind, hint)?.category ?? null).toBe(expected);
  });

  test('the value of a person attribute record is the person attribute; of a setting it is nothing', () => {
    expect(classifier.classifyAttributeValue('ContactAttribute', 'value', 'string')?.category).toBe(K.CONTACT);
    expect(classifier.classifyAttributeValue('UserProperty', 'value')?.category).toBe(K.CONTACT);
    expect(classifier.classifyAttributeValue('ContactAttribute', 'valueNumber', 'number')).toBeNull();
    expect(classifier.classifyAttributeValue('ProductAttribute', 'value', 'string')).toBeNull();
    expect(classifier.classifyAttributeValue('Setting', 'value', 'string')).toBeNull();
  });

  test('next to a visitor IP address, a country is the visitor approximate location', () => {
    expect(classifier.classifyVisitorGeo('country', 'string')?.category).toBe('user.location.imprecise');
    expect(classifier.classifyVisitorGeo('timezone')?.category).toBe('user.location.imprecise');
    expect(classifier.classifyVisitorGeo('country', 'boolean')).toBeNull();
    expect(classifier.classifyVisitorGeo('source', 'string')).toBeNull();
  });
});
