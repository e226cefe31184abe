import { ts } from '#ts-morph';
import type { TraceStep } from '../core/contract.js';
import { lineOf } from '../ts/symbols.js';
import { isChainSanitizer, isSanitizerName } from './sanitizers.js';
import { withStep, type Value } from './value.js';
import { skipOuter } from '../ts/syntax.js';
import { isHostValue } from './host-values.js';

// Syntax facts the flow engine's parts share.

export function isReduce(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'reduce' || callee.name.text === 'reduceRight');
}

/** How a binary operator passes data on: as text (`+`), either side (`||`), the right side (`=`), or not at all. */
export function operatorKind(op: ts.SyntaxKind): 'text' | 'either' | 'right' | 'none' {
  switch (op) {
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.PlusEqualsToken:
      return 'text';
    case ts.SyntaxKind.BarBarToken:
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.AmpersandAmpersandToken:
      return 'either';
    case ts.SyntaxKind.EqualsToken:
    case ts.SyntaxKind.CommaToken:
      return 'right';
    default:
      return 'none';
  }
}

export function withTrace(v: Value, steps: TraceStep[]): Value {
  let out = v;
  for (const s of steps) out = withStep(out, s);
  return out;
}

/** `const ip = getLanAddress()`: a name set from a host-information value names the host's data. */
export function hostInitialized(decl: ts.Declaration | undefined, checker: ts.TypeChecker): boolean {
  return (
    !!decl &&
    ts.isVariableDeclaration(decl) &&
    !!decl.initializer &&
    ts.isCallExpression(skipOuter(decl.initializer)) &&
    isHostValue(decl.initializer, checker)
  );
}

export function isLiteralish(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) ||
    ts.isNumericLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword ||
    ts.isArrowFunction(e) ||
    ts.isFunctionExpression(e) ||
    ts.isObjectLiteralExpression(e) ||
    ts.isArrayLiteralExpression(e)
  );
}

/** `crypto.createHash('sha256').update(email).digest('hex')`: any link of the chain is a sanitizer. */
export function isSanitizedChain(e: ts.Expression, extra: ReadonlySet<string>): boolean {
  let cur: ts.Expression = e;
  for (let i = 0; i < 6; i++) {
    if (ts.isCallExpression(cur)) {
      const c = cur.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : undefined;
      if (name && (isSanitizerName(name, extra) || isChainSanitizer(name))) return true;
      cur = ts.isPropertyAccessExpression(c) ? c.expression : c;
    } else if (ts.isPropertyAccessExpression(cur)) cur = cur.expression;
    else return false;
  }
  return false;
}

export function containingClass(n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) if (ts.isClassLike(p)) return p;
  return undefined;
}

export function isSameLine(a: ts.Node, b: ts.Node): boolean {
  const sf = a.getSourceFile();
  return sf === b.getSourceFile() && lineOf(a, sf) === lineOf(b, sf);
}

export function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function within(node: ts.Node, outer: ts.Node): boolean {
  return node.getSourceFile() === outer.getSourceFile() && node.pos >= outer.pos && node.end <= outer.end;
}
