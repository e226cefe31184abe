import { ts } from '#ts-morph';
import type { Origin } from './types.js';
import { GLOBAL_MODULE, GLOBAL_NAMES, GLOBAL_OBJECTS } from './globals.js';
import { MEMBER_CONVENTIONS } from './conventions.js';
import { CALL, CALLBACK, COMPUTED, NEW } from './path-pattern.js';
import { valueSymbol, type ConstantEvaluator } from './constant-value.js';
import { isBareSpecifier, isNullish, normalizeModule, propertyNameText, skipOuter } from '../ts/syntax.js';
import { extendsExpression, findClassMember, findTypeMember } from './project-members.js';
import { resolutionOf } from '../ts/module-resolution.js';
import { ASK_CHECKER, declarationsByScope } from '../ts/declarations-by-scope.js';

/**
 * An origin plus, for each step, the node that produced it (`()` → the call, `new` → the new
 * expression): sink ids and options are read from there (`new Queue('emails')`, `axios.create({ baseURL })`,
 * `pino({ redact })`).
 */
export interface Resolved {
  module: string;
  path: readonly string[];
  sites: readonly (ts.CallExpression | ts.NewExpression | undefined)[];
}

/** A project module used as a value (`import * as m from './x'`, `require('./x')`): members are its exports. */
const FILE_PREFIX = '\0file:';
const MAX_DEPTH = 100;

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
 * per node; cycles and deep chains give `undefined`.
 */
export class OriginResolver {
  // One memo per question: the same node (a class, a function) answers several of them.
  private readonly exprMemo = new Memo();
  private readonly declMemo = new Memo();
  private readonly returnMemo = new Memo();
  private readonly typeMemo = new Memo();
  private readonly assignmentsByScope = new Map<ts.Node, Map<string, ts.Identifier[]>>();
  private readonly thisAssignmentsByClass = new Map<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();
  private readonly shapes = new Map<ts.Node, Shape | null>();
  private readonly shapesActive = new Set<ts.Node>();
  private depth = 0;

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
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
  private guard(memo: Memo, node: ts.Node, compute: () => Resolved | undefined): Resolved | undefined {
    const cached = memo.done.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (memo.active.has(node) || this.depth > MAX_DEPTH) return undefined;
    memo.active.add(node);
    this.depth++;
    let result: Resolved | undefined;
    try {
      result = compute();
    } finally {
      this.depth--;
      memo.active.delete(node);
    }
    memo.done.set(node, result ?? null);
    return result;
  }

