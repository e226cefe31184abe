import { ts } from '#ts-morph';
import type { ScanServices } from './analyzer.js';
import type { FunctionLike } from '../flow/functions.js';
import type { TraceStep } from '../core/contract.js';
import type { Value } from '../flow/value.js';

/**
 * The privacy summary of a source file: everything the analysis of another file can read from it,
 * so that a review whose changed file has the same summary on both sides need not analyze the files
 * that import it (early cutoff, as in Bazel and Shake).
 *
 * Conservative by construction: the file's text is kept as it is (types, signatures, decorators,
 * initializers, imports and exports, comments for JSDoc types) except the block bodies of functions,
 * methods and getters, which other files read only through the flow engine. A body is replaced by
 * what those readers see: the flow engine's summaries (what the function returns, in terms of its
 * parameters; which parameters reach which sinks), its signature as the checker infers it (return
 * type, type predicate) with the personal fields of its return type, the package origin of what it
 * returns (a logger or client factory: then its whole body), and, verbatim, every statement
 * of it that writes somewhere other files can see: `return`, `this.x = ...`, writes to names it does
 * not declare itself (module variables, `exports`). Constructors and setters are kept verbatim.
 * Trace lines are left out (they do not change a finding's identity), notes are kept.
 */
export function exportSummary(sf: ts.SourceFile, services: ScanServices): string {
  const bodies: WithBlockBody[] = [];
  const collect = (node: ts.Node): void => {
    if (hasReplaceableBody(node)) {
      bodies.push(node);
      return; // functions nested inside are summarized through this one
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const text = sf.text;
  const out: string[] = [];
  let at = 0;
  let shell = '';
  for (const [i, fn] of bodies.entries()) {
    const body = fn.body;
    shell += text.slice(at, body.getStart(sf)) + `{#${i}}`;
    at = body.end;
  }
  shell += text.slice(at);
  out.push(shell.replace(/\s+/g, ' '));
  for (const [i, fn] of bodies.entries()) out.push(`#${i} ${bodySummary(fn, services)}`);
  return out.join('\n');
}

type WithBlockBody = FunctionLike & { body: ts.Block };

/** Functions, methods, getters and function expressions with a block body (not constructors or setters). */
function hasReplaceableBody(node: ts.Node): node is WithBlockBody {
  const fnLike = ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node);
  return fnLike && node.body !== undefined && ts.isBlock(node.body);
}

function bodySummary(fn: WithBlockBody, services: ScanServices): string {
  const { checker, flow, flows, sinks } = services;
  const lines: string[] = [];
  const signature = checker.getSignatureFromDeclaration(fn);
  if (signature) {
    lines.push(`sig ${checker.signatureToString(signature, undefined, ts.TypeFormatFlags.NoTruncation)}`);
    const fields = flow.personalFieldsOf(checker.getReturnTypeOfSignature(signature));
    lines.push(`returnsFields ${fields.map((f) => `${f.category}/${f.confidence}/${f.path.join('.')}`).join(' ')}`);
  }
  lines.push(`returns ${value(flow.returnSummary(fn), fn)}`);
  for (const s of flows.parameterSinks(fn)) {
    const m = s.match;
    const cap = 'cap' in m ? String((m as { cap?: string }).cap) : '';
    lines.push(`sink ${s.param} ${s.access.join('.')} ${s.flat} ${m.family} ${m.sink.kind} ${m.sink.id} ${m.description} ${m.redactedPaths?.join(',') ?? ''} ${m.storesLater ?? ''} ${cap} ${notes(s.trace)}`);
  }
  for (const stmt of visibleWrites(fn, checker)) lines.push(`keep ${stmt.getText().replace(/\s+/g, ' ')}`);
  // A function that returns a package value (a logger or client factory, a query) is kept whole: the
  // options that build the value (`pino({ redact })`) may come from any statement of it.
  const origins = returnedExpressions(fn.body).map((e) => sinks.describeOrigin(e));
  if (origins.some((o) => o !== undefined)) lines.push(`origin ${origins.join(' ; ')}\n  body ${fn.body.getText()}`);
  return lines.join('\n  ');
}

function value(v: Value, fn: FunctionLike): string {
  const sources = v.sources.map((s) => `${s.category}/${s.confidence}/${s.origin}/${s.path.join('.')}/${notes(s.trace)}`);
  const params = v.params.map((p) => `${p.param.parent.parameters.indexOf(p.param)}@${p.param.parent === fn ? 'own' : 'outer'}/${p.access.join('.')}/${p.at.join('.')}/${p.flat}/${notes(p.trace)}`);
  return [...sources.sort(), '|', ...params.sort()].join(' ');
}

function notes(trace: readonly TraceStep[]): string {
  return trace.map((t) => t.note).join(' > ');
}

/**
 * Statements and expressions of a body whose effect other files can observe: returns, writes to
 * `this` members, and writes (`=`, `+=`, `push`) to names declared outside the function.
 */
function visibleWrites(fn: WithBlockBody, checker: ts.TypeChecker): ts.Node[] {
  const out: ts.Node[] = [];
  const declaredOutside = (target: ts.Expression): boolean => {
    let root = target;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isParenthesizedExpression(root) || ts.isNonNullExpression(root)) root = root.expression;
    if (root.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (!ts.isIdentifier(root)) return true;
    const symbol = checker.getSymbolAtLocation(root);
    const decls = symbol?.declarations;
    if (!decls?.length) return true;
    return decls.some((d) => !(d.pos >= fn.pos && d.end <= fn.end && d.getSourceFile() === fn.getSourceFile()));
  };
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) out.push(n);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (ts.isObjectLiteralExpression(n.left) || ts.isArrayLiteralExpression(n.left) || declaredOutside(n.left)) out.push(n);
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(?:push|unshift|set|add|assign)$/.test(n.expression.name.text) && declaredOutside(n.expression.expression)) out.push(n);
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && declaredOutside(n.operand)) out.push(n);
    else if (ts.isDeleteExpression(n) && declaredOutside(n.expression)) out.push(n);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return out;
}

/** Every `return`'s expression not inside a nested function. */
function returnedExpressions(body: ts.Block): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    if (!ts.isFunctionLike(n) && !ts.isClassLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}
