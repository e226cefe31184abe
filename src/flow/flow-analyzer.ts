import { ts } from '#ts-morph';
import type { TraceStep } from '../core/contract.js';
import { TypeSources } from './type-sources.js';
import { isSanitizerName } from './sanitizers.js';
import { EMPTY, flattened, substitute, union, withStep, type ParamRef, type Source, type Value } from './value.js';
import { FunctionResolver, functionName, type FunctionLike } from './functions.js';
import { Assignments } from './assignments.js';
import { declaredPrimitive } from './primitive-annotation.js';
import { returnedExpressions, skipOuter } from '../ts/syntax.js';
import { PackageSummaries } from './package-summaries.js';
import type { FlowContext } from './flow-context.js';
import type { FlowServices } from './flow-services.js';
import { TraceSteps } from './trace-steps.js';
import { NameSources } from './name-sources.js';
import { ExpressionValues } from './expression-values.js';
import { CallValues } from './call-values.js';
import { within, withTrace } from './flow-syntax.js';

export type { FlowServices } from './flow-services.js';
export { shortText } from './flow-syntax.js';
export type { Source, Value };

/** One piece of personal data that an expression may carry, with the trace that brought it there. */
export type DataSource = Source;

export interface Taint {
  sources: DataSource[];
}

/** Nested expressions data is followed through (each variable, call and literal a level). */
const MAX_DEPTH = 24;

/** A place where data was not followed further: the expression nests deeper than MAX_DEPTH. */
export interface FlowCut {
  /** Relative path of the expression's file. */
  file: string;
  line: number;
  limit: number;
}

/**
 * Intra- and inter-procedural taint: which personal data an expression may carry, with a trace.
 * Sources are names (`user.email`), types with PII fields (`user: User`) and object keys
 * (`{ email: x }`) (name-sources.ts). Flow follows variables, destructuring, templates,
 * concatenation, object literals and spreads (expression-values.ts), JSON.stringify, library calls
 * and calls into the project's own functions (call-values.ts, through summaries in terms of their
 * parameters). Redaction helpers end the flow. This class holds the memo, the depth bound and the
 * function summaries; the parts ask back through FlowContext.
 */
export class FlowAnalyzer implements FlowContext {
  private readonly memo = new WeakMap<ts.Node, Value>();
  private readonly returnMemo = new Map<FunctionLike, Value>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly intrinsicMemo = new Map<ts.ParameterDeclaration, Set<string>>();
  private readonly steps: TraceSteps;
  private readonly typeSources: TypeSources;
  readonly names: NameSources;
  private readonly expressions: ExpressionValues;
  private readonly calls: CallValues;
  readonly assignments: Assignments;
  readonly extraSanitizers: ReadonlySet<string>;
  /** Shared with SinkFlows: one cache of call -> project function for the whole scan. */
  readonly functions: FunctionResolver;
  /** Shared with the fallback sinks: a package call that transforms locally is no vendor call. */
  readonly packageSummaries: PackageSummaries;
  private depth = 0;
  /** The outermost expression being followed (depth 1). */
  private root: ts.Expression | undefined;
  /** Expressions not followed for depth since the last `takeCuts`. */
  private cuts: ts.Expression[] = [];

  constructor(readonly services: FlowServices) {
    this.steps = new TraceSteps((f) => services.relative(f));
    this.typeSources = new TypeSources(services.checker, services.program, services.classifier);
    this.extraSanitizers = new Set(services.config.redactors);
    this.names = new NameSources(services, this.typeSources, this.extraSanitizers, this.steps);
    this.expressions = new ExpressionValues(this);
    this.calls = new CallValues(this);
    this.assignments = new Assignments(services.checker, (name) => isSanitizerName(name, this.extraSanitizers));
    this.functions = new FunctionResolver(services.checker, services.program, services.reference);
    this.packageSummaries = new PackageSummaries(services.sinks ? (e) => services.sinks!.origin(e) : undefined);
  }

  get checker(): ts.TypeChecker {
    return this.services.checker;
  }

  /** Public view: the personal data an expression may carry (parameters left symbolic are dropped). */
  taintOf(expr: ts.Expression): Taint {
    return { sources: this.valueOf(expr).sources };
  }

  /** Full value, including symbolic parameter references (for summaries). */
  valueOf(outer: ts.Expression): Value {
    // Parentheses, `as`, `!`, `satisfies`, `await` carry their operand's value: no depth spent on them.
    const expr = skipOuter(outer);
    const cached = this.memo.get(expr);
    if (cached) return cached;
    if (this.inProgress.has(expr)) return EMPTY;
    if (this.depth > MAX_DEPTH) {
      // Reported only when the cut is inside the expression being followed (code nested that
      // deep); a chain of variables and calls across the file is a limit of the analysis, not of the code.
      if (this.root && within(expr, this.root)) this.cuts.push(expr);
      return EMPTY;
    }
    this.inProgress.add(expr);
    if (this.depth === 0) this.root = expr;
    this.depth++;
    let v: Value;
    try {
      v = this.compute(expr);
    } finally {
      this.depth--;
      if (this.depth === 0) this.root = undefined;
      this.inProgress.delete(expr);
    }
    this.memo.set(expr, v);
    return v;
  }

