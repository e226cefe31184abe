import { ts } from '#ts-morph';
import type { TraceStep } from '../core/contract.js';
import type { SinkMatch, SinkResolver } from '../sinks/types.js';
import { shortText, type FlowAnalyzer, type DataSource } from './flow-analyzer.js';
import { functionName, type FunctionLike } from './functions.js';
import { substitute, type ParamRef, type Source } from './value.js';
import { redactedBy } from './redaction.js';
import { isVendorOwnId } from './vendor-ids.js';
import { withoutRelatedFields } from './orm-relations.js';
import { recipientsAt } from './recipient-roles.js';
import { FallbackSinks, type FallbackMatch } from './fallback-sinks.js';
import { generatedClientId } from './synthetic.js';
import type { Confidence } from '../core/contract.js';

/** Personal data reaching one sink at one place of the code. */
export interface FlowHit {
  /** The sink reached: at this node, or inside the project function called here (`via`). */
  match: SinkMatch;
  /** The node to report: the sink call itself, or the call into the helper that reaches it. */
  at: ts.Node;
  sources: DataSource[];
  /** Name of the project function through which the data reaches the sink. */
  via?: string;
  /** Highest confidence the finding may have: the sink was recognised by name, not proven. */
  cap?: Confidence;
}

/** A parameter of a function that reaches a sink inside it (a function summary). */
interface SummaryEntry {
  ref: ParamRef;
  match: SinkMatch;
  /** Steps from the parameter to the sink, the sink last. */
  trace: TraceStep[];
}

const MAX_SUMMARY_DEPTH = 4;

/**
 * Where personal data meets sinks: directly at a sink call, or through calls into project functions
 * whose parameters reach a sink (`logUser(user)` where `logUser` logs its parameter), across files.
 * Results are cached per node, so every analyzer can ask about the same call for free.
 */
const NO_HITS: FlowHit[] = Object.freeze([]) as unknown as FlowHit[];

export class SinkFlows {
  /**
   * The analyzers ask about each node one after the other (pii-logging, then data-flow), so the last
   * answer is all that needs keeping: a memo of every call in the scan only held memory.
   */
  private last: { node: ts.Node; hits: FlowHit[] } | undefined;
  /**
   * Summaries by function, with how many levels of calls below were followed: `Infinity` when none was
   * cut by MAX_SUMMARY_DEPTH. A summary cut short near the limit is computed again when a caller higher
   * up asks, so what a function reaches does not depend on which file was analyzed first.
   */
  private readonly summaries = new Map<FunctionLike, { entries: SummaryEntry[]; levels: number }>();
  private summaryDepth = 0;
  /** Whether the summary being computed was cut by the depth limit somewhere below. */
  private summaryCut = false;

  private readonly fallbacks: FallbackSinks;

  constructor(
    private readonly flow: FlowAnalyzer,
    private readonly sinks: SinkResolver,
  ) {
    this.fallbacks = new FallbackSinks(sinks, flow.packageSummaries);
  }

  at(node: ts.Node): FlowHit[] {
    if (this.last?.node === node) return this.last.hits;
    let hits = NO_HITS;
    for (const match of this.matchAll(node)) {
      const sources: DataSource[] = [];
      for (const arg of match.dataArgs) {
        const written = this.flow.valueOf(arg).sources;
        // A relation (`session.user`) is written as the related row's key, not its fields.
        sources.push(
          ...this.atSink(match.sink.kind === 'datastore' ? withoutRelatedFields(written, arg, this.flow.checker) : written, match),
        );
      }
      if (match.family === 'egress') this.addRecipients(match, sources);
      if (match.collects && sources.length === 0) sources.push(this.collected(match, match.collects));
      if (match.generatedIds) this.addGeneratedIds(match, match.generatedIds, sources);
      const fallback = isFallback(match) ? match : undefined;
      if (fallback?.needsData && !sources.some((s) => s.confidence !== 'low')) continue;
      if (hits === NO_HITS) hits = [];
      hits.push({ match, at: node, sources: dedupe(sources), ...(fallback ? { cap: fallback.cap } : {}) });
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const through = this.throughHelpers(node);
      if (through.length) hits = hits === NO_HITS ? through : [...hits, ...through];
    }
    this.last = { node, hits };
    return hits;
  }

