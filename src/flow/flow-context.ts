import type { ts } from '#ts-morph';
import type { TraceStep } from '../core/contract.js';
import type { Value } from './value.js';
import type { FunctionLike, FunctionResolver } from './functions.js';
import type { Assignments } from './assignments.js';
import type { PackageSummaries } from './package-summaries.js';
import type { NameSources } from './name-sources.js';
import type { FlowServices } from './flow-services.js';

/**
 * What the parts of the flow engine (expressions, calls) ask of it: the value of another expression,
 * trace steps, and the scan-wide helpers (FlowAnalyzer implements it).
 */
export interface FlowContext {
  readonly services: FlowServices;
  readonly names: NameSources;
  readonly assignments: Assignments;
  readonly functions: FunctionResolver;
  readonly packageSummaries: PackageSummaries;
  /** `redactors:` of the configuration, as a set. */
  readonly extraSanitizers: ReadonlySet<string>;
  valueOf(expr: ts.Expression): Value;
  step(node: ts.Node, note: string): TraceStep;
  returnValueAt(call: ts.CallExpression | ts.NewExpression, fn: FunctionLike): Value;
}