  /** Where data was not followed for depth since the last call (the scan reports each place once). */
  takeCuts(): FlowCut[] {
    if (this.cuts.length === 0) return [];
    const cuts = this.cuts.map((e) => {
      const { file, line } = this.step(e, '');
      return { file, line, limit: MAX_DEPTH };
    });
    this.cuts = [];
    return cuts;
  }

  /** What a call to a project function returns, in terms of the call's arguments. */
  returnValueAt(call: ts.CallExpression | ts.NewExpression, fn: FunctionLike): Value {
    const summary = this.returnValueOf(fn);
    if (summary === EMPTY) return EMPTY;
    const step = this.step(call, `returned from ${functionName(fn)}()`);
    return withStep(this.instantiate(summary, fn, call), step);
  }

  /**
   * What `fn` returns, in terms of its parameters, as any caller sees it (before instantiation): a
   * hook for the review's early cutoff, which compares it across the two sides of a change.
   */
  returnSummary(fn: FunctionLike): Value {
    return this.returnValueOf(fn);
  }

  /** The personal-data fields a type holds, as sources read them (early cutoff compares exported types by them). */
  personalFieldsOf(type: ts.Type): Omit<Source, 'trace' | 'origin'>[] {
    return this.typeSources.of(type);
  }

  /** Replace references to `fn`'s own parameters by the sources of the matching arguments of `call`. */
  instantiate(v: Value, fn: FunctionLike, call: ts.CallExpression | ts.NewExpression): Value {
    if (v.params.length === 0) return v;
    const own: ParamRef[] = [];
    const others: ParamRef[] = [];
    for (const p of v.params) (p.param.parent === fn ? own : others).push(p);
    if (own.length === 0) return v;
    const parts: Value[] = [{ sources: v.sources, params: others }];
    const args = call.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    for (const ref of own) {
      const index = fn.parameters.indexOf(ref.param);
      const argExprs = ref.param.dotDotDotToken ? args.slice(index) : args[index] ? [args[index]] : [];
      for (const arg of argExprs) {
        const argValue = this.valueOf(arg);
        parts.push(withTrace(substitute(argValue, ref), ref.trace));
      }
    }
    return union(parts);
  }

  /** Categories a parameter carries by its own name and type: reported inside its function already. */
  intrinsicCategories(param: ts.ParameterDeclaration): Set<string> {
    let out = this.intrinsicMemo.get(param);
    if (out) return out;
    out = new Set<string>();
    if (ts.isIdentifier(param.name)) {
      for (const s of this.names.nameSource(param.name.text, param.name, false, param.name.text).sources) out.add(s.category);
      if (this.services.reference || !declaredPrimitive(param))
        for (const s of this.names.typeSource(param.name, param.name.text).sources) out.add(s.category);
    }
    this.intrinsicMemo.set(param, out);
    return out;
  }

  step(node: ts.Node, note: string): TraceStep {
    return this.steps.step(node, note);
  }

  private returnValueOf(fn: FunctionLike): Value {
    const cached = this.returnMemo.get(fn);
    if (cached) return cached;
    this.returnMemo.set(fn, EMPTY); // recursion guard
    const v = fn.body ? union(returnedExpressions(fn.body).map((e) => this.valueOf(e))) : EMPTY;
    this.returnMemo.set(fn, v);
    return v;
  }

  private compute(expr: ts.Expression): Value {
    switch (expr.kind) {
      case ts.SyntaxKind.Identifier:
        return this.expressions.identifier(expr as ts.Identifier);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.expressions.propertyAccess(expr as ts.PropertyAccessExpression);
      case ts.SyntaxKind.ElementAccessExpression:
        return this.expressions.elementAccess(expr as ts.ElementAccessExpression);
      case ts.SyntaxKind.TemplateExpression:
        return this.expressions.template(expr as ts.TemplateExpression);
      case ts.SyntaxKind.TaggedTemplateExpression: {
        const tpl = (expr as ts.TaggedTemplateExpression).template;
        return ts.isTemplateExpression(tpl) ? flattened(union(tpl.templateSpans.map((s) => this.valueOf(s.expression)))) : EMPTY;
      }
      case ts.SyntaxKind.BinaryExpression:
        return this.expressions.binary(expr as ts.BinaryExpression);
      case ts.SyntaxKind.ConditionalExpression: {
        const c = expr as ts.ConditionalExpression;
        return union([this.valueOf(c.whenTrue), this.valueOf(c.whenFalse)]);
      }
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.expressions.objectLiteral(expr as ts.ObjectLiteralExpression);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return union((expr as ts.ArrayLiteralExpression).elements.map((e) => this.valueOf(ts.isSpreadElement(e) ? e.expression : e)));
      case ts.SyntaxKind.SpreadElement:
        return this.valueOf((expr as ts.SpreadElement).expression);
      case ts.SyntaxKind.CallExpression:
        return this.calls.call(expr as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return this.calls.newExpression(expr as ts.NewExpression);
      default:
        return EMPTY; // literals, functions, comparisons: no personal data of their own
    }
  }
}
