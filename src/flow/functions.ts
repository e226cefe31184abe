import { ts } from 'ts-morph';

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration;

/**
 * The project function a call runs, when it has a body we can read: declarations, `const f = () =>`,
 * methods on typed receivers, imported functions from other project files. Package functions
 * (unresolved imports, `.d.ts`) have no body and return undefined.
 */
export function resolveFunction(call: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): FunctionLike | undefined {
  const callee = call.expression;
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  if (!symbol) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const decl of symbol.declarations ?? []) {
    const fn = asFunction(decl);
    if (fn?.body && !decl.getSourceFile().isDeclarationFile) return fn;
  }
  return undefined;
}

function asFunction(decl: ts.Declaration): FunctionLike | undefined {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isFunctionExpression(decl) || ts.isArrowFunction(decl)) return decl;
  if ((ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) {
    const init = skipOuter(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function skipOuter(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** Readable name of a function for traces: `UserService.register`, `logUser`. */
export function functionName(fn: FunctionLike): string {
  if (fn.name && ts.isIdentifier(fn.name)) {
    const cls = ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) ? fn.parent.name?.text : undefined;
    return cls ? `${cls}.${fn.name.text}` : fn.name.text;
  }
  if (ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  if (ts.isPropertyAssignment(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return 'function';
}
