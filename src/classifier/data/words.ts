import { dictionary } from '../../shared/dictionary.js';
/**
 * Word lists the classifier uses around the category names: modifiers that change what a name means,
 * person nouns, accessor and verb prefixes, abbreviations. All in normalised (lower-case, accent-free)
 * form; plurals are handled by the normaliser.
 */

/**
 * A name containing one of these outside the matched category phrase is not the personal data itself
 * (`emailTemplate`, `hashedPassword`, `phoneCount`). An exact listed name still wins (`biometric_hash`,
 * `hashed_user_id`, `avatar_url`). Why each one:
 */
export const DENY_MODIFIERS: ReadonlySet<string> = new Set([
  // Derived values: a hash, ciphertext or mask is not the raw value. A leaked hash is a security
  // problem but a different finding; pseudonymous ids are listed by name instead.
  'hash', 'hashed', 'sha256', 'sha1', 'sha512', 'md5', 'digest', 'encrypted', 'enc', 'cipher', 'ciphertext', 'masked', 'redacted',
  'tokenized', 'salt', 'salted', 'last4', 'truncated', 'anonymized', 'pseudonymized', 'obfuscated', 'scrubbed',
  // Metadata about the field, not its value.
  'count', 'enabled', 'disabled', 'verified', 'template', 'format', 'type', 'length', 'label', 'config', 'regex', 'pattern',
  'validator', 'validation', 'error', 'errors', 'placeholder', 'i18n', 'policy', 'rule', 'rules', 'schema', 'column', 'mask',
  'visibility', 'visible', 'required', 'optional', 'status', 'sent', 'subject', 'notification', 'notifications', 'settings',
  // References to a resource rather than the value: the URL of an image, the key of a map entry.
  'url', 'uri', 'path', 'key', 'link', 'href', 'endpoint',
  // Test data and examples.
  'test', 'mock', 'fake', 'dummy', 'sample', 'example', 'default', 'fixture', 'stub',
]);

/**
 * Owners of a credential that are a system, not a person: `redisPassword`, `smtpPass`, `botToken`,
 * `webhookToken` are an application's secrets. Identity providers (`github`, `google`, `facebook`)
 * are left out: `facebookAccessToken` is as often the user's own OAuth token.
 */
export const SYSTEM_OWNERS: ReadonlySet<string> = new Set([
  'redis', 'db', 'database', 'postgres', 'postgresql', 'pg', 'mysql', 'mongo', 'mongodb', 'sql', 'smtp', 'imap', 'pop3', 'ftp',
  'sftp', 'ssh', 'ldap', 'root', 'server', 'service', 'app', 'application', 'bot', 'webhook', 'integration', 'tenant', 'instance',
  'cluster', 'broker', 'queue', 'rabbitmq', 'kafka', 'amqp', 'mqtt', 's3', 'aws', 'azure', 'gcp', 'sentry', 'proxy', 'vault',
  'keystore', 'truststore', 'cert', 'certificate', 'ssl', 'tls', 'signing', 'encryption', 'system', 'master', 'env', 'config',
  'api', 'elastic', 'elasticsearch', 'rpc', 'grpc', 'cdn', 'storage', 'bucket', 'registry', 'docker', 'npm',
]);

/** Quantities: `numEmails`, `maxAge`, `totalPhones`. */
export const QUANTITY_PREFIXES: ReadonlySet<string> = new Set(['num', 'number', 'total', 'max', 'min', 'avg', 'sum', 'n', 'nb']);

/**
 * A first word that makes the name an action or a flag (`sendEmail`, `validatePhone`, `hasEmail`,
 * `onEmailChange`): functions and booleans, not the data. `get`/`set` are accessors and are stripped.
 */
export const VERB_PREFIXES: ReadonlySet<string> = new Set([
  'validate', 'format', 'parse', 'send', 'show', 'hide', 'toggle', 'render', 'handle', 'on', 'use', 'fetch', 'load', 'save', 'store',
  'update', 'delete', 'remove', 'reset', 'change', 'forgot', 'hash', 'encrypt', 'decrypt', 'mask', 'redact', 'normalize', 'sanitize',
  'generate', 'create', 'check', 'verify', 'edit', 'lookup', 'find', 'search', 'add', 'build', 'compute', 'calculate', 'extract', 'strip',
  'trim', 'split', 'log', 'print', 'display', 'with', 'can', 'should', 'will', 'did', 'needs', 'require', 'requires', 'allow', 'enable',
  'disable', 'resend', 'make', 'ensure', 'assert', 'expect',
]);

