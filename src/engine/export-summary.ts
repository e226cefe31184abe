import { ts } from '#ts-morph';
import type { ScanServices } from './analyzer.js';
import type { FunctionLike } from '../flow/functions.js';
import type { TraceStep } from '../core/contract.js';
import type { Value } from '../flow/value.js';
import { functionName } from '../flow/functions.js';
import { CommentFreeText } from './comment-free-text.js';
import { returnedExpressions } from '../ts/syntax.js';

/**
 * The privacy summary of a source file: everything the analysis of another file can read from it,
 * so that a review whose changed file has the same summary on both sides need not analyze the files
 * that import it (early cutoff, as in Bazel and Shake).
 *
 * Conservative by construction: the file's text is kept as it is (types, signatures, decorators,
 * initializers, imports and exports; comments only in JavaScript, where JSDoc gives types) except the bodies of functions, arrows,
 * methods and getters, which other files read only through the flow engine. A body is replaced by
 * what those readers see: the flow engine's summaries (what the function returns, in terms of its
 * parameters; which parameters reach which sinks), its signature as the checker infers it (return
 * type, type predicate) with the personal fields of its return type, the package origin of what it
 * returns or stores (a logger or client factory: then its whole body), the same for the functions
 * inside it, and, verbatim, every statement of it that writes somewhere other files' analysis reads
 * (visibleEffects). Constructors and setters are kept verbatim.
 * Trace lines are left out (they do not change a finding's identity), notes are kept.
 */