  private decl(d: ts.Node): Resolved | undefined {
    return this.guard(this.declMemo, d, () => this.declaration(d));
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
        return this.classOrigin(e as ts.ClassExpression);
      default:
        return undefined;
    }
  }

  // ---- identifiers and declarations ----------------------------------------------------------

  private identifier(id: ts.Identifier): Resolved | undefined {
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

  private symbol(sym: ts.Symbol, name: string): Resolved | undefined {
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

  private packageImport(decl: ts.Declaration): Resolved | undefined {
    let specifier: ts.Expression | undefined;
    let path: string[] = [];
    if (ts.isImportClause(decl)) {
      specifier = decl.parent.moduleSpecifier;
      path = ['default'];
    } else if (ts.isNamespaceImport(decl)) {
      specifier = decl.parent.parent.moduleSpecifier;
    } else if (ts.isImportSpecifier(decl)) {
      specifier = decl.parent.parent.parent.moduleSpecifier;
      path = [(decl.propertyName ?? decl.name).text];
    } else if (ts.isImportEqualsDeclaration(decl)) {
      const ref = decl.moduleReference;
      if (ts.isExternalModuleReference(ref)) specifier = ref.expression;
      else return this.entityName(ref);
    } else {
      return undefined;
    }
    if (!specifier || !ts.isStringLiteral(specifier)) return undefined;
    // A relative import of a generated client that is not in the repository (`../generated/prisma/client`).
    const module = isBareSpecifier(specifier.text)
      ? normalizeModule(specifier.text)
      : resolutionOf(this.program.getCompilerOptions())?.generatedPackage(specifier.text, decl.getSourceFile().fileName);
    return module ? { module, path, sites: path.map(() => undefined) } : undefined;
  }

  private declaration(d: ts.Node): Resolved | undefined {
    switch (d.kind) {
      case ts.SyntaxKind.VariableDeclaration:
        return this.variable(d as ts.VariableDeclaration);
      case ts.SyntaxKind.BindingElement:
        return this.bindingElement(d as ts.BindingElement);
      case ts.SyntaxKind.Parameter:
        return this.parameter(d as ts.ParameterDeclaration);
      case ts.SyntaxKind.PropertyDeclaration:
        return this.classProperty(d as ts.PropertyDeclaration);
      case ts.SyntaxKind.PropertySignature: {
        const ps = d as ts.PropertySignature;
        return ps.type ? this.typeOrigin(ps.type) : undefined;
      }
      case ts.SyntaxKind.PropertyAssignment:
        return this.resolve((d as ts.PropertyAssignment).initializer);
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        return this.resolve((d as ts.ShorthandPropertyAssignment).name);
      case ts.SyntaxKind.GetAccessor:
        return this.returns(d as ts.GetAccessorDeclaration);
      case ts.SyntaxKind.ExportAssignment:
        return this.resolve((d as ts.ExportAssignment).expression);
      case ts.SyntaxKind.BinaryExpression:
        return this.resolve((d as ts.BinaryExpression).right);
      case ts.SyntaxKind.PropertyAccessExpression: {
        // JS: `this.x = v` / `exports.x = v` declare x
        const parent = d.parent;
        return ts.isBinaryExpression(parent) && parent.left === d ? this.resolve(parent.right) : undefined;
      }
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
        return this.classOrigin(d as ts.ClassLikeDeclaration);
      case ts.SyntaxKind.SourceFile:
        return this.moduleValue(d as ts.SourceFile);
      case ts.SyntaxKind.ImportEqualsDeclaration:
        return this.packageImport(d as ts.ImportEqualsDeclaration);
      default:
        return undefined;
    }
  }

  /** `const x = init`; a `let`/`var` when all its assignments agree; else its type annotation. */
  private variable(d: ts.VariableDeclaration): Resolved | undefined {
    if (!ts.isIdentifier(d.name)) return undefined;
    const candidates: ts.Expression[] = [];
    if (d.initializer && !isNullish(d.initializer)) candidates.push(d.initializer);
    const isConst = (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0;
    if (!isConst && !ts.isForOfStatement(d.parent.parent) && !ts.isForInStatement(d.parent.parent)) {
      candidates.push(...this.assignmentsTo(d.name));
    }
    const r = this.agree(candidates);
    if (r) return r;
    return d.type ? this.typeOrigin(d.type) : undefined;
  }

  /** One origin when every candidate that resolves gives the same one. */
  private agree(candidates: readonly ts.Expression[]): Resolved | undefined {
    let found: Resolved | undefined;
    for (const c of candidates) {
      const r = this.resolve(c);
      if (!r) continue;
      if (found && !sameOrigin(found, r)) return undefined;
      found ??= r;
    }
    return found;
  }

  /** Right sides of `name = expr` for this variable, searched only in its scope (indexed once per scope). */
  private assignmentsTo(name: ts.Identifier): ts.Expression[] {
    const scope = declarationScope(name);
    let byName = this.assignmentsByScope.get(scope);
    if (!byName) {
      const index = new Map<string, ts.Identifier[]>();
      const visit = (n: ts.Node): void => {
        if (ts.isBinaryExpression(n) && isStoringOperator(n.operatorToken.kind) && ts.isIdentifier(n.left)) {
          const list = index.get(n.left.text) ?? [];
          list.push(n.left);
          index.set(n.left.text, list);
        }
        ts.forEachChild(n, visit);
      };
      visit(scope);
      this.assignmentsByScope.set(scope, index);
      byName = index;
    }
    const lefts = byName.get(name.text);
    if (!lefts) return [];
    const sym = this.checker.getSymbolAtLocation(name);
    return lefts.filter((l) => this.checker.getSymbolAtLocation(l) === sym).map((l) => (l.parent as ts.BinaryExpression).right);
  }

  /** `const { a: { b } } = root` → origin(root).a.b; a typed parameter pattern falls back to the type. */
  private bindingElement(be: ts.BindingElement): Resolved | undefined {
    // `const [value, setValue] = useLocalStorage('k', '')`: element n of the returned tuple.
    if (ts.isArrayBindingPattern(be.parent)) {
      const decl = be.parent.parent;
      if (be.dotDotDotToken || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
      const base = this.resolve(decl.initializer);
      return base && this.member(base, String(be.parent.elements.indexOf(be)));
    }
    const names: string[] = [];
    let node: ts.Node = be;
    while (ts.isBindingElement(node)) {
      const pattern: ts.BindingPattern = node.parent;
      if (!ts.isObjectBindingPattern(pattern) || node.dotDotDotToken) return undefined;
      const key = propertyNameText(node.propertyName ?? node.name);
      if (key === undefined) return undefined;
      names.unshift(key);
      node = pattern.parent;
    }
    let base: Resolved | undefined;
    if (ts.isVariableDeclaration(node) && node.initializer) base = this.resolve(node.initializer);
    else if (ts.isParameter(node)) base = this.parameterBase(node);
    if (base) {
      let r: Resolved | undefined = base;
      for (const n of names) r = r && this.member(r, n);
      return r;
    }
    // No package origin: a project shape, e.g. a typed pattern `({ logger }: Deps)` or `const { a } = config`.
    let shape = ts.isVariableDeclaration(node)
      ? ((node.initializer ? this.shapeOf(node.initializer) : undefined) ?? (node.type ? this.typeShape(node.type) : undefined))
      : ts.isParameter(node)
        ? this.declShape(node)
        : undefined;
    for (const n of names.slice(0, -1)) shape = shape && this.memberShape(shape, n);
    return shape && this.memberOrigin(shape, names[names.length - 1]);
  }

  /** A typed parameter is an instance of its type; an untyped callback parameter hangs off the callee (`=>`). */
  private parameter(p: ts.ParameterDeclaration): Resolved | undefined {
    if (!ts.isIdentifier(p.name)) return undefined;
    return this.parameterBase(p);
  }

  private parameterBase(p: ts.ParameterDeclaration): Resolved | undefined {
    if (p.type) {
      const t = this.typeOrigin(p.type);
      if (t) return t;
    }
    if (p.initializer) {
      const r = this.resolve(p.initializer);
      if (r) return r;
    }
    const fn = p.parent;
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn)) {
      const callee = this.resolve(fn.parent.expression);
      if (callee) return step(callee, CALLBACK, fn.parent);
    }
    return undefined;
  }

  /** Class property: initializer, `this.x = v` anywhere in the class (constructor, init hooks), else its type. */
  private classProperty(d: ts.PropertyDeclaration): Resolved | undefined {
    const candidates: ts.Expression[] = [];
    if (d.initializer && !isNullish(d.initializer)) candidates.push(d.initializer);
    const name = propertyNameText(d.name);
    if (name !== undefined && ts.isClassLike(d.parent)) candidates.push(...(this.thisAssignments(d.parent).get(name) ?? []));
    return this.agree(candidates) ?? (d.type ? this.typeOrigin(d.type) : undefined);
  }

  private thisAssignments(cls: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
    let map = this.thisAssignmentsByClass.get(cls);
    if (map) return map;
    const found = new Map<string, ts.Expression[]>();
    map = found;
    const visit = (n: ts.Node): void => {
      // `this` inside a nested function or class is another object
      if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassLike(n)) return;
      if (ts.isBinaryExpression(n) && isStoringOperator(n.operatorToken.kind)) {
        const left = skipOuter(n.left);
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const list = found.get(left.name.text) ?? [];
          list.push(n.right);
          found.set(left.name.text, list);
        }
      }
      ts.forEachChild(n, visit);
    };
    for (const m of cls.members) {
      if (ts.isConstructorDeclaration(m) || ts.isMethodDeclaration(m) || ts.isGetAccessor(m) || ts.isSetAccessor(m)) {
        if (m.body) ts.forEachChild(m.body, visit);
      }
    }
    this.thisAssignmentsByClass.set(cls, map);
    return map;
  }

  /** A project class behaves like the package class it extends (`class User extends Model`). */
  private classOrigin(cls: ts.ClassLikeDeclaration): Resolved | undefined {
    const base = extendsExpression(cls)[0];
    return base ? this.resolve(base.expression) : undefined;
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
      return sf ? this.fileExport(sf, name) : undefined;
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
      if (callee.kind === ts.SyntaxKind.ImportKeyword) return this.moduleSpecifier(arg0.text, ce);
      if (ts.isIdentifier(callee) && callee.text === 'require' && !this.isDeclaredInProject(callee))
        return this.moduleSpecifier(arg0.text, ce);
    }
    // f.bind(thisArg) is f
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') {
      const bound = this.resolve(callee.expression);
      if (bound) return bound;
    }
    const fn = this.resolve(ce.expression);
    if (fn) return step(fn, CALL, ce);
    for (const f of this.functionsOf(callee)) {
      const r = this.guard(this.returnMemo, f, () => this.returns(f));
      if (r) return r;
    }
    return undefined;
  }

  /** The project functions a callee may be: `f`, `obj.method`, `this.method`, an inline arrow. */
  private functionsOf(callee: ts.Expression): FunctionWithBody[] {
    if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return [callee];
    let decls: readonly ts.Node[] = [];
    if (ts.isIdentifier(callee)) {
      decls = this.projectDeclarations(callee);
    } else if (ts.isPropertyAccessExpression(callee)) {
      const shape = this.shapeOf(callee.expression);
      const m = shape && this.memberDeclaration(shape, callee.name.text);
      decls = m ? [m] : [];
    }
    const out: FunctionWithBody[] = [];
    for (const d of decls) {
      let fn: ts.Node | undefined = d;
      if ((ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) || ts.isPropertyAssignment(d)) && d.initializer)
        fn = skipOuter(d.initializer);
      if (
        fn &&
        (ts.isFunctionDeclaration(fn) ||
          ts.isMethodDeclaration(fn) ||
          ts.isArrowFunction(fn) ||
          ts.isFunctionExpression(fn) ||
          ts.isGetAccessorDeclaration(fn))
      ) {
        out.push(fn);
      }
    }
    return out;
  }

  // ---- project shapes: members of project objects without asking the checker for their type ----

  /** What a project expression is structurally: an object literal, a project class or its instance, a declared type. */
  private shapeOf(expr: ts.Expression): Shape | undefined {
    const cached = this.shapes.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    if (this.shapesActive.has(expr) || this.depth > MAX_DEPTH) return undefined;
    this.shapesActive.add(expr);
    this.depth++;
    let result: Shape | undefined;
    try {
      result = this.shapeUncached(skipOuter(expr));
    } finally {
      this.depth--;
      this.shapesActive.delete(expr);
    }
    this.shapes.set(expr, result ?? null);
    return result;
  }

  private shapeUncached(e: ts.Expression): Shape | undefined {
    if (e.kind === ts.SyntaxKind.ThisKeyword) return thisShape(e);
    if (ts.isObjectLiteralExpression(e)) return { kind: 'object', node: e };
    if (ts.isClassExpression(e)) return { kind: 'class', cls: e };
    if (ts.isNewExpression(e)) {
      const cls = this.shapeOf(e.expression);
      return cls?.kind === 'class' ? { kind: 'instance', cls: cls.cls } : undefined;
    }
    if (ts.isIdentifier(e)) {
      for (const d of this.projectDeclarations(e)) {
        const s = this.declShape(d);
        if (s) return s;
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const base = this.shapeOf(e.expression);
      return base && this.memberShape(base, e.name.text);
    }
    if (ts.isCallExpression(e)) {
      for (const f of this.functionsOf(skipOuter(e.expression))) {
        const s = f.type ? this.typeShape(f.type) : undefined;
        if (s) return s;
      }
    }
    return undefined;
  }

  private declShape(d: ts.Node): Shape | undefined {
    if (ts.isClassDeclaration(d) || ts.isClassExpression(d)) return { kind: 'class', cls: d };
    if (ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) || ts.isParameter(d) || ts.isPropertySignature(d)) {
      const typed = d.type ? this.typeShape(d.type) : undefined;
      if (typed) return typed;
      const init = ts.isPropertySignature(d) ? undefined : d.initializer;
      return init ? this.shapeOf(init) : undefined;
    }
    if (ts.isPropertyAssignment(d)) return this.shapeOf(d.initializer);
    if (ts.isShorthandPropertyAssignment(d)) return this.shapeOf(d.name);
    if (ts.isGetAccessorDeclaration(d) && d.type) return this.typeShape(d.type);
    return undefined;
  }

  private typeShape(type: ts.TypeNode): Shape | undefined {
    if (ts.isParenthesizedTypeNode(type)) return this.typeShape(type.type);
    if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
      for (const t of type.types) {
        const s = this.typeShape(t);
        if (s) return s;
      }
      return undefined;
    }
    if (ts.isTypeLiteralNode(type)) return { kind: 'members', node: type };
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
    for (const d of this.projectDeclarations(type.typeName)) {
      if (ts.isInterfaceDeclaration(d)) return { kind: 'members', node: d };
      if (ts.isClassDeclaration(d)) return { kind: 'instance', cls: d };
      if (ts.isTypeAliasDeclaration(d)) return this.typeShape(d.type);
    }
    return undefined;
  }

  /** The declaration of member `name` of a shape (following project base classes and interfaces). */
  private memberDeclaration(shape: Shape, name: string): ts.Node | undefined {
    if (shape.kind === 'object') {
      for (let i = shape.node.properties.length - 1; i >= 0; i--) {
        const p = shape.node.properties[i];
        if (p.name && propertyNameText(p.name) === name) return p;
        // `{ ...boundLogger, withContext }`: the later spread's members are the object's too
        if (ts.isSpreadAssignment(p)) {
          const spread = this.shapeOf(p.expression);
          const found = spread && this.memberDeclaration(spread, name);
          if (found) return found;
        }
      }
      return undefined;
    }
    if (shape.kind === 'members') {
      const m = findTypeMember(shape.node, name);
      if (m || !ts.isInterfaceDeclaration(shape.node)) return m;
      for (const h of extendsExpression(shape.node)) {
        const base = ts.isIdentifier(h.expression) ? this.projectDeclarations(h.expression).find(ts.isInterfaceDeclaration) : undefined;
        const found = base && this.memberDeclaration({ kind: 'members', node: base }, name);
        if (found) return found;
      }
      return undefined;
    }
    for (let cls: ts.ClassLikeDeclaration | undefined = shape.cls, i = 0; cls && i < 10; i++) {
      const m = findClassMember(cls, name, shape.kind === 'class');
      if (m) return m;
      const base: ts.Expression | undefined = extendsExpression(cls)[0]?.expression;
      const baseShape: Shape | undefined = base && this.shapeOf(base);
      cls = baseShape?.kind === 'class' ? baseShape.cls : undefined;
    }
    return undefined;
  }

  private memberShape(shape: Shape, name: string): Shape | undefined {
    const d = this.memberDeclaration(shape, name);
    if (d) return this.declShape(d);
    if (shape.kind === 'instance') {
      const assigned = this.thisAssignments(shape.cls).get(name);
      return assigned?.[0] ? this.shapeOf(assigned[0]) : undefined;
    }
    return undefined;
  }

  /**
   * Origin of member `name` of a project shape: its initializer, `this.name = v` assignments, its
   * declared type; for a class extending a package class, the inherited package member.
   */
  private memberOrigin(shape: Shape, name: string): Resolved | undefined {
    const d = this.memberDeclaration(shape, name);
    if (d) {
      if (ts.isMethodDeclaration(d) || ts.isMethodSignature(d)) return undefined;
      if (ts.isGetAccessorDeclaration(d)) return this.guard(this.returnMemo, d, () => this.returns(d));
      if (ts.isPropertySignature(d)) return d.type ? this.typeOrigin(d.type) : undefined;
      return this.decl(d);
    }
    if (shape.kind === 'object') return undefined;
    if (shape.kind === 'members') return this.inheritedTypeMember(shape.node, name);
    // Not declared: assigned in the class (plain JS), or inherited from a package base class.
    for (let cls: ts.ClassLikeDeclaration = shape.cls, i = 0; i < 10; i++) {
      if (shape.kind === 'instance') {
        const assigned = this.thisAssignments(cls).get(name);
        const r = assigned && this.agree(assigned);
        if (r) return r;
      }
      const base = extendsExpression(cls)[0]?.expression;
      if (!base) return undefined;
      const baseShape = this.shapeOf(base);
      if (baseShape?.kind === 'class') {
        cls = baseShape.cls;
        continue;
      }
      const pkg = this.resolve(base);
      return pkg ? this.member(shape.kind === 'class' ? pkg : step(pkg, NEW, undefined), name) : undefined;
    }
    return undefined;
  }

  /** `interface Deps extends Logger {}`: members of a package type the interface extends. */
  private inheritedTypeMember(node: ts.InterfaceDeclaration | ts.TypeLiteralNode, name: string): Resolved | undefined {
    if (!ts.isInterfaceDeclaration(node)) return undefined;
    for (const h of extendsExpression(node)) {
      const t = this.typeName(h.expression);
      if (t) return this.member(t, name);
    }
    return undefined;
  }

  /** Project declarations of an identifier (through imports of project files). */
  private projectDeclarations(id: ts.Identifier): readonly ts.Declaration[] {
    let sym = valueSymbol(this.checker, id);
    if (!sym) return [];
    if (sym.flags & ts.SymbolFlags.Alias) {
      try {
        sym = this.checker.getAliasedSymbol(sym);
      } catch {
        return [];
      }
    }
    return (sym.declarations ?? []).filter((d) => this.isProjectCode(d));
  }

  private returns(fn: FunctionWithBody): Resolved | undefined {
    const body = fn.body;
    if (!body) return undefined;
    if (!ts.isBlock(body)) return this.resolve(body);
    const exprs: ts.Expression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression && !isNullish(n.expression)) exprs.push(n.expression);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
    for (const e of exprs) {
      const r = this.resolve(e);
      if (r) return r;
    }
    return fn.type ? this.typeOrigin(fn.type) : undefined;
  }

  // ---- modules ---------------------------------------------------------------------------------

  /** `require('x')` / `import('x')`: a package namespace, or the value of a project module. */
  private moduleSpecifier(specifier: string, site: ts.CallExpression): Resolved | undefined {
    if (isBareSpecifier(specifier)) {
      const sf = this.resolveProjectModule(specifier, site.getSourceFile());
      if (!sf) return { module: normalizeModule(specifier), path: [], sites: [] };
      return this.moduleValue(sf);
    }
    const sf = this.resolveProjectModule(specifier, site.getSourceFile());
    return sf ? this.moduleValue(sf) : undefined;
  }

  private resolveProjectModule(specifier: string, from: ts.SourceFile): ts.SourceFile | undefined {
    const host: ts.ModuleResolutionHost = {
      fileExists: (f) => this.program.getSourceFile(f) !== undefined,
      readFile: () => undefined,
    };
    const res = ts.resolveModuleName(specifier, from.fileName, this.program.getCompilerOptions(), host);
    const file = res.resolvedModule?.resolvedFileName;
    const sf = file ? this.program.getSourceFile(file) : undefined;
    return sf && this.isProjectCode(sf) ? sf : undefined;
  }

  /** The value of a project module: its `module.exports = x` / `export = x`, else its exports by name. */
  private moduleValue(sf: ts.SourceFile): Resolved | undefined {
    for (const st of sf.statements) {
      if (ts.isExportAssignment(st) && st.isExportEquals) return this.resolve(st.expression);
      if (
        ts.isExpressionStatement(st) &&
        ts.isBinaryExpression(st.expression) &&
        st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      ) {
        if (isModuleExports(st.expression.left)) return this.resolve(st.expression.right);
      }
    }
    return { module: FILE_PREFIX + sf.fileName, path: [], sites: [] };
  }

  private fileExport(sf: ts.SourceFile, name: string): Resolved | undefined {
    const moduleSym = this.checker.getSymbolAtLocation(sf);
    const exp = moduleSym && this.checker.getExportsOfModule(moduleSym).find((s) => s.name === name);
    if (exp) {
      const r = this.symbol(exp, name);
      if (r) return r;
    }
    // CommonJS: exports.x = v, module.exports.x = v, module.exports = { x }
    for (const st of sf.statements) {
      if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
      const { left, right } = st.expression;
      if (
        ts.isPropertyAccessExpression(left) &&
        left.name.text === name &&
        (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))
      ) {
        return this.resolve(right);
      }
      if (isModuleExports(left) && ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return this.resolve(p.initializer);
          if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return this.resolve(p.name);
        }
      }
    }
    return undefined;
  }

  // ---- types -----------------------------------------------------------------------------------

  /** An annotation naming a package type is an instance of it: `logger: Logger` → `Logger`, `new`. */
  typeOrigin(type: ts.TypeNode): Resolved | undefined {
    return this.guard(this.typeMemo, type, () => this.typeOriginUncached(type));
  }

  private typeOriginUncached(type: ts.TypeNode): Resolved | undefined {
    if (ts.isParenthesizedTypeNode(type) || ts.isTypeOperatorNode(type)) return this.typeOrigin(type.type);
    if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
      for (const t of type.types) {
        const r = this.typeOrigin(t);
        if (r) return r;
      }
      return undefined;
    }
    if (ts.isTypeQueryNode(type)) return this.entityName(type.exprName);
    if (!ts.isTypeReferenceNode(type)) return undefined;
    const arg0 = type.typeArguments?.[0];
    if (ts.isIdentifier(type.typeName) && arg0) {
      switch (type.typeName.text) {
        case 'ReturnType': {
          const fn = this.typeOrigin(arg0);
          if (fn) return step(fn, CALL, undefined);
          // ReturnType<typeof createClient>: what the project function returns
          if (!ts.isTypeQueryNode(arg0) || !ts.isIdentifier(arg0.exprName)) return undefined;
          for (const f of this.functionsOf(arg0.exprName)) {
            const r = this.guard(this.returnMemo, f, () => this.returns(f));
            if (r) return r;
          }
          return undefined;
        }
        case 'InstanceType': {
          const cls = this.typeOrigin(arg0);
          return cls ? step(cls, NEW, undefined) : undefined;
        }
        case 'Awaited':
        case 'Promise':
        case 'Readonly':
        case 'NonNullable':
          return this.typeOrigin(arg0);
      }
    }
    return this.typeName(type.typeName);
  }

  /** The instance a type name stands for. */
  private typeName(name: ts.EntityName | ts.Expression): Resolved | undefined {
    if (ts.isQualifiedName(name) || ts.isPropertyAccessExpression(name)) {
      const [leftNode, right] = ts.isQualifiedName(name) ? [name.left, name.right.text] : [name.expression, name.name.text];
      const left = this.entityName(leftNode);
      const member = left && this.member(left, right);
      return member ? step(member, NEW, undefined) : undefined;
    }
    if (!ts.isIdentifier(name)) return undefined;
    const sym = this.checker.getSymbolAtLocation(name);
    if (!sym) return undefined;
    if (sym.flags & ts.SymbolFlags.Alias) {
      const decl = sym.declarations?.[0];
      let target: ts.Symbol | undefined;
      try {
        target = this.checker.getAliasedSymbol(sym);
      } catch {
        target = undefined;
      }
      if (target && target !== sym && (target.declarations ?? []).some((d) => this.isProjectCode(d))) return this.projectType(target);
      const imported = decl && this.packageImport(decl);
      return imported ? step(imported, NEW, undefined) : undefined;
    }
    return this.projectType(sym);
  }

  /** A project type: an alias of a package type, a class or interface extending one. */
  private projectType(sym: ts.Symbol): Resolved | undefined {
    for (const d of sym.declarations ?? []) {
      if (!this.isProjectCode(d)) continue;
      if (ts.isTypeAliasDeclaration(d)) {
        const r = this.typeOrigin(d.type);
        if (r) return r;
      } else if (ts.isClassDeclaration(d)) {
        const cls = this.decl(d);
        if (cls) return step(cls, NEW, undefined);
      } else if (ts.isInterfaceDeclaration(d)) {
        for (const clause of d.heritageClauses ?? []) {
          for (const t of clause.types) {
            const r = this.typeName(t.expression);
            if (r) return r;
          }
        }
      }
    }
    return undefined;
  }

  /** A value entity name (`typeof x`, `import x = a.b`, the left of `pino.Logger`). */
  private entityName(name: ts.EntityName | ts.Expression): Resolved | undefined {
    if (ts.isIdentifier(name)) return this.identifier(name);
    if (ts.isQualifiedName(name)) {
      const left = this.entityName(name.left);
      return left && this.member(left, name.right.text);
    }
    return ts.isPropertyAccessExpression(name) ? this.resolve(name) : undefined;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private isAmbient(d: ts.Node): boolean {
    const sf = d.getSourceFile();
    return sf.isDeclarationFile || this.program.isSourceFileDefaultLibrary(sf) || hasDeclareAncestor(d);
  }

  private isProjectCode(d: ts.Node): boolean {
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
}

/** A project structure whose members can be looked up by name. */
type Shape =
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  | { kind: 'class'; cls: ts.ClassLikeDeclaration }
  | { kind: 'instance'; cls: ts.ClassLikeDeclaration }
  | { kind: 'members'; node: ts.InterfaceDeclaration | ts.TypeLiteralNode };

type FunctionWithBody = ts.FunctionLikeDeclaration;

/** What `this` is at a node: the class instance (the class in static members), or an object literal. */
function thisShape(node: ts.Node): Extract<Shape, { kind: 'object' | 'class' | 'instance' }> | undefined {
  let isStatic = false;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if (
      (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) &&
      ts.isObjectLiteralExpression(n.parent)
    ) {
      return { kind: 'object', node: n.parent };
    }
    if (
      (ts.isClassElement(n) || ts.isClassStaticBlockDeclaration(n)) &&
      ts.canHaveModifiers(n) &&
      (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    ) {
      isStatic = true;
    }
    if (ts.isClassStaticBlockDeclaration(n)) isStatic = true;
    if (ts.isClassLike(n)) return { kind: isStatic ? 'class' : 'instance', cls: n };
  }
  return undefined;
}

class Memo {
  readonly done = new Map<ts.Node, Resolved | null>();
  readonly active = new Set<ts.Node>();
}

function globalOrigin(name: string): Resolved {
  return { module: GLOBAL_MODULE, path: [name], sites: [undefined] };
}

/** `globalThis.prisma`, `window.__store`: a name the project hangs on a global object, not a runtime API. */
function isGlobalExpando(r: Resolved): boolean {
  return r.module === GLOBAL_MODULE && r.path.length >= 1 && !GLOBAL_NAMES.has(r.path[0]);
}

function step(base: Resolved, name: string, site: ts.CallExpression | ts.NewExpression | undefined): Resolved {
  return { module: base.module, path: [...base.path, name], sites: [...base.sites, site] };
}

function sameOrigin(a: Resolved, b: Resolved): boolean {
  return a.module === b.module && a.path.length === b.path.length && a.path.every((s, i) => s === b.path[i]);
}

/** A JavaScript assignment that the binder records as a declaration (`console.debug = …`, `exports.x = …`). */
function isExpandoAssignment(d: ts.Node): boolean {
  return ts.isBinaryExpression(d) || ts.isPropertyAccessExpression(d) || ts.isElementAccessExpression(d) || ts.isIdentifier(d);
}

/** Inside a `declare` statement (`declare const gtag: ...`, `declare global { ... }`). */
function hasDeclareAncestor(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** Where assignments to a variable can be: its block for `let`, its function (or file) for `var`. */
function declarationScope(name: ts.Identifier): ts.Node {
  const decl = name.parent;
  const blockScoped = ts.isVariableDeclaration(decl) && (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.BlockScoped) !== 0;
  const scope = ts.findAncestor(
    decl.parent,
    (n) => ts.isFunctionLike(n) || ts.isSourceFile(n) || (blockScoped && (ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n))),
  );
  return scope ?? name.getSourceFile();
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

function isStoringOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken
  );
}

export { FILE_PREFIX };
