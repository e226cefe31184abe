import { ts } from '#ts-morph';
import type { SinkRef } from '../core/contract.js';
import type { SinkMatch } from './types.js';
import type { ValueRef } from './catalog-types.js';
import type { CatalogIndex, CompiledCall } from './catalog-index.js';
import { propertyInitializer, type ConstantEvaluator } from './constant-value.js';
import type { HostResolver } from './http-host.js';
import { FILE_PREFIX, type OriginResolver, type Resolved } from './origin.js';
import { selectArgs, refExpression } from './args.js';
import { pinoRedactPaths } from './redact.js';
import type { SiblingCalls } from './sibling-call.js';
import type { BuiltValues } from './built-values.js';
import { CALL, NEW, matchPattern, normalizePath, renderPath } from './path-pattern.js';
import { GLOBAL_MODULE } from './globals.js';
import { isAssignment, isPlainString, skipOuter } from '../ts/syntax.js';

const NO_MATCHES: SinkMatch[] = [];
const SYNTAX_RULED_OUT: SinkMatch[] = [];

/** Request-config properties whose value is (part of) the request URL. */
const URL_DATA_PROPERTIES = ['url', 'uri', 'href', 'path', 'searchParams', 'qs'];

/**
 * Finds the catalogue sinks reached at a call, `new`, assignment or tagged template. Cheap for
 * non-sinks: a property-access callee whose name no catalogue entry ends with returns before any
 * checker work; results are memoized per node.
 */
export class SinkMatcher {
  private readonly cache = new WeakMap<ts.Node, SinkMatch[]>();

  constructor(
    private readonly origins: OriginResolver,
    private readonly constants: ConstantEvaluator,
    private readonly hosts: HostResolver,
    private readonly index: CatalogIndex,
    private readonly siblings: SiblingCalls,
    private readonly built?: BuiltValues,
  ) {}

  match(node: ts.Node): SinkMatch[] {
    const kind = node.kind;
    if (
      kind !== ts.SyntaxKind.CallExpression &&
      kind !== ts.SyntaxKind.NewExpression &&
      kind !== ts.SyntaxKind.BinaryExpression &&
      kind !== ts.SyntaxKind.TaggedTemplateExpression
    ) {
      return [];
    }
    let result = this.cache.get(node);
    if (!result) {
      result = this.compute(node);
      // Names no sink uses are ruled out from the syntax alone: not worth a memo entry.
      if (result !== SYNTAX_RULED_OUT) this.cache.set(node, result.length ? result : NO_MATCHES);
    }
    return result.length ? result.slice() : [];
  }

  private compute(node: ts.Node): SinkMatch[] {
    if (ts.isCallExpression(node)) return this.call(node);
    if (ts.isNewExpression(node)) return this.byCallee(node, node.expression, this.index.news, node.arguments ?? []);
    if (ts.isTaggedTemplateExpression(node)) {
      const tpl = node.template;
      const data = ts.isTemplateExpression(tpl) ? tpl.templateSpans.map((s) => s.expression) : [];
      return this.byCallee(node, node.tag, this.index.tags, data);
    }
    if (isAssignment(node)) {
      const left = skipOuter(node.left);
      if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return SYNTAX_RULED_OUT;
      return this.byCallee(node, left, this.index.assigns, [node.right]);
    }
    return SYNTAX_RULED_OUT;
  }

  private call(ce: ts.CallExpression): SinkMatch[] {
    const out = this.byCallee(ce, ce.expression, this.index.calls, ce.arguments);
    if (this.index.commands.size > 0 && ce.arguments.length > 0 && quickKey(skipOuter(ce.expression)) === 'send') {
      return [...out, ...this.command(ce)];
    }
    return out;
  }

  /** Match `callee`'s origin against the entries keyed by its last step. */
  private byCallee(
    node: ts.Node,
    calleeExpr: ts.Expression,
    table: Map<string, CompiledCall[]>,
    args: readonly ts.Expression[],
  ): SinkMatch[] {
    if (table.size === 0) return SYNTAX_RULED_OUT;
    const callee = skipOuter(calleeExpr);
    const key = quickKey(callee);
    if (key !== undefined && !table.has(key)) return SYNTAX_RULED_OUT;
    const origin = this.origins.resolve(calleeExpr);
    if (!origin || origin.module.startsWith(FILE_PREFIX)) return [];
    const norm = normalizePath(origin.path);
    const entries = table.get(norm.length ? norm[norm.length - 1] : '');
    if (!entries) return [];
    // Per spec keep the most specific matching pattern (`chat.completions.create` over `completions.create`).
    const best = new Map<object, CompiledCall>();
    for (const e of entries) {
      if (!e.pattern || !e.packages.has(origin.module) || !matchPattern(e.pattern, norm)) continue;
      const prev = best.get(e.spec);
      if (!prev || prev.pattern!.segments.length < e.pattern.segments.length) best.set(e.spec, e);
    }
    const out: SinkMatch[] = [];
    for (const e of best.values()) out.push(this.build(e, node, args, origin, norm));
    return out;
  }

  /** AWS SDK v3: `client.send(new PutObjectCommand(input))`, the command possibly built earlier. */
  private command(ce: ts.CallExpression): SinkMatch[] {
    const cmd = this.origins.resolve(ce.arguments[0]);
    if (!cmd || cmd.path.length < 2 || cmd.path[cmd.path.length - 1] !== NEW) return [];
    const name = cmd.path[cmd.path.length - 2];
    const entries = this.index.commands.get(name);
    if (!entries) return [];
    const site = cmd.sites[cmd.sites.length - 1];
    const cmdArgs = site ? (site.arguments ?? []) : undefined;
    const out: SinkMatch[] = [];
    const seen = new Set<object>();
    for (const e of entries) {
      if (seen.has(e.spec) || !e.packages.has(cmd.module)) continue;
      seen.add(e.spec);
      // Without the construction site (a typed parameter) the command object itself is the data.
      const m = this.build(e, ce, cmdArgs ?? [ce.arguments[0]], cmd, normalizePath(cmd.path), cmdArgs === undefined);
      m.description = e.call.description ?? `${e.spec.id} ${name}`;
      out.push(m);
    }
    return out;
  }