  /** Catalogue sinks, then the sinks recognised by name where the catalogue found none of that family. */
  private matchAll(node: ts.Node): SinkMatch[] {
    let matches = this.sinks.match(node);
    // A call that only builds locally (a nodemailer stream transport's sendMail) is a summary, not a sink.
    if (matches.length && (ts.isCallExpression(node) || ts.isNewExpression(node)) && this.flow.packageSummaries.of(node)) matches = [];
    if (!ts.isCallExpression(node) && !ts.isBinaryExpression(node)) return matches;
    const extra = this.fallbacks
      .match(node, matches)
      .filter((m) => m.sink.id !== 'logger' || !(ts.isCallExpression(node) && this.flow.functions.resolve(node)));
    return extra.length ? [...matches, ...extra] : matches;
  }

  private throughHelpers(call: ts.CallExpression | ts.NewExpression): FlowHit[] {
    // Literal arguments carry no personal data: no need to find the function they are passed to.
    if (!call.arguments?.some((a) => !isLiteral(a))) return [];
    const fn = this.flow.functions.resolve(call);
    if (!fn) return [];
    const entries = this.summaryOf(fn);
    if (entries.length === 0) return [];
    const name = functionName(fn);
    const hits: FlowHit[] = [];
    for (const e of entries) {
      const arg = argumentsFor(call, fn, e.ref.param);
      if (arg.length === 0) continue;
      const intrinsic = this.flow.intrinsicCategories(e.ref.param);
      let passed: TraceStep | undefined;
      const sources: DataSource[] = [];
      for (const a of arg) {
        const v = substitute(this.flow.valueOf(a), e.ref);
        for (const s of unredacted(v.sources, e.match)) {
          if (intrinsic.has(s.category)) continue; // already reported inside the helper
          passed ??= this.flow.step(call, `passed to ${name}()`);
          sources.push({ ...s, trace: [...s.trace, passed, ...e.trace] });
        }
      }
      if (sources.length)
        hits.push({ match: e.match, at: call, sources: dedupe(sources), via: name, ...(isFallback(e.match) ? { cap: e.match.cap } : {}) });
    }
    return hits;
  }

  /** Which parameters of `fn` reach which sinks, as a caller in another file sees it: a hook for the review's early cutoff. */
  parameterSinks(
    fn: FunctionLike,
  ): readonly { param: number; access: readonly string[]; flat: boolean; match: SinkMatch; trace: readonly TraceStep[] }[] {
    return this.summaryOf(fn).map((e) => ({
      param: fn.parameters.indexOf(e.ref.param),
      access: e.ref.access,
      flat: e.ref.flat,
      match: e.match,
      trace: e.trace,
    }));
  }

