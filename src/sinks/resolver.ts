import type { ScanServices } from '../engine/analyzer.js';
import type { SinkResolver } from './types.js';
import type { SinkSpec } from './catalog-types.js';
import { LOGGER_SINKS } from '../../analyzers/pii-logging/loggers.catalog.js';
import { EGRESS_SINKS } from '../../analyzers/data-flow/sinks.catalog.js';
import { BuiltValues } from './built-values.js';
import { CatalogIndex } from './catalog-index.js';
import { ConstantEvaluator } from './constant-value.js';
import { customSinkSpecs } from './custom.js';
import { HostResolver } from './http-host.js';
import { SinkMatcher } from './match.js';
import { OriginResolver } from './origin.js';
import { SiblingCalls } from './sibling-call.js';

/** Every built-in sink: the logger catalogue (pii-logging) and the egress catalogue (data-flow). */
export const BUILTIN_SINKS: readonly SinkSpec[] = [...LOGGER_SINKS, ...EGRESS_SINKS];

/**
 * The sink resolver for one program: built-in catalogues plus `config.sinks`. One instance per scan;
 * it memoizes origins and matches per node, so it must not outlive the program.
 */
export function createSinkResolver(services: Pick<ScanServices, 'program' | 'checker' | 'config' | 'reference'>): SinkResolver {
  const constants = new ConstantEvaluator(services.checker);
  const origins = new OriginResolver(services.program, services.checker, constants, services.reference === true);
  const index = new CatalogIndex([...BUILTIN_SINKS, ...customSinkSpecs(services.config?.sinks ?? [])]);
  const matcher = new SinkMatcher(origins, constants, new HostResolver(constants), index, new SiblingCalls(services.checker), new BuiltValues(origins, constants, services.checker));
  return {
    match: (node) => matcher.match(node),
    origin: (expr) => origins.origin(expr),
  };
}
