import { ts } from '#ts-morph';
import { ASK_CHECKER, declarationsByScope } from '../ts/declarations-by-scope.js';

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration;

/**
 * Finds the project function a call runs, when it has a body we can read: declarations,
 * `const f = () =>`, methods on typed receivers, functions imported from other project files.
 * Package functions (unresolved imports, `.d.ts`) have no body and give undefined.
 *
 * Asking the checker about `a.b(...)` type-checks `a`, which is most of the cost of a scan when done
 * for every call; so a method call is only resolved when some project class or object literal
 * declares a method of that name (an index built once from the top level of every file). A called
 * name is looked up in scopes and export statements first (declarations-by-scope.ts): asking the
 * checker would bind the module it is imported from.
 */
export class FunctionResolver {
  private readonly memo = new WeakMap<ts.Node, FunctionLike | null>();
  private methodNames: Set<string> | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly program: ts.Program,
    /** The reference path of the fast-path test: every method call resolved, every name asked of the checker. */
    private readonly reference = false,
  ) {}

  resolve(call: ts.CallExpression | ts.NewExpression): FunctionLike | undefined {
    // Calls the syntax rules out (`Math.round(x)`, `a[i](x)`) are most calls: answered without a memo entry.
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      if (!this.reference && !this.methods().has(callee.name.text)) return undefined;
    } else if (!ts.isIdentifier(callee)) return undefined;
    const cached = this.memo.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const fn = this.compute(call, callee);
    this.memo.set(call, fn ?? null);
    return fn;
  }

  private compute(
    call: ts.CallExpression | ts.NewExpression,
    callee: ts.Identifier | ts.PropertyAccessExpression,
  ): FunctionLike | undefined {
    const byScope = ts.isIdentifier(callee) && !this.reference ? declarationsByScope(callee, this.program) : ASK_CHECKER;
    if (byScope !== ASK_CHECKER) return firstWithBody(byScope);
    let symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return firstWithBody(symbol.declarations ?? []);
  }

  private methods(): Set<string> {
    if (this.methodNames) return this.methodNames;
    const names = new Set<string>();
    const addMembers = (members: ts.NodeArray<ts.ClassElement | ts.ObjectLiteralElementLike>) => {
      for (const m of members) {
        if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) || ts.isPrivateIdentifier(m.name))) continue;
        const init = ts.isPropertyDeclaration(m) || ts.isPropertyAssignment(m) ? m.initializer : undefined;
        if (ts.isMethodDeclaration(m) || (init && asFunction(m))) names.add(m.name.text);
      }
    };
    // Top-level classes and object literals (`export class`, `const api = { ... }`, `export default
    // { ... }`); methods of classes built inside functions are not followed.
    const fromInitializer = (e: ts.Expression | undefined) => {
      if (!e) return;
      const inner = skipOuter(e);
      if (ts.isObjectLiteralExpression(inner)) addMembers(inner.properties);
      else if (ts.isClassExpression(inner)) addMembers(inner.members);
    };
    for (const sf of this.program.getSourceFiles()) {
      if (sf.isDeclarationFile || this.program.isSourceFileDefaultLibrary(sf)) continue;
      for (const st of sf.statements) {
        if (ts.isClassDeclaration(st)) addMembers(st.members);
        else if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) fromInitializer(d.initializer);
        else if (ts.isExportAssignment(st)) fromInitializer(st.expression);
        else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression)) {
          fromInitializer(st.expression.right); // module.exports = { ... }
          // exports.sendMail = (settings) => { ... }: a method of the module object
          const name = exportedMemberName(st.expression.left);
          if (name && asFunctionExpression(st.expression.right)) names.add(name);
        }
      }
    }
    this.methodNames = names;
    return names;
  }
}

/** The implementation among a symbol's declarations (overloads have no body; `.d.ts` code is not read). */
function firstWithBody(declarations: readonly ts.Declaration[]): FunctionLike | undefined {
  for (const decl of declarations) {
    const fn = asFunction(decl);
    if (fn?.body && !decl.getSourceFile().isDeclarationFile) return fn;
  }
  return undefined;
}

function asFunction(decl: ts.Declaration): FunctionLike | undefined {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isFunctionExpression(decl) || ts.isArrowFunction(decl))
    return decl;
  // CommonJS: the checker declares `exports.f = () => {}` at the assignment (or its left side)
  const node: ts.Node = decl;
  const assignment = ts.isBinaryExpression(node)
    ? node
    : ts.isBinaryExpression(node.parent) && node.parent.left === node
      ? node.parent
      : undefined;
  if (assignment && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken) return asFunctionExpression(assignment.right);
  if ((ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) {
    const init = skipOuter(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function asFunctionExpression(e: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const inner = skipOuter(e);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) ? inner : undefined;
}

/** `exports.x`, `module.exports.x`: the name of a CommonJS export. */
function exportedMemberName(left: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(left)) return undefined;
  const obj = left.expression;
  const isExports =
    (ts.isIdentifier(obj) && obj.text === 'exports') ||
    (ts.isPropertyAccessExpression(obj) &&
      obj.name.text === 'exports' &&
      ts.isIdentifier(obj.expression) &&
      obj.expression.text === 'module');
  return isExports ? left.name.text : undefined;
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
  if (ts.isBinaryExpression(fn.parent) && ts.isPropertyAccessExpression(fn.parent.left)) return fn.parent.left.name.text;
  return 'function';
}