  /** Which parameters of `fn` reach which sinks, directly or through further project calls. */
  private summaryOf(fn: FunctionLike): SummaryEntry[] {
    const levels = MAX_SUMMARY_DEPTH - this.summaryDepth;
    const cached = this.summaries.get(fn);
    if (cached && cached.levels >= levels) {
      if (cached.levels !== Infinity) this.summaryCut = true;
      return cached.entries;
    }
    if (!fn.body) return [];
    if (levels <= 0) {
      this.summaryCut = true;
      return [];
    }
    this.summaries.set(fn, { entries: [], levels: Infinity }); // recursion guard
    this.summaryDepth++;
    const outerCut = this.summaryCut;
    this.summaryCut = false;
    const entries: SummaryEntry[] = [];
    try {
      const visit = (n: ts.Node): void => {
        if (
          ts.isCallExpression(n) ||
          ts.isNewExpression(n) ||
          (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken)
        ) {
          for (const match of this.matchAll(n)) {
            const sinkStep = this.flow.step(n, `reaches ${match.description}`);
            for (const arg of match.dataArgs) {
              for (const ref of this.flow.valueOf(arg).params) {
                if (ref.param.parent === fn) entries.push({ ref, match, trace: [...ref.trace, sinkStep] });
              }
            }
          }
          if (!ts.isBinaryExpression(n)) entries.push(...this.nestedEntries(n, fn));
        }
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(fn.body, visit);
    } finally {
      this.summaryDepth--;
    }
    this.summaries.set(fn, { entries, levels: this.summaryCut ? levels : Infinity });
    this.summaryCut ||= outerCut;
    return entries;
  }

  /** `function a(u) { b(u) }` where b's parameter reaches a sink: a's parameter does too. */
  private nestedEntries(call: ts.CallExpression | ts.NewExpression, outer: FunctionLike): SummaryEntry[] {
    if (!call.arguments?.length) return [];
    const inner = this.flow.functions.resolve(call);
    if (!inner || inner === outer) return [];
    const out: SummaryEntry[] = [];
    const passed = this.flow.step(call, `passed to ${functionName(inner)}()`);
    for (const e of this.summaryOf(inner)) {
      for (const arg of argumentsFor(call, inner, e.ref.param)) {
        const v = substitute(this.flow.valueOf(arg), e.ref);
        for (const ref of v.params) {
          if (ref.param.parent === outer) out.push({ ref, match: e.match, trace: [...ref.trace, passed, ...e.trace] });
        }
      }
    }
    return out;
  }

  /** `to: address` at a messaging SDK: the recipient's address, number or device token, whatever it is called. */
  private addRecipients(match: SinkMatch, sources: DataSource[]): void {
    const roles = recipientsAt(match, this.flow.checker);
    if (roles.length === 0) return;
    // The role is better evidence than a guess from the value's or the key's name (`to: address` is no postal address).
    const guessed = new Set(roles.flatMap((r) => [shortText(r.value), r.role]));
    for (let i = sources.length - 1; i >= 0; i--) if (sources[i].path.length <= 1 && guessed.has(sources[i].origin)) sources.splice(i, 1);
    const sinkStep = this.flow.step(match.node, `reaches ${match.description}`);
    for (const r of roles) {
      const origin = `${r.role}: ${shortText(r.value)}`;
      sources.push({
        category: r.category,
        confidence: 'medium',
        origin,
        path: [],
        trace: [this.flow.step(r.value, `${origin} (recipient of ${match.description})`), sinkStep],
      });
    }
  }

  /** A client id the code generated and keeps at this sink (`localStorage.setItem(CLIENT_ID_KEY, nanoid())`). */
  private addGeneratedIds(match: SinkMatch, category: string, sources: DataSource[]): void {
    const key = ts.isCallExpression(match.node) ? match.node.arguments[0] : undefined;
    for (const arg of match.dataArgs) {
      const made = generatedClientId(arg, key, this.flow.checker);
      if (!made) continue;
      const origin = shortText(arg);
      sources.push({
        category,
        confidence: 'medium',
        origin,
        path: [],
        trace: [
          this.flow.step(made, `${shortText(made)} (a generated id kept as this client's identifier)`),
          this.flow.step(match.node, `reaches ${match.description}`),
        ],
      });
    }
  }

  /** What a library collects where it is configured (uploads kept by a storage engine, an analytics SDK's recording). */
  private collected(match: SinkMatch, category: string): DataSource {
    const origin = `what ${match.description} collects`;
    return { category, confidence: 'medium', origin, path: [], trace: [this.flow.step(match.node, `${origin} (${category})`)] };
  }

  /** Sources that the sink really records (pino `redact` paths removed), with the sink as last step. */
  private atSink(sources: readonly Source[], match: SinkMatch): DataSource[] {
    const sinkStep = this.flow.step(match.node, `reaches ${match.description}`);
    return unredacted(sources, match).map((s) => ({ ...s, trace: [...s.trace, sinkStep] }));
  }
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** A finding's confidence: its strongest source, at most the cap of a sink recognised by name. */
export function cappedConfidence(strongest: Confidence, cap: Confidence | undefined): Confidence {
  return cap && RANK[cap] < RANK[strongest] ? cap : strongest;
}

function isFallback(m: SinkMatch): m is FallbackMatch {
  return 'cap' in m;
}

/** Sources that the sink really receives as personal data: not redacted by it, not the vendor's own ids sent back to it. */
function unredacted(sources: readonly Source[], match: SinkMatch): readonly Source[] {
  const kept = match.redactedPaths?.length ? sources.filter((s) => !redactedBy(s.path, match.redactedPaths!)) : sources;
  return kept.some((s) => isVendorOwnId(s, match)) ? kept.filter((s) => !isVendorOwnId(s, match)) : kept;
}

function isLiteral(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) ||
    ts.isNumericLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword
  );
}

function argumentsFor(call: ts.CallExpression | ts.NewExpression, fn: FunctionLike, param: ts.ParameterDeclaration): ts.Expression[] {
  const index = fn.parameters.indexOf(param);
  const args = call.arguments ?? [];
  if (index < 0) return [];
  if (param.dotDotDotToken) return args.slice(index);
  return args[index] ? [args[index]] : [];
}

function dedupe(sources: DataSource[]): DataSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = `${s.category}\u0000${s.path.join('.')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
