import { ts } from '#ts-morph';
import { skipOuter } from '../../src/ts/syntax.js';

/**
 * The arguments of `new SomeError(...)` that become its message, which is what logs and error
 * reports print. `new Error(message, { cause })` passes its first; a project's error class passes
 * whichever constructor parameters reach `super(message)` or `this.message`, through its base
 * classes (`new NotExecutableError(invalidParams, detail)` → `super(detail, invalidParams)`). A class
 * whose constructor cannot be read (a package's) keeps every argument: what it does with them is unknown.
 */
export function messageArguments(created: ts.NewExpression, checker: ts.TypeChecker): readonly ts.Expression[] {
  const args = created.arguments ?? [];
  const indexes = messageParameters(classOf(created.expression, checker), checker, 0);
  return indexes === 'all' ? args : args.filter((_, i) => indexes.has(i));
}

type Indexes = ReadonlySet<number> | 'all';

const MAX_DEPTH = 5;

function messageParameters(cls: ts.ClassLikeDeclaration | 'builtin' | undefined, checker: ts.TypeChecker, depth: number): Indexes {
  if (cls === 'builtin') return new Set([0]);
  if (!cls || depth > MAX_DEPTH) return 'all';
  const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
  const base = baseClass(cls, checker);
  // Not an Error subclass (anything can be thrown, and a logger prints all of it), or no constructor
  // of its own (the arguments go to the base class as they are).
  if (base === undefined) return 'all';
  if (!ctor) return messageParameters(base, checker, depth + 1);
  const params = ctor.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  // `const text = `No ${resource} ${id}`; super(text)`: locals of the constructor lead back to its parameters.
  const locals = new Map<string, ts.Expression>();
  const collect = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) locals.set(n.name.text, n.initializer);
    if (!ts.isFunctionLike(n) || n === ctor) ts.forEachChild(n, collect);
  };
  collect(ctor);
  const reaching = new Set<number>();
  let readable = true;
  const seen = new Set<string>();
  const mark = (e: ts.Expression) => {
    for (const name of identifiersIn(e)) {
      const i = params.indexOf(name);
      if (i >= 0) reaching.add(i);
      const local = locals.get(name);
      if (local && !seen.has(name)) {
        seen.add(name);
        mark(local);
      }
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const passed = base === undefined ? 'all' : messageParameters(base, checker, depth + 1);
      if (passed === 'all') readable = false;
      else n.arguments.forEach((a, i) => passed.has(i) && mark(a));
    } else if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(n.left) &&
      n.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      n.left.name.text === 'message'
    ) {
      mark(n.right);
    }
    if (!ts.isFunctionLike(n) || n === ctor) ts.forEachChild(n, visit);
  };
  visit(ctor);
  return readable ? reaching : 'all';
}

/** The class `new X()` makes: a project class, `builtin` for the standard errors, undefined when unknown. */
function classOf(e: ts.Expression, checker: ts.TypeChecker): ts.ClassLikeDeclaration | 'builtin' | undefined {
  let symbol = checker.getSymbolAtLocation(skipOuter(e));
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!decl) return undefined;
  if (decl.getSourceFile().isDeclarationFile) return isStandardError(decl) ? 'builtin' : undefined;
  return ts.isClassLike(decl) ? decl : undefined;
}

function baseClass(cls: ts.ClassLikeDeclaration, checker: ts.TypeChecker): ts.ClassLikeDeclaration | 'builtin' | undefined {
  const heritage = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  return heritage ? classOf(heritage.expression, checker) : undefined;
}

/** `Error`, `TypeError`, … as the standard library declares them (lib.*.d.ts). */
function isStandardError(decl: ts.Declaration): boolean {
  const file = decl.getSourceFile().fileName;
  return /(?:^|\/)lib\.[\w.]*\.d\.ts$/.test(file) && ts.isVariableDeclaration(decl) && /Error$/.test(decl.name.getText());
}

function identifiersIn(e: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(e);
  return out;
}