/** Boolean prefixes: `isPregnant` is classified only when the rest is a predicate name. */
export const PREDICATE_PREFIXES: ReadonlySet<string> = new Set(['is', 'has', 'was', 'are']);

export const ACCESSOR_PREFIXES: ReadonlySet<string> = new Set(['get', 'set']);

/** Ignored after the matched phrase: the value is still the data (`emailValue`, `phoneE164`, `passwordConfirmation`). */
export const TRANSPARENT_SUFFIXES: ReadonlySet<string> = new Set([
  'value', 'val', 'str', 'string', 'text', 'raw', 'input', 'field', 'clean', 'cleaned', 'normalized', 'trimmed', 'lower', 'lowercase',
  'upper', 'uppercase', 'formatted', 'display', 'e164', 'intl', 'international', 'confirmation', 'confirm', 'repeat', 'again',
  'retype', 'plain', 'plaintext', 'cleartext', 'list', 'arr', 'array', 'obj', 'data', 'info', 'details', 'detail', 'history',
  'primary', 'secondary', 'new', 'old', 'current', 'original', 'entry', 'param', 'arg',
  // `ssnNumber`, `ssn_no`: every real "X number" (`phone number`, `street number`) is listed and matches first.
  'number',
]);

/** Allowed in front of a context-only name without breaking it (`newName`, `currentLocation`). */
export const TRANSPARENT_PREFIXES: ReadonlySet<string> = new Set([
  'new', 'old', 'current', 'curr', 'prev', 'previous', 'primary', 'secondary', 'alt', 'alternate', 'alternative', 'other', 'original',
  'raw', 'plain', 'plaintext', 'input', 'temp', 'tmp', 'confirm', 'repeat', 'updated', 'existing', 'my', 'the', 'personal', 'preferred',
  'full', 'real', 'legal',
]);

/**
 * Person nouns that make a neighbouring context word personal (`customerName`, `patientNotes`). The
 * ambiguous ones (`client`, `driver`, `parent`, `child`, `member`, `lead`, `account`, `profile`, `tenant`,
 * `employer`) are left out: `clientId`, `driverName`, `memberName`, `parentId` are as often an OAuth
 * client, a DB driver, a class member, a tree node. Listed names cover the personal ones (`parent_name`).
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'user', 'customer', 'person', 'people', 'patient', 'employee', 'applicant', 'candidate', 'student', 'learner', 'teacher', 'guardian',
  'buyer', 'seller', 'shopper', 'payer', 'payee', 'cardholder', 'recipient', 'sender', 'passenger', 'contact', 'prospect', 'attendee',
  'participant', 'beneficiary', 'insuree', 'owner', 'landlord', 'volunteer', 'veteran', 'author', 'commenter', 'doctor', 'physician',
  'guest', 'consumer', 'traveler', 'resident', 'citizen', 'individual', 'spouse', 'kid', 'mother', 'father', 'subscriber', 'visitor',
  'holder', 'emergency',
  // People named for their role towards another record: `followerId`, `inviteeName`, `assigneeEmail`.
  'follower', 'followee', 'invitee', 'inviter', 'reviewer', 'assignee', 'respondent', 'requester', 'approver', 'acceptor', 'creator',
  'submitter', 'organizer',
]);

/**
 * `person_context_objects` of the reference list plus a few more: a type or object named after one of
 * these (optionally with data suffixes) holds a person's data.
 */
export const PERSON_OBJECTS: ReadonlySet<string> = new Set([
  'user', 'customer', 'client', 'account', 'member', 'profile', 'person', 'people', 'patient', 'doctor', 'employee', 'employer',
  'applicant', 'candidate', 'student', 'learner', 'teacher', 'guardian', 'parent', 'child', 'buyer', 'seller', 'shopper', 'payer',
  'payee', 'cardholder', 'subscriber', 'recipient', 'sender', 'passenger', 'driver', 'contact', 'lead', 'prospect', 'visitor',
  'attendee', 'participant', 'beneficiary', 'insuree', 'owner', 'tenant', 'landlord', 'volunteer', 'veteran', 'author', 'commenter',
  'follower', 'guest', 'consumer', 'traveler', 'resident', 'citizen', 'individual', 'spouse', 'kid', 'minor', 'physician', 'nurse',
  'caregiver', 'respondent', 'donor', 'claimant', 'policyholder', 'borrower', 'debtor', 'contractor', 'freelancer', 'staff', 'admin',
  'human', 'friend', 'voter', 'inmate', 'suspect', 'victim', 'householder', 'homeowner', 'renter', 'rider', 'persona',
  'invitee', 'inviter', 'invite', 'invitation', 'followee', 'assignee', 'reviewer',
]);

