import type { Analyzer } from '../src/engine/analyzer.js';

/** Every analyzer, in report order. */
export const ANALYZERS: readonly Analyzer[] = [];
