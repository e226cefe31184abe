import type { RuleId } from '../core/contract.js';

/**
 * The data-flow manifest (`.privacy/manifest.yml`): what a team declares about the personal data its
 * code holds and sends, in fideslang-compatible terms. Category lists are taxonomy keys; a key covers
 * its descendants (`user.contact` covers `user.contact.email`).
 */
export interface Manifest {
  version: 1;
  system: ManifestSystem;
  datasets: Dataset[];
  flows: Flow[];
  purposes: Purpose[];
  logging: LoggingPolicy;
  exceptions: ManifestException[];
}

export interface ManifestSystem {
  name: string;
  description?: string;
  /** Owning team, e.g. `@acme/payments`. */
  owner?: string;
  responsibility?: 'controller' | 'processor' | 'joint_controller';
  dpo?: string;
}

/** Where personal data is held: models, tables, schemas. */
export interface Dataset {
  id: string;
  description?: string;
  /** Default retention for its fields, e.g. `P2Y` (ISO 8601 duration) or `until account deletion`. */
  retention?: string;
  fields: DatasetField[];
}

export interface DatasetField {
  /** Code symbol: `User.email`, `User.*` (every field of User), `users.email` (a table). */
  symbol?: string;
  /** Glob of files whose fields this entry covers: `src/models/**`. */
  path?: string;
  categories: string[];
  retention?: string;
  description?: string;
}

export type FlowKind =
  'third_party' | 'http' | 'datastore' | 'queue' | 'storage' | 'file' | 'browser_storage' | 'token' | 'logger' | 'error_reporter';

/** An egress destination. */
export interface Flow {
  /** Stable id, normally the sink id the analyzer reports: `segment`, `kafka:user-events`, `http:api.example.com`. */
  id: string;
  kind: FlowKind;
  description?: string;
  /** Further sink ids, packages, hosts or topics this flow stands for (besides its own id). */
  match?: { sinks?: string[]; packages?: string[]; hosts?: string[]; topics?: string[] };
  /** Data categories this destination may receive. */
  categories: string[];
  /** For third parties: ISO 3166 alpha-2 countries where the data is processed. */
  countries?: string[];
  /** For transfers outside the EEA: `adequacy`, `scc`, `bcr`, `derogation`, ... */
  transferMechanism?: string;
  /** Processor / vendor legal name. */
  processor?: string;
  /** Reference to the data processing agreement. */
  dpa?: string;
  retention?: string;
}

/** A privacy declaration: why data is processed. */
export interface Purpose {
  id: string;
  /** Fideslang data use key, e.g. `essential.service.payment_processing`, `analytics.reporting`. */
  dataUse: string;
  description?: string;
  /** Fideslang data subject keys, e.g. `customer`, `employee`. */
  dataSubjects: string[];
  categories: string[];
  /** GDPR Art. 6(1) basis: `consent`, `contract`, `legal_obligation`, `vital_interests`, `public_task`, `legitimate_interests`. */
  legalBasis: string;
  /** GDPR Art. 9(2) condition, required when special categories are processed: `explicit_consent`, `employment`, ... */
  specialCategoryCondition?: string;
  retention?: string;
  /** Flow ids that serve this purpose. */
  flows: string[];
  /** Dataset ids that serve this purpose. */
  datasets: string[];
}

export interface LoggingPolicy {
  /** Categories that may appear in logs and error reports (e.g. `user.device.ip_address` for security logs). */
  allowedCategories: string[];
  /** Redaction helpers the project uses (function names), treated like mask/redact helpers. */
  redactors: string[];
}

/** A time-limited acceptance of an otherwise undeclared finding. */
export interface ManifestException {
  id: string;
  rule?: RuleId;
  /** Globs of files it applies to. */
  paths?: string[];
  /** Sink id it applies to. */
  sink?: string;
  categories?: string[];
  reason: string;
  /** `YYYY-MM-DD`; after this date the exception no longer applies and validation reports it. */
  expires: string;
  approvedBy?: string;
}

/** A problem in the manifest, positioned in its YAML source. */
export interface ManifestProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  /** Stable code, e.g. `unknown-category`, `dangling-flow`, `special-needs-condition`. */
  code: string;
  message: string;
  /** What to do. */
  hint?: string;
}

/** Location of a declaration in the manifest, for "stale declaration" reports and links. */
export interface DeclarationLocation {
  file: string;
  line: number;
  column: number;
}

export interface LoadedManifest {
  file: string;
  manifest: Manifest;
  problems: ManifestProblem[];
  /** Position of an entity by its path in the document, e.g. `['flows', 2]` or `['flows', 2, 'categories']`. */
  locate(path: readonly (string | number)[]): DeclarationLocation;
}