  private build(
    entry: CompiledCall,
    node: ts.Node,
    args: readonly ts.Expression[],
    origin: Resolved,
    norm: readonly string[],
    wholeArgs = false,
  ): SinkMatch {
    const { spec, call } = entry;
    const selected = wholeArgs ? [...args] : selectArgs(args, call.args ?? 'all', this.constants, receiverOf(node));
    // An entity the store's API built, or a document filled in field by field, carries what went into it.
    const dataArgs = spec.builders && this.built ? this.built.expand(spec, selected, node) : selected;
    let id = spec.id;
    if (spec.kind === 'http') {
      let host: string | undefined;
      for (const ref of refList(call.url)) {
        const expr = this.refValue(ref, args, origin, node);
        if (!expr) continue;
        // A URL built at runtime can carry data in its path or query.
        if (!ref.site) for (const u of this.urlParts(expr)) if (!isPlainString(skipOuter(u)) && !dataArgs.includes(u)) dataArgs.push(u);
        host ??= this.hosts.host(expr);
      }
      id = `http:${host ?? 'unknown'}`;
    }
    for (const ref of refList(call.name)) {
      const expr = this.refValue(ref, args, origin, node);
      const value = expr && this.constants.fullString(expr);
      if (value) {
        id = `${spec.id}:${value}`;
        break;
      }
    }
    const sink: SinkRef = { kind: spec.kind, id, label: spec.label };
    if (origin.module !== GLOBAL_MODULE) sink.package = origin.module;
    if (spec.service) sink.service = spec.service;
    const match: SinkMatch = {
      sink,
      family: entry.family,
      node,
      dataArgs,
      description: call.description ?? describe(entry, norm, node, origin.module),
      origin: { module: origin.module, path: [...origin.path] },
    };
    if (call.storesLater) match.storesLater = true;
    if (call.collects) match.collects = call.collects;
    if (call.generatedIds) match.generatedIds = call.generatedIds;
    if (spec.redact === 'pino') {
      const redacted = pinoRedactPaths(origin, this.constants);
      if (redacted) match.redactedPaths = redacted;
    }
    return match;
  }

  /** The URL-bearing parts of a URL argument: itself, or the url/path properties of a request config. */
  private urlParts(expr: ts.Expression): ts.Expression[] {
    const obj = this.constants.objectLiteral(expr);
    if (!obj) return [expr];
    return URL_DATA_PROPERTIES.map((k) => propertyInitializer(obj, k)).filter((e): e is ts.Expression => e !== undefined);
  }

  /** An argument of this call, or of the call/new that created the receiver (`site`). */
  private refValue(ref: ValueRef, args: readonly ts.Expression[], origin: Resolved, node: ts.Node): ts.Expression | undefined {
    if (ref.sibling) {
      const receiver = receiverOf(node);
      const call = receiver && this.siblings.find(receiver, ref.sibling);
      return call ? refExpression(call.arguments, ref, this.constants) : undefined;
    }
    if (!ref.site) return refExpression(args, ref, this.constants);
    const names = ref.site === '*' ? undefined : typeof ref.site === 'string' ? [ref.site] : ref.site;
    for (let i = origin.path.length - 1; i >= 0; i--) {
      const s = origin.path[i];
      const site = origin.sites[i];
      if ((s !== CALL && s !== NEW) || !site) continue;
      const prev = origin.path[i - 1] ?? '';
      if (names && !names.includes(prev)) continue;
      const v = refExpression(site.arguments ?? [], ref, this.constants);
      if (v) return v;
    }
    return undefined;
  }
}

/** The callee's last path step when it is visible in the syntax; undefined when it needs resolving. */
function quickKey(callee: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee)) {
    const arg = skipOuter(callee.argumentExpression);
    return isPlainString(arg) ? arg.text : undefined;
  }
  if (ts.isCallExpression(callee)) return CALL;
  return undefined;
}

/** `user` in `user.save()`. */
function receiverOf(node: ts.Node): ts.Expression | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipOuter(node.expression);
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
}

function refList(refs: ValueRef | readonly ValueRef[] | undefined): readonly ValueRef[] {
  if (!refs) return [];
  return Array.isArray(refs) ? (refs as readonly ValueRef[]) : [refs as ValueRef];
}

/** "pino logger.info", "openai chat.completions.create", "console.log", "jose new SignJWT". */
function describe(entry: CompiledCall, norm: readonly string[], node: ts.Node, module: string): string {
  const { spec, pattern } = entry;
  const matched = pattern ? norm.slice(norm.length - pattern.segments.length) : norm;
  const text = renderPath(matched);
  // HTTP sinks share the id `http`: name the client instead.
  const name = spec.kind === 'http' ? spec.label : spec.id;
  if (ts.isNewExpression(node)) return `${name} new ${text}`;
  if (ts.isBinaryExpression(node)) return `${text} =`;
  if (spec.receiver) return `${name} ${spec.receiver}.${renderPath(matched.slice(-1))}`;
  if (text === '') return `${name}()`;
  // Anchored globals name themselves: `process.stderr.write`, `navigator.sendBeacon`.
  if (text === name || text.startsWith(`${name}.`) || (module === GLOBAL_MODULE && pattern?.exact)) return text;
  return `${name} ${text}`;
}
