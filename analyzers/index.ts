import type { Analyzer } from '../src/engine/analyzer.js';
import { piiFieldAnalyzer } from './pii-field/index.js';
import { piiLoggingAnalyzer } from './pii-logging/index.js';
import { dataFlowAnalyzer } from './data-flow/index.js';

/** Every analyzer, in report order. */
export const ANALYZERS: readonly Analyzer[] = [piiFieldAnalyzer, piiLoggingAnalyzer, dataFlowAnalyzer];
