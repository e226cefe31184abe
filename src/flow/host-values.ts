import { ts } from '#ts-morph';
import { skipOuter } from '../ts/syntax.js';

/**
 * Calls that describe the machine the code runs on, not a person: `os.networkInterfaces()` lists
 * this host's addresses (`alias.address` is a LAN IP, not a postal address), `server.address()` is
 * where it listens. Names read from their results say nothing about a person.
 */
const HOST_CALLS = new Set(['networkInterfaces', 'hostname', 'cpus', 'loadavg', 'uptime']);
/** `server.address()` / `httpServer.address()`: the listening socket (a method with no argument). */
const LISTENER = /server$/i;

const MAX_STEPS = 8;

/**
 * Whether an expression's value comes from a host-information call, following variables,
 * element access, `for (const x of list)`, `x || []` and `.filter/.find` back to the call.
 * Syntactic and bounded; asked only for names that would otherwise be personal data.
 */
export function isHostValue(expr: ts.Expression, checker: ts.TypeChecker, steps = MAX_STEPS): boolean {
  let e: ts.Expression | undefined = expr;
  for (let i = MAX_STEPS - steps; e && i < MAX_STEPS; i++) {
    e = skipOuter(e);
    if (ts.isCallExpression(e)) {
      const callee = skipOuter(e.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name && HOST_CALLS.has(name)) return true;
      if (ts.isIdentifier(callee) && i < MAX_STEPS - 1) return returnsHostValue(callee, checker, MAX_STEPS - i - 1);
      if (
        name === 'address' &&
        e.arguments.length === 0 &&
        ts.isPropertyAccessExpression(callee) &&
        LISTENER.test(skipOuter(callee.expression).getText())
      )
        return true;
      // `list.find(...)`, `Object.values(interfaces)`: the elements of what they read
      if (ts.isPropertyAccessExpression(callee) && ['find', 'filter', 'flat', 'at'].includes(callee.name.text)) e = callee.expression;
      else if (name === 'values' || name === 'entries') e = e.arguments[0];
      else return false;
    } else if (ts.isElementAccessExpression(e) || ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
    )
      e = e.left;
    else if (ts.isIdentifier(e)) e = sourceOf(e, checker);
    else return false;
  }
  return false;
}

/** What a local name was set from: its initializer, or the list a `for…of` takes it from. */
function sourceOf(id: ts.Identifier, checker: ts.TypeChecker): ts.Expression | undefined {
  const decl = checker.getSymbolAtLocation(id)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  if (decl.initializer) return decl.initializer;
  const list = decl.parent.parent;
  return ts.isForOfStatement(list) || ts.isForInStatement(list) ? list.expression : undefined;
}

/** `getIPAddress()`: a local function whose every non-literal return is a host value. */
function returnsHostValue(callee: ts.Identifier, checker: ts.TypeChecker, steps: number): boolean {
  const decl = checker.getSymbolAtLocation(callee)?.valueDeclaration;
  const fn = decl && ts.isVariableDeclaration(decl) && decl.initializer ? skipOuter(decl.initializer) : decl;
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return false;
  if (!ts.isBlock(fn.body)) return isHostValue(fn.body, checker, steps);
  let host = false;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression && !ts.isLiteralExpression(skipOuter(n.expression))) {
      if (isHostValue(n.expression, checker, steps)) host = true;
      else other = true;
    } else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return host && !other;
}
