/**
 * Flow summaries, as data (CodeQL's `summaryModel`): what the result of a library call carries of its
 * receiver and arguments, for calls into code the analysis does not read (the standard library,
 * packages). Calls into the project's own functions are summarised from their bodies instead.
 * Adding a pass-through function is a row here and a row in test/flow/summaries.test.ts.
 */

/**
 * What a call's result carries:
 *   receiver-text           the receiver's data, as text (`email.trim()`: the field's structure is gone);
 *   receiver-and-arguments  the receiver's and the arguments' data with their structure (`users.filter(f)`);
 *   callback-result         what the first argument, a callback, returns (`users.map((u) => u.email)`);
 *   arguments-text          the arguments' data, as text (`JSON.stringify(user)`, `String(x)`);
 *   arguments               the arguments' data with their structure (`Object.assign({}, user)`).
 */
export type SummaryResult = 'receiver-text' | 'receiver-and-arguments' | 'callback-result' | 'arguments-text' | 'arguments';

export interface FlowSummary {
  /** `method`: only as `x.name(...)`; `method-or-function`: also as a plain call `name(...)`. */
  on: 'method' | 'method-or-function';
  names: readonly string[];
  result: SummaryResult;
}

/** In order: for a name in two rows, the first row applies. */
export const FLOW_SUMMARIES: readonly FlowSummary[] = [
  {
    // String and Date methods.
    on: 'method',
    names: [
      'toString',
      'toLowerCase',
      'toUpperCase',
      'toLocaleLowerCase',
      'toLocaleUpperCase',
      'trim',
      'trimStart',
      'trimEnd',
      'normalize',
      'padStart',
      'padEnd',
      'slice',
      'substring',
      'substr',
      'replace',
      'replaceAll',
      'split',
      'join',
      'toJSON',
      'valueOf',
      'toISOString',
      'toDateString',
      'toLocaleDateString',
      'toLocaleString',
      'at',
      'charAt',
    ],
    result: 'receiver-text',
  },
  {
    // Array methods that keep (some of) the elements, and clones.
    on: 'method',
    names: ['filter', 'find', 'findLast', 'slice', 'sort', 'reverse', 'flat', 'toSorted', 'toReversed', 'concat', 'values'],
    result: 'receiver-and-arguments',
  },
  { on: 'method', names: ['map', 'flatMap', 'reduce'], result: 'callback-result' },
  // A file's or blob's bytes (`await file.arrayBuffer()`): what the file holds.
  { on: 'method', names: ['arrayBuffer', 'bytes'], result: 'receiver-text' },
  {
    // `String(x)`, `encodeURIComponent(x)`, `JSON.stringify(x)`, `util.format(...)`, `util.inspect(x)`.
    on: 'method-or-function',
    names: ['String', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'stringify', 'format', 'inspect'],
    result: 'arguments-text',
  },
  {
    // `structuredClone(x)`, `Object.assign/freeze/entries/values/fromEntries`, `Array.from`, `JSON.parse`.
    on: 'method-or-function',
    names: ['structuredClone', 'assign', 'freeze', 'from', 'entries', 'values', 'fromEntries', 'parse'],
    result: 'arguments',
  },
];

/**
 * Calls of a package that transform data locally, named by package and API path as the sink
 * catalogue names them (src/sinks/catalog-types.ts): signing a token, signing a request header,
 * verifying an ID token. They are not destinations: what they return carries the named arguments
 * (as text) onward, and a flow is reported where that result goes (`res.cookie`, `fetch`, a mail).
 *   args `[0]`: the first argument (a JWT's claims, not its key); `'all'`; `'receiver'`: the object
 *   the method is called on (a builder chain such as jose's `new SignJWT(claims).setIssuedAt().sign(key)`).
 */
export interface PackageSummary {
  packages: readonly string[];
  paths: readonly string[];
  on?: 'call' | 'new';
  args: readonly number[] | 'all' | 'receiver';
  /** The result holds the data under this key (`info.message` of a nodemailer stream transport). */
  under?: string;
  /**
   * Only for a receiver made by this call with one of these options `true` (nodemailer's
   * `createTransport({ streamTransport: true })` builds the message in memory; other transports send it).
   */
  createdWith?: { call: string; anyOf: readonly string[] };
  /** The recipients named in the carried argument (`to`, `cc`, `bcc`) are of this category: a MIME message holds their addresses. */
  recipients?: string;
  /** The result is data of this category whatever the arguments (a push service's registration token is the device's id). */
  returns?: string;
}

