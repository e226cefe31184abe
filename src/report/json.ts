import type { ScanResult } from '../core/contract.js';

/**
 * Key order of each object of the contract (src/core/contract.ts). Output does not depend on the order
 * in which the engine happened to build an object; keys added later come after these, alphabetically.
 */
const ORDER = {
  result: ['version', 'tool', 'root', 'findings', 'skipped', 'errors', 'stats'],
  tool: ['name', 'version'],
  finding: [
    'id',
    'rule',
    'severity',
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'message',
    'categories',
    'symbol',
    'sink',
    'trace',
    'suppressed',
    'suppression',
    'confidence',
    'remediation',
  ],
  sink: ['kind', 'id', 'package', 'label', 'service'],
  step: ['file', 'line', 'note'],
  suppression: ['kind', 'reason'],
  skipped: ['file', 'reason'],
  error: ['file', 'line', 'column', 'message'],
  stats: ['files', 'lines', 'durationMs', 'findings', 'suppressed', 'byRule', 'peakRssMb'],
  byRule: ['pii-field', 'pii-logging', 'data-flow'],
} as const;

/** The scan result as it is, with a stable key order and 2-space indentation. */
export function renderJson(result: ScanResult): string {
  const ordered = order(result, ORDER.result, {
    tool: (t) => order(t, ORDER.tool),
    findings: (list) => (list as unknown[]).map(orderFinding),
    skipped: (list) => (list as unknown[]).map((s) => order(s, ORDER.skipped)),
    errors: (list) => (list as unknown[]).map((e) => order(e, ORDER.error)),
    stats: (s) => order(s, ORDER.stats, { byRule: (b) => order(b, ORDER.byRule) }),
  });
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** One finding with the contract's key order (also used by the PR review's JSON). */
export function orderFinding(f: unknown): unknown {
  return order(f, ORDER.finding, {
    sink: (s) => (s === null ? null : order(s, ORDER.sink)),
    trace: (steps) => (steps as unknown[]).map((s) => order(s, ORDER.step)),
    suppression: (s) => order(s, ORDER.suppression),
  });
}

export type Nested = Record<string, (value: unknown) => unknown>;

/** `value` with `keys` first in that order, then any other keys alphabetically; `nested` orders the values of some keys. */
export function order(value: unknown, keys: readonly string[], nested: Nested = {}): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const rest = Object.keys(obj)
    .filter((k) => !keys.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const k of [...keys, ...rest]) {
    if (!(k in obj)) continue;
    out[k] = nested[k] ? nested[k](obj[k]) : obj[k];
  }
  return out;
}