export function exportSummary(sf: ts.SourceFile, services: ScanServices): string {
  const bodies: WithBody[] = [];
  const collect = (node: ts.Node): void => {
    if (hasReplaceableBody(node)) {
      bodies.push(node);
      return; // functions nested inside are summarized through this one
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const text = new CommentFreeText(sf);
  const out: string[] = [];
  let at = 0;
  let shell = '';
  for (const [i, fn] of bodies.entries()) {
    const body = fn.body;
    shell += `${text.slice(at, body.getStart(sf))} {#${i}} `;
    at = body.end;
  }
  shell += text.slice(at, sf.end);
  out.push(shell);
  for (const [i, fn] of bodies.entries()) out.push(`#${i} ${bodySummary(fn, services, text)}`);
  return out.join('\n');
}

type WithBody = FunctionLike & { body: ts.ConciseBody };

/** Functions, methods, getters, function expressions and arrows with a body (not constructors or setters). */
function hasReplaceableBody(node: ts.Node): node is WithBody {
  const fnLike =
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node);
  return fnLike && node.body !== undefined;
}

function bodySummary(fn: WithBody, services: ScanServices, text: CommentFreeText): string {
  const { flow, sinks } = services;
  const lines: string[] = functionDigest(fn, services, true);
  // Functions inside it, by name, where the flow engine sees anything: a returned object's methods
  // and closures are called from other files. Inline callbacks that carry nothing are left out.
  const nested = new Set<string>();
  for (const f of nestedFunctions(fn.body)) for (const line of functionDigest(f, services, false)) nested.add(`${functionName(f)} ${line}`);
  lines.push(...[...nested].sort());
  const effects = visibleEffects(fn, services.checker, (name) => sinks.isSiblingMethod(name));
  let whole = effects.whole;
  for (const n of effects.kept) lines.push(`keep ${text.of(n)}`);
  // A function that returns or stores a package value keeps its origin; a logger or client factory of
  // a package some sink row names keeps its whole body: the options that build the value
  // (`pino({ redact })`) may come from any statement of it.
  const origin = (e: ts.Expression) => {
    const o = sinks.describeOrigin(e);
    if (o?.configured) whole = true;
    return o?.text ?? '-';
  };
  for (const e of effects.values) lines.push(`writes ${value(flow.valueOf(e), fn)} ${origin(e)}`);
  const returned = returnedExpressions(fn.body)
    .map(origin)
    .filter((o) => o !== '-');
  if (returned.length) lines.push(`origin ${returned.join(' ; ')}`);
  if (whole) lines.push(`body ${text.of(fn.body)}`);
  return lines.join('\n  ');
}

/**
 * What a caller reads of one function: its inferred signature and the personal fields of its result
 * (`signature`: functions that other files can name), its flow summaries. Empty summaries give no line.
 */
function functionDigest(fn: FunctionLike, services: ScanServices, signature: boolean): string[] {
  const { checker, flow, flows } = services;
  const lines: string[] = [];
  const sig = signature ? checker.getSignatureFromDeclaration(fn) : undefined;
  if (sig) {
    lines.push(`sig ${checker.signatureToString(sig, undefined, ts.TypeFormatFlags.NoTruncation)}`);
    const fields = flow.personalFieldsOf(checker.getReturnTypeOfSignature(sig));
    if (fields.length) lines.push(`returnsFields ${fields.map((f) => `${f.category}/${f.confidence}/${f.path.join('.')}`).join(' ')}`);
  }
  const returned = flow.returnSummary(fn);
  if (returned.sources.length || returned.params.length) lines.push(`returns ${value(returned, fn)}`);
  for (const s of flows.parameterSinks(fn)) {
    const m = s.match;
    const cap = 'cap' in m ? String((m as { cap?: string }).cap) : '';
    lines.push(
      `sink ${s.param} ${s.access.join('.')} ${s.flat} ${m.family} ${m.sink.kind} ${m.sink.id} ${m.description} ${m.redactedPaths?.join(',') ?? ''} ${m.storesLater ?? ''} ${cap} ${notes(s.trace)}`,
    );
  }
  return lines;
}

function nestedFunctions(body: ts.ConciseBody): FunctionLike[] {
  const out: FunctionLike[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(n) ||
      ts.isFunctionExpression(n) ||
      ts.isArrowFunction(n) ||
      ts.isMethodDeclaration(n) ||
      ts.isConstructorDeclaration(n) ||
      ts.isGetAccessorDeclaration(n)
    )
      out.push(n);
    ts.forEachChild(n, visit);
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  else visit(body);
  return out;
}

function value(v: Value, fn: FunctionLike): string {
  const sources = v.sources.map((s) => `${s.category}/${s.confidence}/${s.origin}/${s.path.join('.')}/${notes(s.trace)}`);
  const params = v.params.map(
    (p) =>
      `${p.param.parent.parameters.indexOf(p.param)}@${p.param.parent === fn ? 'own' : 'outer'}/${p.access.join('.')}/${p.at.join('.')}/${p.flat}/${notes(p.trace)}`,
  );
  return [...sources.sort(), '|', ...params.sort()].join(' ');
}

function notes(trace: readonly TraceStep[]): string {
  return trace.map((t) => t.note).join(' > ');
}

interface Effects {
  /** Kept verbatim: writes other files' analysis reads, classes and types declared inside. */
  kept: ts.Node[];
  /** Values written where other files read them (their flow values are compared). */
  values: ts.Expression[];
  /** The body is kept whole: a call configures a module variable (`xhr.open(...)`, read by the catalogue as the sibling of `xhr.send`). */
  whole: boolean;
}

/**
 * What of a body other files' analysis can observe besides the flow summaries and the returned
 * origins (what it returns is read only through those and the signature): writes to
 * `this` members and to this file's module variables (`x = v`, `x.f = v`, `push`, `Object.assign`),
 * which class-member origins and later-assignment flow read; `exports.x = v`; calls on a module
 * variable that the catalogue reads as a sibling (`xhr.open`); classes and types declared inside. Writes to imported bindings are not
 * read by anyone but this file.
 */
function visibleEffects(fn: WithBody, checker: ts.TypeChecker, isSiblingMethod: (name: string) => boolean): Effects {
  const effects: Effects = { kept: [], values: [], whole: false };
  const sf = fn.getSourceFile();
  const inFn = (d: ts.Node) => d.getSourceFile() === sf && d.pos >= fn.pos && d.end <= fn.end;
  /** A module-level name of this file (not an import), or a name with no declaration (`exports`). */
  const moduleName = (id: ts.Identifier): boolean => {
    const symbol = checker.getSymbolAtLocation(id);
    const decls = symbol?.declarations;
    if (!symbol || !decls?.length) return true;
    if (symbol.flags & ts.SymbolFlags.Alias) return false;
    return decls.some((d) => d.getSourceFile() === sf && !inFn(d));
  };
  const visible = (target: ts.Expression): boolean => {
    let root = target;
    while (
      ts.isPropertyAccessExpression(root) ||
      ts.isElementAccessExpression(root) ||
      ts.isParenthesizedExpression(root) ||
      ts.isNonNullExpression(root)
    )
      root = root.expression;
    if (root.kind === ts.SyntaxKind.ThisKeyword) return true;
    return ts.isIdentifier(root) ? moduleName(root) : true;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isEnumDeclaration(n)) effects.kept.push(n);
    else if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      if (ts.isObjectLiteralExpression(n.left) || ts.isArrayLiteralExpression(n.left) || visible(n.left)) {
        effects.kept.push(n);
        effects.values.push(n.right);
      }
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const receiver = n.expression.expression;
      const method = n.expression.name.text;
      const target =
        method === 'assign' && ts.isIdentifier(receiver) && receiver.text === 'Object'
          ? n.arguments[0]
          : /^(?:push|unshift|set|add)$/.test(method)
            ? receiver
            : undefined;
      if (target && visible(target)) {
        effects.kept.push(n);
        effects.values.push(...n.arguments);
      }
      if (
        isSiblingMethod(method) &&
        ts.isIdentifier(receiver) &&
        checker
          .getSymbolAtLocation(receiver)
          ?.declarations?.some(
            (d) => d.getSourceFile() === sf && !inFn(d) && !ts.isImportSpecifier(d) && !ts.isImportClause(d) && !ts.isNamespaceImport(d),
          )
      )
        effects.whole = true;
    } else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && visible(n.operand)) effects.kept.push(n);
    else if (ts.isDeleteExpression(n) && visible(n.expression)) effects.kept.push(n);
    if (ts.isClassLike(n)) effects.kept.push(n);
    ts.forEachChild(n, visit);
  };
  if (ts.isBlock(fn.body)) ts.forEachChild(fn.body, visit);
  else visit(fn.body);
  return effects;
}
