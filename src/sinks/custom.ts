import type { CustomSinkConfig } from './types.js';
import type { SinkSpec } from './catalog-types.js';

/**
 * Configured sinks (`sinks:` in `.privacy-review.yml`) as catalogue entries: `call` is a path pattern
 * matched like the built-in ones (a suffix of the callee's path from `package`), `args` the data
 * positions (all by default).
 */
export function customSinkSpecs(configs: readonly CustomSinkConfig[]): SinkSpec[] {
  return configs.map((c) => ({
    id: c.id,
    kind: c.kind,
    label: c.label ?? c.id,
    ...(c.service ? { service: c.service } : {}),
    packages: [c.package],
    calls: [{ path: c.call, args: c.args && c.args.length ? c.args : 'all' }],
  }));
}
