import type { Severity } from '../core/contract.js';
import type { ClassifierExtensions } from '../classifier/types.js';
import type { CustomSinkConfig } from '../sinks/types.js';

/** Scan configuration (`.privacy-review.yml`), after validation and defaults. */
export interface ScanConfig {
  /** Globs (relative to the root) of files to analyze. */
  include: string[];
  /** Globs never analyzed (on top of node_modules, build output and .gitignore). */
  exclude: string[];
  /** Globs whose findings are kept but marked suppressed (kind `config`), each with its reason. */
  ignore: { paths: string[]; rules?: string[]; reason: string }[];
  /** Exit-code threshold for the CLI. */
  failOn: Severity;
  /** Files larger than this many bytes are skipped with a reason. */
  maxFileBytes: number;
  /** Honour .gitignore files. */
  gitignore: boolean;
  /**
   * Analyze tests, end-to-end suites, fixtures, mocks, stories and vendored code too. Off by default:
   * they carry fake data and do not ship (a file there that analyzed code imports is analyzed anyway).
   */
  includeTests: boolean;
  classifier: ClassifierExtensions;
  sinks: CustomSinkConfig[];
  /** Extra function/method names treated as redaction helpers (in addition to mask/redact/anonymize/...). */
  redactors: string[];
  /** Custom analyzers (module paths relative to the configuration file, or package names); see src/custom/api.ts. */
  analyzers: string[];
}

export const DEFAULT_CONFIG: ScanConfig = {
  include: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', '**/*.prisma'],
  exclude: [],
  ignore: [],
  failOn: 'high',
  maxFileBytes: 1_000_000,
  gitignore: true,
  includeTests: false,
  classifier: {},
  sinks: [],
  redactors: [],
  analyzers: [],
};
