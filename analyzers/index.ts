import type { Analyzer } from '../src/engine/analyzer.js';
import type { SinkSpec } from '../src/sinks/catalog-types.js';
import { piiFieldAnalyzer } from './pii-field/index.js';
import { piiLoggingAnalyzer } from './pii-logging/index.js';
import { dataFlowAnalyzer } from './data-flow/index.js';

/** Every analyzer, in report order. */
export const ANALYZERS: readonly Analyzer[] = [piiFieldAnalyzer, piiLoggingAnalyzer, dataFlowAnalyzer];

/** Every built-in sink: the catalogues the rules bring, in rule order. */
export const BUILTIN_SINKS: readonly SinkSpec[] = ANALYZERS.flatMap((a) => a.sinks ?? []);
