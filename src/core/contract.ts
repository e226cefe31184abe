/**
 * The stable output contract of a scan (JSON `version: 1`). Other tools and the GitHub App read it,
 * so fields are only ever added, never renamed or removed.
 */

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high'];

export type RuleId = 'pii-field' | 'pii-logging' | 'data-flow';

/**
 * Where data goes. `logger`/`error_reporter` are used by pii-logging; the others by data-flow and
 * mirror the flow kinds of the data-flow manifest.
 */
export type SinkKind =
  'logger' | 'error_reporter' | 'third_party' | 'http' | 'datastore' | 'queue' | 'storage' | 'file' | 'browser_storage' | 'token';

export interface SinkRef {
  kind: SinkKind;
  /** Stable id used by manifests and fingerprints: `segment`, `openai`, `kafka:user-events`, `http:api.example.com`. */
  id: string;
  /** npm package the sink comes from, when it comes from one. */
  package?: string;
  /** Human label, e.g. "Segment analytics". */
  label?: string;
  /** Kind of service for third parties: analytics, ai, email, sms, payments, crm, search, ... */
  service?: string;
}

export interface TraceStep {
  file: string;
  line: number;
  note: string;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Suppression {
  kind: 'inline' | 'config';
  reason: string;
}

export interface Finding {
  /** Fingerprint: independent of line numbers (rule, file, enclosing symbol, categories, sink, discriminator). */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** Relative to the scan root, `/`-separated. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Data-category taxonomy keys, sorted. */
  categories: string[];
  /** `User.email` for fields, the enclosing function (`UserService.register`) otherwise. */
  symbol: string;
  sink: SinkRef | null;
  trace: TraceStep[];
  suppressed: boolean;
  suppression?: Suppression;
  confidence: Confidence;
  /** What the developer should do about it, one or two sentences. */
  remediation: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface FileError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ScanStats {
  files: number;
  lines: number;
  durationMs: number;
  findings: number;
  suppressed: number;
  byRule: Record<RuleId, number>;
  peakRssMb?: number;
  /** Files analyzed by this run (of `files`); the others were answered from the analysis cache. */
  analyzed?: number;
  /** Files answered from the analysis cache (`--cache`), not analyzed again. */
  fromCache?: number;
}

export interface ScanResult {
  version: 1;
  tool: { name: 'privacy-review'; version: string };
  root: string;
  findings: Finding[];
  skipped: SkippedFile[];
  errors: FileError[];
  stats: ScanStats;
}