/**
 * Person objects whose name is also a technical noun: they count only when they stand alone
 * (`Client`, `ClientDto`), not after another word (`HttpClient`, `DatabaseDriver`, `ParentNode`,
 * `ServiceAccount`, `EmailSender`, `AstVisitor`, `UserClient`).
 */
export const AMBIGUOUS_PERSON_OBJECTS: ReadonlySet<string> = new Set([
  'client', 'driver', 'parent', 'child', 'member', 'lead', 'account', 'profile', 'tenant', 'sender', 'recipient', 'subscriber',
  'visitor', 'follower', 'owner', 'contact', 'admin', 'staff', 'rider', 'minor', 'persona', 'human', 'guest', 'invite', 'invitation',
  'reviewer',
]);

/**
 * Person objects that are a record about a person rather than the person (an OAuth account link, an
 * invitation): their fields are the person's, but their own `id` is the record's row id.
 */
export const PERSON_RECORDS: ReadonlySet<string> = new Set(['account', 'invite', 'invitation', 'membership', 'session']);

/**
 * Words in front of a person object that make the type a query about people, not a person's record:
 * `FilterUserDto.roles` are the roles searched for, `UserQuery.email` a search term.
 */
export const QUERY_PREFIXES: ReadonlySet<string> = new Set(['filter', 'query', 'sort', 'search', 'where', 'order', 'paginate', 'pagination']);

/** Words in front of a person object that keep it a person object (`CreateUserInput`, `req.user`). */
export const PERSON_OBJECT_PREFIXES: ReadonlySet<string> = new Set([
  'create', 'update', 'upsert', 'patch', 'edit', 'new', 'get', 'base', 'abstract', 'public', 'private', 'internal', 'current', 'logged',
  'in', 'authenticated', 'req', 'ctx', 'this', 'self', 'my', 'raw', 'partial', 'full', 'registered', 'anonymous', 'existing', 'emergency',
  'primary', 'secondary', 'updated', 'created',
]);

/** Suffixes of data-holding types: `UserDto`, `CustomerEntity`, `PatientRecord`, `CreateUserInput`. */
export const DATA_SUFFIXES: ReadonlySet<string> = new Set([
  'dto', 'entity', 'model', 'record', 'schema', 'input', 'payload', 'data', 'info', 'details', 'detail', 'profile', 'attributes',
  'attrs', 'props', 'properties', 'document', 'doc', 'row', 'fields', 'type', 'interface', 'object', 'obj', 'json', 'request',
  'response', 'body', 'args', 'params', 'view', 'summary', 'snapshot', 'state', 'form', 'values', 'identity', 'account', 'contact',
  'fragment', 'shape', 'struct', 'bean', 'vo', 'resource', 'class',
]);

/**
 * Records of what a person wrote or submitted: chat messages, documents, notes, survey responses.
 * Their content fields (`CONTENT_FIELDS`) hold that person's words. `response` and `entry` count only
 * alone or after a form word (`Response`, `SurveyResponse`; not `ApiResponse`, `LogEntry`).
 */
export const CONTENT_OBJECTS: ReadonlySet<string> = new Set([
  'message', 'chat', 'conversation', 'document', 'note', 'comment', 'reply', 'response', 'answer', 'submission', 'feedback', 'review',
  'transcript', 'memo', 'diary', 'journal', 'entry', 'ticket',
]);
export const AMBIGUOUS_CONTENT_OBJECTS: ReadonlySet<string> = new Set(['response', 'entry', 'answer', 'review', 'ticket', 'journal', 'note']);
/** Words in front of an ambiguous content object that keep it one (`SurveyResponse`, `FormSubmission`, `ChatMessage`). */
export const CONTENT_OBJECT_PREFIXES: ReadonlySet<string> = new Set([
  'survey', 'form', 'quiz', 'poll', 'questionnaire', 'user', 'customer', 'contact', 'respondent', 'chat', 'ai', 'blog', 'forum', 'diary',
  'journal', 'support', 'help', 'create', 'update', 'new', 'db',
]);
/** Content objects a person submits through a form: their `meta` holds the submitter's request (IP, user agent, URL). */
export const SUBMISSION_OBJECTS: ReadonlySet<string> = new Set(['response', 'submission', 'answer', 'feedback']);

