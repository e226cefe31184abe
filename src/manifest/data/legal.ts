import type { FlowKind, ManifestSystem } from '../types.js';

/**
 * Enumerations of the manifest, with one line each for the JSON Schema descriptions and the README.
 * `TODO` is accepted where a human must decide (see TODO below).
 */

/** Placeholder that `manifest init`/`suggest` write where only a person can decide; validation warns until it is replaced. */
export const TODO = 'TODO';

export const FLOW_KINDS: Readonly<Record<FlowKind, string>> = {
  third_party: 'an external vendor SDK or API (analytics, AI, email, payments, CRM, ...)',
  http: 'an HTTP request to a host (`http:api.example.com`)',
  datastore: 'a database or cache',
  queue: 'a message queue or stream (Kafka, SQS, BullMQ, ...)',
  storage: 'object storage (S3, GCS, Azure Blob)',
  file: 'files on disk',
  browser_storage: 'cookies, localStorage, sessionStorage, IndexedDB',
  token: 'a token payload (JWT)',
  logger: 'a logger (prefer logging.allowedCategories)',
  error_reporter: 'an error reporter such as Sentry (prefer logging.allowedCategories)',
};

export const RESPONSIBILITIES: Readonly<Record<NonNullable<ManifestSystem['responsibility']>, string>> = {
  controller: 'decides why and how the data is processed (GDPR Art. 4(7))',
  processor: 'processes the data on behalf of a controller (Art. 4(8))',
  joint_controller: 'decides together with another controller (Art. 26)',
};

/** GDPR Art. 6(1) (a)-(f). */
export const LEGAL_BASES: Readonly<Record<string, string>> = {
  consent: 'Art. 6(1)(a): the person consented',
  contract: 'Art. 6(1)(b): needed for a contract with the person',
  legal_obligation: 'Art. 6(1)(c): required by law',
  vital_interests: "Art. 6(1)(d): protects someone's life",
  public_task: 'Art. 6(1)(e): a task in the public interest',
  legitimate_interests: "Art. 6(1)(f): legitimate interests, balanced against the person's",
};

/** GDPR Art. 9(2) (a)-(j) for special categories, and Art. 10 for criminal-offence data. */
export const SPECIAL_CATEGORY_CONDITIONS: Readonly<Record<string, string>> = {
  explicit_consent: 'Art. 9(2)(a): explicit consent',
  employment: 'Art. 9(2)(b): employment and social security law',
  vital_interests: 'Art. 9(2)(c): vital interests of a person who cannot consent',
  nonprofit_body: 'Art. 9(2)(d): members of a foundation, association or other not-for-profit body',
  made_public: 'Art. 9(2)(e): manifestly made public by the person',
  legal_claims: 'Art. 9(2)(f): legal claims or courts',
  substantial_public_interest: 'Art. 9(2)(g): substantial public interest, on the basis of law',
  health_care: 'Art. 9(2)(h): preventive or occupational medicine, health or social care',
  public_health: 'Art. 9(2)(i): public health',
  archiving_research: 'Art. 9(2)(j): archiving, scientific or historical research, statistics',
  official_authority: 'Art. 10: under the control of official authority (criminal-offence data)',
  authorized_by_law: 'Art. 10: authorised by Union or Member State law (criminal-offence data)',
};

/** GDPR Chapter V: how a transfer outside the EEA is made lawful. */
export const TRANSFER_MECHANISMS: Readonly<Record<string, string>> = {
  adequacy: 'Art. 45: the country has an adequacy decision',
  dpf: 'Art. 45: the US recipient is certified under the EU-US Data Privacy Framework',
  scc: 'Art. 46(2)(c): standard contractual clauses',
  bcr: 'Art. 47: binding corporate rules',
  code_of_conduct: 'Art. 46(2)(e): an approved code of conduct',
  certification: 'Art. 46(2)(f): an approved certification mechanism',
  ad_hoc_clauses: 'Art. 46(3)(a): contractual clauses authorised by a supervisory authority',
  derogation: 'Art. 49: a derogation for a specific situation (e.g. explicit consent to the transfer)',
};

/** `a, b or c` for hints. */
export function oneOf(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
