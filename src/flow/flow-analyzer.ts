import type { ts } from 'ts-morph';
import type { Confidence, TraceStep } from '../engine/types.js';

/** One piece of personal data that an expression may carry. */
export interface DataSource {
  category: string;
  confidence: Confidence;
  /** Source text that introduced it, e.g. `user.email` or `customer: Customer`. */
  origin: string;
  /** Source first, then each step towards the expression. */
  trace: TraceStep[];
}

export interface Taint {
  sources: DataSource[];
}

/** Placeholder until the flow engine lands: carries no data. */
export class FlowAnalyzer {
  taintOf(_expr: ts.Expression): Taint {
    return { sources: [] };
  }
}
