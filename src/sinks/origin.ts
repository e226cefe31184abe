import { ts } from '#ts-morph';
import { forwardedArgument } from './forwarding-wrapper.js';
import type { Origin } from './types.js';
import { GLOBAL_MODULE, GLOBAL_NAMES, GLOBAL_OBJECTS } from './globals.js';
import { MEMBER_CONVENTIONS } from './conventions.js';
import { CALL, COMPUTED, NEW } from './path-pattern.js';
import { valueSymbol, type ConstantEvaluator } from './constant-value.js';
import { skipOuter } from '../ts/syntax.js';
import { extendsExpression } from './project-members.js';
import { ASK_CHECKER, declarationsByScope } from '../ts/declarations-by-scope.js';
import {
  FILE_PREFIX,
  MAX_DEPTH,
  Memo,
  globalOrigin,
  hasDeclareAncestor,
  isExpandoAssignment,
  isGlobalExpando,
  step,
  thisShape,
  type FunctionWithBody,
  type OriginContext,
  type Resolved,
  type Shape,
} from './origin-model.js';
import { DeclarationOrigins } from './origin-declarations.js';
import { ProjectShapes } from './origin-shapes.js';
import { ModuleOrigins } from './origin-modules.js';
import { TypeOrigins } from './origin-types.js';

export { FILE_PREFIX, type Resolved };

/** The framework conventions by member name (`log`): a member no convention names costs one set lookup. */
const CONVENTIONS_BY_MEMBER = new Map<string, { hosts: ReadonlySet<string>; parameterNames: ReadonlySet<string>; value: Resolved }[]>();
for (const c of MEMBER_CONVENTIONS) {
  const value: Resolved = { module: c.value.module, path: c.value.path, sites: c.value.path.map(() => undefined) };
  const list = CONVENTIONS_BY_MEMBER.get(c.member) ?? [];
  list.push({ hosts: new Set(c.hosts), parameterNames: new Set(c.parameterNames), value });
  CONVENTIONS_BY_MEMBER.set(c.member, list);
}

/**
 * Resolves an expression to the package API it comes from, CodeQL API-graph style, syntactically
 * (imports of npm packages are unresolved, so the checker only helps with project symbols). Memoized
 * per node; cycles and deep chains give `undefined`. Expressions and identifiers are answered here;
 * declarations, project shapes, modules and types by the parts in origin-*.ts, which ask back through
 * `OriginContext`.
 */
export class OriginResolver implements OriginContext {
  // One memo per question: the same node (a class, a function) answers several of them.
  private readonly exprMemo = new Memo<Resolved>();
  private readonly declMemo = new Memo<Resolved>();
  private readonly returnMemo = new Memo<Resolved>();
  private depth = 0;
  private readonly declarations = new DeclarationOrigins(this);
  private readonly shapes = new ProjectShapes(this);
  private readonly modules = new ModuleOrigins(this);
  private readonly types = new TypeOrigins(this);

  constructor(
    readonly program: ts.Program,
    readonly checker: ts.TypeChecker,
    private readonly constants: ConstantEvaluator,
    /** The reference path (tests): every name resolved by the checker. */
    private readonly reference = false,
  ) {}

  /** Public form: package origins only. */
  origin(expr: ts.Expression): Origin | undefined {
    const r = this.resolve(expr);
    return r && !r.module.startsWith(FILE_PREFIX) ? { module: r.module, path: [...r.path] } : undefined;
  }

  resolve(expr: ts.Expression): Resolved | undefined {
    return this.guard(this.exprMemo, expr, () => this.expression(expr));
  }

  /** Memoized, cycle-safe evaluation: a node being resolved again further down (a cycle) gives undefined. */
  guard<T>(memo: Memo<T>, node: ts.Node, compute: () => T | undefined): T | undefined {
    const cached = memo.done.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (memo.active.has(node) || this.depth > MAX_DEPTH) return undefined;
    memo.active.add(node);
    this.depth++;
    let result: T | undefined;
    try {
      result = compute();
    } finally {
      this.depth--;
      memo.active.delete(node);
    }
    memo.done.set(node, result ?? null);
    return result;
  }

