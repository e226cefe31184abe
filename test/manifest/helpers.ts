import { parseManifest, type ParseManifestOptions } from '../../src/manifest/load.js';
import { formatManifestProblem } from '../../src/manifest/problems.js';
import type { LoadedManifest } from '../../src/manifest/types.js';
import type { Finding, SinkRef } from '../../src/core/contract.js';

export const TODAY = '2025-06-01';

/** A valid manifest to start tests from: every later rule is satisfied. */
export const VALID = `version: 1
system:
  name: shop
datasets:
  - id: users
    fields:
      - symbol: User.email
        categories: [user.contact.email]
flows:
  - id: segment
    kind: third_party
    categories: [user.contact.email]
    countries: [US]
    transferMechanism: dpf
purposes:
  - id: analytics
    dataUse: analytics.reporting
    dataSubjects: [customer]
    categories: [user.contact.email]
    legalBasis: consent
    flows: [segment]
    datasets: [users]
logging:
  allowedCategories: [user.device.ip_address]
  redactors: [maskEmail]
exceptions: []
`;

export function load(yaml: string, options: ParseManifestOptions = {}): LoadedManifest {
  return parseManifest(yaml, 'm.yml', { today: TODAY, ...options });
}

/** Formatted problems: `m.yml:line:col: severity code: message — hint`. */
export function problemsOf(yaml: string, options: ParseManifestOptions = {}): string[] {
  return load(yaml, options).problems.map(formatManifestProblem);
}

/** `line:col severity code` of each problem, for compact assertions. */
export function codesOf(yaml: string, options: ParseManifestOptions = {}): string[] {
  return load(yaml, options).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`);
}

/** VALID with `section` (a top-level key) replaced by `text` (which includes the key). */
export function withSection(section: string, text: string, base = VALID): string {
  const lines = base.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${section}:`));
  let end = start + 1;
  while (end < lines.length && (lines[end]!.startsWith(' ') || lines[end] === '')) end++;
  return [...lines.slice(0, start), ...text.trimEnd().split('\n'), ...lines.slice(end)].join('\n').replace(/\n*$/, '\n');
}

let n = 0;
export function finding(partial: Partial<Finding> & Pick<Finding, 'rule' | 'categories'>): Finding {
  n++;
  return {
    id: partial.id ?? `f${n}`,
    severity: 'medium',
    file: 'src/a.ts',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    message: 'm',
    symbol: 'fn',
    sink: null,
    trace: [],
    suppressed: false,
    confidence: 'high',
    remediation: 'r',
    ...partial,
  };
}

export const SINKS: Record<string, SinkRef> = {
  segment: { kind: 'third_party', id: 'segment', package: '@segment/analytics-node', label: 'Segment', service: 'analytics' },
  openai: { kind: 'third_party', id: 'openai', package: 'openai', label: 'OpenAI', service: 'ai' },
  crm: { kind: 'http', id: 'http:crm.example.com', label: 'fetch' },
  s3: { kind: 'storage', id: 's3:exports', package: '@aws-sdk/client-s3', label: 'S3' },
  pino: { kind: 'logger', id: 'pino', package: 'pino', label: 'pino' },
};
