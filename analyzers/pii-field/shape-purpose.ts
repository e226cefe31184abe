import { ACTING_WORDS, IDENTITY_PROVIDERS, QUERY_PREFIXES, RESULT_WORDS } from '../../src/classifier/data/words.js';

/**
 * What a shape is for, read from its name and its fields, beyond what each field's name says: a
 * reference to records that exist, or an envelope around another shape.
 */

/**
 * The shape is the input of an operation on records that already exist (`deleteTeamUser`,
 * `ZContactDeleteAction`, `ZGetResponsesFilter`, `ContactLinkParams`): its ids say which record to
 * act on, they are not a person's data held by the shape. `GetUserResponse` is what comes back: a record.
 */
export function actsOnRecords(ownerTokens: readonly string[]): boolean {
  if (!ownerTokens.length || RESULT_WORDS.has(ownerTokens[ownerTokens.length - 1])) return false;
  return ownerTokens.some((w) => ACTING_WORDS.has(w));
}

/** `ZSurveyFilterCriteria`, `UserSearchQuery`: what to look for; an id in it selects records, whatever else the filter holds. */
export function isQuery(ownerTokens: readonly string[]): boolean {
  if (!ownerTokens.length || RESULT_WORDS.has(ownerTokens[ownerTokens.length - 1])) return false;
  return ownerTokens.some((w) => QUERY_PREFIXES.has(w));
}

/** `contactId`, `userIds`, `id`: a key that names a record. */
export function isKeyName(tokens: readonly string[]): boolean {
  const last = tokens[tokens.length - 1];
  return last === 'id' || last === 'uuid' || last === 'guid';
}

/**
 * `{ data, error }`: the result of a call, one of the two set (`CreateContactResponse`). Its `data`
 * is whatever the call returned, not a person's words, whatever the envelope is named.
 */
export function isResultEnvelope(fieldNames: readonly string[]): boolean {
  return fieldNames.includes('data') && fieldNames.includes('error');
}

/**
 * `{ NODE_ENV, DATABASE_URL, MAIL_DEFAULT_EMAIL }`: every field named as an environment variable. The
 * shape validates a deployment's settings; an address in it is the operator's mailbox, not a user's.
 */
export function isEnvironmentShape(fieldNames: readonly string[]): boolean {
  return fieldNames.length >= 2 && fieldNames.every((n) => /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(n) || /^[A-Z]{2,}$/.test(n));
}

/**
 * `DatabaseConfig`, `SmtpOptions`: the settings of a system (a system word and a settings word in the
 * name). Its `username` and `password` are the system's account, not a person's.
 */
export function isSystemSettings(ownerTokens: readonly string[], systemWords: ReadonlySet<string>): boolean {
  return ownerTokens.some((w) => SETTINGS_WORDS.has(w)) && ownerTokens.some((w) => systemWords.has(w) && !SETTINGS_WORDS.has(w));
}

const SETTINGS_WORDS: ReadonlySet<string> = new Set(['config', 'configuration', 'options', 'option', 'settings', 'setting', 'connection']);

/** `{ access_token, bot_id }`: a shape about a bot (an integration's installation); its tokens are the bot's. */
export function isBotShape(fieldTokens: readonly (readonly string[])[]): boolean {
  return fieldTokens.some((t) => t[0] === 'bot');
}

/**
 * `SocialInterface { id, firstName, email }`: a sign-in provider's profile of a person (named for the
 * provider, holding the person's name or e-mail). Its `id` is the provider's id of that person.
 */
export function isProviderProfile(ownerTokens: readonly string[], holdsNameOrEmail: () => boolean): boolean {
  return ownerTokens.some((w) => IDENTITY_PROVIDERS.has(w)) && holdsNameOrEmail();
}

/**
 * `{ guid, publishedAt, content }`: an item published to everyone (a feed entry, an article). Its text
 * is published content, not a private message, whatever the record is called.
 */
export function isPublishedItem(fieldTokens: readonly (readonly string[])[]): boolean {
  return fieldTokens.some((t) => PUBLICATION_FIELDS.has(t.join('_')));
}

const PUBLICATION_FIELDS: ReadonlySet<string> = new Set([
  'guid',
  'published_at',
  'publish_date',
  'pub_date',
  'published_date',
  'date_published',
]);