  decl(d: ts.Node): Resolved | undefined {
    return this.guard(this.declMemo, d, () => this.declarations.declaration(d));
  }

  /** What a project function returns, memoized (recursive functions give undefined). */
  returnsOf(fn: FunctionWithBody): Resolved | undefined {
    return this.guard(this.returnMemo, fn, () => this.shapes.returns(fn));
  }

  private expression(expr: ts.Expression): Resolved | undefined {
    // `{} as pino.Logger`: the value is what the assertion says when the operand itself says nothing.
    if (
      (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) &&
      expr.type.kind !== ts.SyntaxKind.AnyKeyword &&
      expr.type.kind !== ts.SyntaxKind.UnknownKeyword
    ) {
      return this.resolve(expr.expression) ?? (ts.isAsExpression(expr) ? this.typeOrigin(expr.type) : undefined);
    }
    const e = skipOuter(expr);
    if (e !== expr) return this.resolve(e);
    switch (e.kind) {
      case ts.SyntaxKind.Identifier:
        return this.identifier(e as ts.Identifier);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.propertyAccess(e as ts.PropertyAccessExpression);
      case ts.SyntaxKind.ElementAccessExpression:
        return this.elementAccess(e as ts.ElementAccessExpression);
      case ts.SyntaxKind.CallExpression:
        return this.call(e as ts.CallExpression);
      case ts.SyntaxKind.NewExpression: {
        const ne = e as ts.NewExpression;
        // new Proxy(logger, handler) behaves as its target (a lazily bound logger, a wrapped client)
        if (ts.isIdentifier(ne.expression) && ne.expression.text === 'Proxy' && ne.arguments?.[0]) return this.resolve(ne.arguments[0]);
        const cls = this.resolve(ne.expression);
        return cls ? step(cls, NEW, ne) : undefined;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const be = e as ts.BinaryExpression;
        const op = be.operatorToken.kind;
        if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
          const left = this.resolve(be.left);
          // `globalForPrisma.prisma ?? new PrismaClient()`: a client cached on a global is the one created on the right.
          if (left && isGlobalExpando(left)) return this.resolve(be.right) ?? left;
          return left ?? this.resolve(be.right);
        }
        if (op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.EqualsToken) return this.resolve(be.right);
        return undefined;
      }
      case ts.SyntaxKind.ConditionalExpression: {
        const ce = e as ts.ConditionalExpression;
        return this.resolve(ce.whenTrue) ?? this.resolve(ce.whenFalse);
      }
      case ts.SyntaxKind.ClassExpression:
        return this.declarations.classOrigin(e as ts.ClassExpression);
      default:
        return undefined;
    }
  }

  // ---- identifiers and symbols -----------------------------------------------------------------

  identifier(id: ts.Identifier): Resolved | undefined {
    if (id.text === 'undefined') return undefined;
    // Project declarations found from scopes and export statements, as the checker finds them:
    // asking it about an imported name binds the module it comes from (`formatAmount(x)`,
    // `logger.info(...)` with `logger` from a project file); packages and globals are asked.
    if (!this.reference) {
      const found = declarationsByScope(id, this.program);
      if (found !== ASK_CHECKER && found.length > 0 && !found.every((d) => this.isAmbient(d))) return this.firstOf(found);
    }
    const sym = valueSymbol(this.checker, id);
    if (!sym) return GLOBAL_NAMES.has(id.text) ? globalOrigin(id.text) : undefined;
    return this.symbol(sym, id.text);
  }

  symbol(sym: ts.Symbol, name: string): Resolved | undefined {
    if (sym.flags & ts.SymbolFlags.Alias) return this.alias(sym);
    const decls = sym.declarations ?? [];
    // In JavaScript, `console.debug = f` or `localStorage.debug = '…'` in any file makes the binder
    // declare the global there; it assigns a member of the global, it declares no other `console`.
    if (GLOBAL_NAMES.has(name) && decls.every((d) => isExpandoAssignment(d) || this.isAmbient(d))) return globalOrigin(name);
    // Declared only by lib files or ambient `declare` statements: a known global, or an instance of its declared type.
    if (decls.length === 0 || decls.every((d) => this.isAmbient(d))) {
      if (GLOBAL_NAMES.has(name)) return globalOrigin(name);
      const typed = decls.find(
        (d): d is ts.VariableDeclaration =>
          ts.isVariableDeclaration(d) && d.type !== undefined && !this.program.isSourceFileDefaultLibrary(d.getSourceFile()),
      );
      return typed?.type ? this.typeOrigin(typed.type) : undefined;
    }
    return this.firstOf(decls);
  }

  private firstOf(decls: readonly ts.Node[]): Resolved | undefined {
    for (const d of decls) {
      const r = this.decl(d);
      if (r) return r;
    }
    return undefined;
  }

  /** Imports: a project file's export is followed to its declaration; an npm import becomes an origin. */
  private alias(sym: ts.Symbol): Resolved | undefined {
    const decl = sym.declarations?.[0];
    if (!decl) return undefined;
    let target: ts.Symbol | undefined;
    try {
      target = this.checker.getAliasedSymbol(sym);
    } catch {
      target = undefined;
    }
    const targetDecls = target?.declarations ?? [];
    if (target && target !== sym && targetDecls.some((d) => this.isProjectCode(d))) {
      const fileDecl = targetDecls.find(ts.isSourceFile);
      if (fileDecl) return this.moduleValue(fileDecl);
      return this.symbol(target, target.name);
    }
    return this.packageImport(decl) ?? this.decl(decl);
  }

  // ---- members and calls ---------------------------------------------------------------------

  private propertyAccess(pa: ts.PropertyAccessExpression): Resolved | undefined {
    const name = pa.name.text;
    const obj = skipOuter(pa.expression);
    if (obj.kind === ts.SyntaxKind.SuperKeyword) return this.superMember(obj, name);
    // Members declared in project code first (`this.client`, `deps.logger`, `config.api`).
    const shape = this.shapeOf(obj);
    const declared = shape && this.memberOrigin(shape, name);
    if (declared) return declared;
    if (obj.kind === ts.SyntaxKind.ThisKeyword) return undefined;
    const base = this.resolve(pa.expression);
    if (base) return this.member(base, name);
    const conventions = CONVENTIONS_BY_MEMBER.get(name);
    if (conventions && ts.isIdentifier(obj)) {
      const convention = conventions.find((c) => c.parameterNames.has(obj.text));
      if (convention && this.isParameter(obj)) return convention.value;
    }
    return undefined;
  }

  private elementAccess(ea: ts.ElementAccessExpression): Resolved | undefined {
    const key = this.constants.fullString(ea.argumentExpression);
    const shape = key !== undefined ? this.shapeOf(ea.expression) : undefined;
    const declared = shape && this.memberOrigin(shape, key!);
    if (declared) return declared;
    const base = this.resolve(ea.expression);
    return base ? this.member(base, key ?? COMPUTED) : undefined;
  }

  /** `base.name`, with project-module exports, `window.x` globals and the `.log` pino convention. */
  member(base: Resolved, name: string): Resolved | undefined {
    if (base.module.startsWith(FILE_PREFIX)) {
      if (base.path.length > 0) return undefined;
      const sf = this.program.getSourceFile(base.module.slice(FILE_PREFIX.length));
      return sf ? this.modules.fileExport(sf, name) : undefined;
    }
    if (base.module === GLOBAL_MODULE && base.path.length === 1 && GLOBAL_OBJECTS.has(base.path[0])) return globalOrigin(name);
    const convention = CONVENTIONS_BY_MEMBER.get(name)?.find((c) => c.hosts.has(base.module));
    if (convention) return convention.value;
    return step(base, name, undefined);
  }

  /** `super.x` in a class extending a package class is that package's instance member. */
  private superMember(sup: ts.Expression, name: string): Resolved | undefined {
    const cls = thisShape(sup);
    if (!cls || cls.kind === 'object') return undefined;
    const baseExpr = extendsExpression(cls.cls)[0]?.expression;
    if (!baseExpr) return undefined;
    const baseShape = this.shapeOf(baseExpr);
    if (baseShape?.kind === 'class')
      return this.memberOrigin(cls.kind === 'class' ? baseShape : { kind: 'instance', cls: baseShape.cls }, name);
    const pkg = this.resolve(baseExpr);
    return pkg ? this.member(cls.kind === 'class' ? pkg : step(pkg, NEW, undefined), name) : undefined;
  }

  private call(ce: ts.CallExpression): Resolved | undefined {
    const callee = skipOuter(ce.expression);
    const arg0 = ce.arguments[0];
    // require('x'), import('x')
    if (arg0 && ts.isStringLiteral(arg0) && ce.arguments.length === 1) {
      if (callee.kind === ts.SyntaxKind.ImportKeyword) return this.modules.moduleSpecifier(arg0.text, ce);
      if (ts.isIdentifier(callee) && callee.text === 'require' && !this.isDeclaredInProject(callee))
        return this.modules.moduleSpecifier(arg0.text, ce);
    }
    // f.bind(thisArg) is f
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') {
      const bound = this.resolve(callee.expression);
      if (bound) return bound;
    }
    const fn = this.resolve(ce.expression);
    if (fn) return step(fn, CALL, ce);
    for (const f of this.functionsOf(callee)) {
      // `wrapThrowsAsync(fetch)`: a function that calls `fetch` with its own arguments
      const forwarded = forwardedArgument(f, ce);
      const r = forwarded ? this.resolve(forwarded) : this.returnsOf(f);
      if (r) return r;
    }
    return undefined;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private isAmbient(d: ts.Node): boolean {
    const sf = d.getSourceFile();
    return sf.isDeclarationFile || this.program.isSourceFileDefaultLibrary(sf) || hasDeclareAncestor(d);
  }

  isProjectCode(d: ts.Node): boolean {
    const sf = d.getSourceFile();
    return !sf.isDeclarationFile && !this.program.isSourceFileDefaultLibrary(sf);
  }

  /** A request handler's `req` is a parameter; a local `const req = {...}` is not a request. */
  private isParameter(id: ts.Identifier): boolean {
    return (this.checker.getSymbolAtLocation(id)?.declarations ?? []).some((d) => ts.isParameter(d));
  }

  /** A local declaration (e.g. `const require = ...`) shadows the CommonJS `require`. */
  private isDeclaredInProject(id: ts.Identifier): boolean {
    const sym = this.checker.getSymbolAtLocation(id);
    return (sym?.declarations ?? []).some((d) => this.isProjectCode(d) && !this.isAmbient(d));
  }

  // ---- questions the parts own (OriginContext) ---------------------------------------------------

  agree(candidates: readonly ts.Expression[]): Resolved | undefined {
    return this.declarations.agree(candidates);
  }
  returns(fn: FunctionWithBody): Resolved | undefined {
    return this.shapes.returns(fn);
  }
  shapeOf(expr: ts.Expression): Shape | undefined {
    return this.shapes.shapeOf(expr);
  }
  declShape(d: ts.Node): Shape | undefined {
    return this.shapes.declShape(d);
  }
  typeShape(type: ts.TypeNode): Shape | undefined {
    return this.shapes.typeShape(type);
  }
  memberShape(shape: Shape, name: string): Shape | undefined {
    return this.shapes.memberShape(shape, name);
  }
  memberOrigin(shape: Shape, name: string): Resolved | undefined {
    return this.shapes.memberOrigin(shape, name);
  }
  functionsOf(callee: ts.Expression): FunctionWithBody[] {
    return this.shapes.functionsOf(callee);
  }
  thisAssignments(cls: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
    return this.shapes.thisAssignments(cls);
  }
  moduleValue(sf: ts.SourceFile): Resolved | undefined {
    return this.modules.moduleValue(sf);
  }
  packageImport(decl: ts.Declaration): Resolved | undefined {
    return this.modules.packageImport(decl);
  }
  /** An annotation naming a package type is an instance of it: `logger: Logger` → `Logger`, `new`. */
  typeOrigin(type: ts.TypeNode): Resolved | undefined {
    return this.types.typeOrigin(type);
  }
  typeName(name: ts.EntityName | ts.Expression): Resolved | undefined {
    return this.types.typeName(name);
  }
  entityName(name: ts.EntityName | ts.Expression): Resolved | undefined {
    return this.types.entityName(name);
  }
}