/** Field names that hold the text of a content object (`Message.parts`, `Document.content`, `Response.data`). */
export const CONTENT_FIELDS: ReadonlySet<string> = new Set([
  'content', 'contents', 'body', 'text', 'parts', 'part', 'message', 'data', 'answers', 'answer', 'attachments', 'attachment', 'html',
  'markdown', 'transcript', 'prompt', 'question', 'input', 'output', 'reply',
]);
/** Words that may stand in front of a content field (`messageParts`, `rawContent`, `htmlBody`). */
export const CONTENT_FIELD_PREFIXES: ReadonlySet<string> = new Set(['message', 'rich', 'html', 'plain', 'raw', 'full', 'original', 'user', 'text', 'response', 'email', 'mail']);
/** Request metadata kept with a submission. */
export const SUBMISSION_META: ReadonlySet<string> = new Set(['meta', 'metadata', 'request_meta', 'client_info']);

/** Where a visitor comes from, known from their IP address: in a record with that IP, their (imprecise) location. */
export const GEO_OF_IP: ReadonlySet<string> = new Set(['country', 'country_code', 'city', 'region', 'timezone', 'time_zone', 'location', 'geo', 'continent']);

/** Names of a field's type that say it configures something rather than holds it (`lastName: ToggleInputConfig`). */
export const CONFIG_TYPE_WORDS: ReadonlySet<string> = new Set(['config', 'configuration', 'settings', 'options', 'toggle', 'props']);

/**
 * Abbreviations, expanded during normalisation. `notFirst`: only after another word (`phone_no`, not
 * `no`); `notLast`: only before another word (`ph_no`, but `ph` alone is acidity).
 */
export const ABBREVIATIONS = dictionary<{ to: string; where?: 'notFirst' | 'notLast' }>({
  no: { to: 'number', where: 'notFirst' },
  num: { to: 'number', where: 'notFirst' },
  nbr: { to: 'number', where: 'notFirst' },
  nr: { to: 'number', where: 'notFirst' },
  nmbr: { to: 'number', where: 'notFirst' },
  ph: { to: 'phone', where: 'notLast' },
  mob: { to: 'mobile', where: 'notLast' },
  tel: { to: 'telephone' },
  addr: { to: 'address' },
  adr: { to: 'address', where: 'notFirst' },
  acct: { to: 'account' },
  acc: { to: 'account', where: 'notLast' },
  pwd: { to: 'password' },
  passwd: { to: 'password' },
  pw: { to: 'password' },
  pword: { to: 'password' },
  usr: { to: 'user' },
  cust: { to: 'customer' },
  emp: { to: 'employee', where: 'notLast' },
  msg: { to: 'message' },
  tz: { to: 'timezone' },
  pic: { to: 'picture' },
  img: { to: 'image' },
  lic: { to: 'license' },
  cntry: { to: 'country' },
  ctry: { to: 'country' },
  bldg: { to: 'building' },
  dept: { to: 'department' },
  org: { to: 'organization' },
  prefs: { to: 'preferences' },
  pref: { to: 'preferences' },
  creds: { to: 'credentials' },
  cred: { to: 'credential' },
  meds: { to: 'medications' },
  natl: { to: 'national' },
  govt: { to: 'government' },
  gov: { to: 'government', where: 'notLast' },
  dt: { to: 'date', where: 'notFirst' },
  yr: { to: 'year', where: 'notFirst' },
});

/** British and other spellings folded to one form. */
export const SPELLINGS = dictionary<string>({
  licence: 'license',
  offence: 'offense',
  organisation: 'organization',
  neighbourhood: 'neighborhood',
  normalised: 'normalized',
  anonymised: 'anonymized',
  pseudonymised: 'pseudonymized',
  tokenised: 'tokenized',
  traveller: 'traveler',
  behaviour: 'behavior',
  colour: 'color',
  catalogue: 'catalog',
});
