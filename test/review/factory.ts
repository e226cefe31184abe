import type { Finding, RuleId, SinkRef } from '../../src/core/contract.js';
import type { LoadedManifest, Manifest } from '../../src/manifest/types.js';
import type { ReviewedFinding } from '../../src/review/types.js';

let counter = 0;

export function finding(
  rule: RuleId,
  categories: string[],
  extra: Partial<Finding> & { sinkId?: string; sinkKind?: SinkRef['kind'] } = {},
): Finding {
  const { sinkId, sinkKind, ...rest } = extra;
  const sink: SinkRef | null = sinkId
    ? { kind: sinkKind ?? 'third_party', id: sinkId }
    : rule === 'pii-logging'
      ? { kind: 'logger', id: 'pino' }
      : null;
  return {
    id: `f${++counter}`,
    rule,
    severity: 'medium',
    file: 'src/app.ts',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    message: 'm',
    categories,
    symbol: rule === 'pii-field' ? 'User.email' : 'handler',
    sink,
    trace: [],
    suppressed: false,
    confidence: 'high',
    remediation: 'r',
    ...rest,
  };
}

export function manifest(partial: Partial<Manifest> = {}): Manifest {
  return {
    version: 1,
    system: { name: 'shop' },
    datasets: [],
    flows: [],
    purposes: [],
    logging: { allowedCategories: [], redactors: [] },
    exceptions: [],
    ...partial,
  };
}

export function loaded(m: Manifest): LoadedManifest {
  return {
    file: '.privacy/manifest.yml',
    manifest: m,
    problems: [],
    locate: (path) => ({ file: '.privacy/manifest.yml', line: 10 + path.length, column: 3 }),
  };
}

export function reviewed(f: Finding, status: ReviewedFinding['status'], declared = false): ReviewedFinding {
  return { finding: f, status, declared };
}