export const PACKAGE_SUMMARIES: readonly PackageSummary[] = [
  // JWT signing: the token carries its claims (readable by whoever holds it), not a disclosure by itself.
  { packages: ['jsonwebtoken'], paths: ['sign'], args: [0] },
  { packages: ['@nestjs/jwt'], paths: ['JwtService.sign', 'JwtService.signAsync'], args: [0] },
  { packages: ['jwt-simple'], paths: ['encode'], args: [0] },
  { packages: ['fast-jwt'], paths: ['^createSigner()'], args: [0] },
  { packages: ['jose'], paths: ['SignJWT', 'UnsecuredJWT', 'EncryptJWT'], on: 'new', args: [0] },
  // jose v2: JWT.sign(payload, key), JWE.encrypt(cleartext, key)
  { packages: ['jose'], paths: ['JWT.sign', 'JWS.sign', 'JWE.encrypt'], args: [0] },
  {
    packages: ['jose'],
    paths: [
      'sign',
      'encrypt',
      'encode',
      'setProtectedHeader',
      'setIssuedAt',
      'setExpirationTime',
      'setNotBefore',
      'setSubject',
      'setIssuer',
      'setAudience',
      'setJti',
    ],
    args: 'receiver',
  },
  // OAuth 1.0a: `new OAuth(...).authHeader(url, token, secret, method)` signs the request header.
  { packages: ['oauth'], paths: ['authHeader', 'signUrl'], args: 'all' },
  // Google ID tokens are checked against Google's public keys; the ticket holds the token's claims.
  { packages: ['google-auth-library'], paths: ['verifyIdToken'], args: 'all' },
  // A stream or JSON transport only builds the MIME message (`info.message`), sent elsewhere (SES `Raw.Data`).
  {
    packages: ['nodemailer'],
    paths: ['sendMail'],
    args: [0],
    under: 'message',
    createdWith: { call: 'createTransport', anyOf: ['streamTransport', 'jsonTransport'] },
    recipients: 'user.contact.email',
  },
  // Push registration tokens: the id of this app on this device, registered with the app's server to
  // reach the person's device (not a credential of theirs).
  { packages: ['@react-native-firebase/messaging'], paths: ['getToken', 'getAPNSToken'], args: [], returns: 'user.device.device_id' },
  { packages: ['firebase/messaging', '@firebase/messaging'], paths: ['^getToken'], args: [], returns: 'user.device.device_id' },
  {
    packages: ['expo-notifications'],
    paths: ['^getExpoPushTokenAsync', '^getDevicePushTokenAsync'],
    args: [],
    returns: 'user.device.device_id',
  },
];

/**
 * Sanitizers: calls whose result no longer carries the personal data they were given. A call is one
 * when a word of its name is in `words` (`maskEmail`, `redactPii`, `hashUserId`, plus the configured
 * `redactors:`), or when a link of its call chain is one of `chainConstructors`
 * (`crypto.createHash('sha256').update(email).digest('hex')`).
 */
export const SANITIZERS = {
  words: [
    'mask',
    'masked',
    'redact',
    'redacted',
    'anonymize',
    'anonymise',
    'anonymized',
    'anonymised',
    'pseudonymize',
    'pseudonymise',
    'pseudonymized',
    'hash',
    'hashed',
    'digest',
    'hmac',
    'encrypt',
    'encrypted',
    'cipher',
    'tokenize',
    'tokenise',
    'obfuscate',
    'scrub',
    'scrubbed',
    'censor',
    'truncate',
    'sha256',
    'sha1',
    'md5',
  ],
  /** Hash, HMAC and cipher constructors of node:crypto. */
  chainConstructors: ['createHash', 'createHmac', 'createCipheriv', 'createCipher'],
} as const;

/** The summary of a call by name: methods (`x.name()`) and plain calls (`name()`) apart, first row first. */
export function summaryIndex(rows: readonly FlowSummary[] = FLOW_SUMMARIES): {
  method: ReadonlyMap<string, SummaryResult>;
  function: ReadonlyMap<string, SummaryResult>;
} {
  const method = new Map<string, SummaryResult>();
  const fn = new Map<string, SummaryResult>();
  for (const row of rows) {
    for (const name of row.names) {
      if (!method.has(name)) method.set(name, row.result);
      if (row.on === 'method-or-function' && !fn.has(name)) fn.set(name, row.result);
    }
  }
  return { method, function: fn };
}
