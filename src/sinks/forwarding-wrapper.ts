import { ts } from '#ts-morph';
import { returnedExpressions, skipOuter } from '../ts/syntax.js';

/**
 * A project function that returns a function forwarding its calls to one of its own parameters
 * (`const wrapThrowsAsync = (fn) => async (...args) => { try { return ok(await fn(...args)) } ... }`,
 * a retry or timing decorator): calling what `wrap(fetch)` returns calls `fetch` with the same
 * arguments. Returns the argument of `call` that the returned function forwards to.
 */
export function forwardedArgument(fn: ts.FunctionLikeDeclaration, call: ts.CallExpression): ts.Expression | undefined {
  if (!fn.body) return undefined;
  for (const returned of returnedFunctions(fn.body)) {
    const index = forwardedParameter(fn, returned);
    if (index !== undefined) return call.arguments[index];
  }
  return undefined;
}

/** The function expressions `fn` returns: its concise body, or the operands of its own `return`s. */
function returnedFunctions(body: ts.ConciseBody): (ts.ArrowFunction | ts.FunctionExpression)[] {
  return returnedExpressions(body)
    .map((c) => skipOuter(c))
    .filter((c): c is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(c) || ts.isFunctionExpression(c));
}

/** Which parameter of `outer` the inner function calls with all of its own arguments (`fn(...args)`, `fn(a, b)`). */
function forwardedParameter(outer: ts.FunctionLikeDeclaration, inner: ts.ArrowFunction | ts.FunctionExpression): number | undefined {
  const names = outer.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  const own = inner.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  if (own.some((n) => n === undefined) || own.length === 0) return undefined;
  let found: number | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined || ts.isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && forwardsAll(n, inner, own as string[])) {
      const index = names.indexOf(n.expression.text);
      if (index >= 0) found = index;
    }
    ts.forEachChild(n, visit);
  };
  if (ts.isBlock(inner.body)) ts.forEachChild(inner.body, visit);
  else visit(inner.body);
  return found;
}

function forwardsAll(call: ts.CallExpression, inner: ts.ArrowFunction | ts.FunctionExpression, own: string[]): boolean {
  const args = call.arguments;
  if (args.length !== own.length) return false;
  return args.every((a, i) => {
    const rest = inner.parameters[i]?.dotDotDotToken !== undefined;
    const e = rest && ts.isSpreadElement(a) ? a.expression : a;
    return ts.isIdentifier(e) && e.text === own[i] && (!rest || ts.isSpreadElement(a));
  });
}
