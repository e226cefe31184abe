import { ts } from 'ts-morph';
import type { Origin } from './types.js';
import { GLOBAL_MODULE, GLOBAL_NAMES, GLOBAL_OBJECTS } from './globals.js';
import { CALL, CALLBACK, COMPUTED, NEW } from './path-pattern.js';
import { valueSymbol, type ConstantEvaluator } from './constant-value.js';
import { isBareSpecifier, isNullish, normalizeModule, propertyNameText, skipOuter } from './syntax.js';

/**
 * An origin plus, for each step, the node that produced it (`()` → the call, `new` → the new
 * expression): sink ids and options are read from there (`new Queue('emails')`, `axios.create({ baseURL })`,
 * `pino({ redact })`).
 */
export interface Resolved {
  module: string;
  path: readonly string[];
  sites: readonly (ts.CallExpression | ts.NewExpression | undefined)[];
  /** From a naming convention (`req.log`) rather than from an import. */
  heuristic?: boolean;
}

/** A project module used as a value (`import * as m from './x'`, `require('./x')`): members are its exports. */
const FILE_PREFIX = '\0file:';
const MAX_DEPTH = 100;

/** Express/Fastify/Koa request (and Fastify instance) `.log` is the pino logger of pino-http / Fastify. */
const PINO_LOG_HOSTS = new Set(['express', 'fastify', 'koa', 'pino-http', 'express-pino-logger', 'koa-pino-logger']);
const REQUEST_NAMES = new Set(['req', 'request']);
const PINO_LOGGER: Resolved = { module: 'pino', path: ['default', CALL], sites: [undefined, undefined], heuristic: true };

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
  private readonly assignmentsByFile = new Map<ts.SourceFile, Map<string, ts.Expression[]>>();
  private readonly thisAssignmentsByClass = new Map<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();
  private depth = 0;

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly constants: ConstantEvaluator,
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
        const cls = this.resolve(ne.expression);
        return cls ? step(cls, NEW, ne) : undefined;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const be = e as ts.BinaryExpression;
        const op = be.operatorToken.kind;
        if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return this.resolve(be.left) ?? this.resolve(be.right);
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
    const sym = valueSymbol(this.checker, id);
    if (!sym) return GLOBAL_NAMES.has(id.text) ? globalOrigin(id.text) : undefined;
    return this.symbol(sym, id.text);
  }

  private symbol(sym: ts.Symbol, name: string): Resolved | undefined {
    if (sym.flags & ts.SymbolFlags.Alias) return this.alias(sym);
    const decls = sym.declarations ?? [];
    // Declared only by lib files or ambient `declare` statements: a global, unless a project value.
    if (decls.length === 0 || decls.every((d) => this.isAmbient(d))) {
      return GLOBAL_NAMES.has(name) ? globalOrigin(name) : undefined;
    }
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
      const imported = decl.propertyName ?? decl.name;
      path = [ts.isIdentifier(imported) ? imported.text : imported.text];
    } else if (ts.isImportEqualsDeclaration(decl)) {
      const ref = decl.moduleReference;
      if (ts.isExternalModuleReference(ref)) specifier = ref.expression;
      else return this.entityName(ref);
    } else {
      return undefined;
    }
    if (!specifier || !ts.isStringLiteral(specifier) || !isBareSpecifier(specifier.text)) return undefined;
    return { module: normalizeModule(specifier.text), path, sites: path.map(() => undefined) };
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

  /** Right sides of `name = expr` in the declaring file for this variable (indexed once per file). */
  private assignmentsTo(name: ts.Identifier): ts.Expression[] {
    const sf = name.getSourceFile();
    let byName = this.assignmentsByFile.get(sf);
    if (!byName) {
      byName = new Map();
      const index = byName;
      const visit = (n: ts.Node): void => {
        if (ts.isBinaryExpression(n) && isStoringOperator(n.operatorToken.kind) && ts.isIdentifier(n.left)) {
          const list = index.get(n.left.text) ?? [];
          list.push(n.left);
          index.set(n.left.text, list);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
      this.assignmentsByFile.set(sf, byName);
    }
    const lefts = byName.get(name.text);
    if (!lefts) return [];
    const sym = this.checker.getSymbolAtLocation(name);
    return lefts.filter((l) => this.checker.getSymbolAtLocation(l) === sym).map((l) => (l.parent as ts.BinaryExpression).right);
  }

  /** `const { a: { b } } = root` → origin(root).a.b; a typed parameter pattern falls back to the type. */
  private bindingElement(be: ts.BindingElement): Resolved | undefined {
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
    // Typed pattern: `({ logger }: Deps)` → the declared type of `logger`.
    const prop = this.checker.getTypeAtLocation(be.parent).getProperty(names[names.length - 1]!);
    for (const d of prop?.declarations ?? []) {
      if (d === be || !this.isProjectCode(d)) continue;
      const r = this.decl(d);
      if (r) return r;
    }
    return undefined;
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
    for (const clause of cls.heritageClauses ?? []) {
      if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      const base = clause.types[0];
      if (base) return this.resolve(base.expression);
    }
    return undefined;
  }

  // ---- members and calls ---------------------------------------------------------------------

  private propertyAccess(pa: ts.PropertyAccessExpression): Resolved | undefined {
    const name = pa.name.text;
    const obj = skipOuter(pa.expression);
    if (obj.kind === ts.SyntaxKind.ThisKeyword || obj.kind === ts.SyntaxKind.SuperKeyword) {
      return this.memberBySymbol(pa.name) ?? this.thisMember(pa, name);
    }
    const base = this.resolve(pa.expression);
    if (base) return this.member(base, name);
    if (name === 'log' && ts.isIdentifier(obj) && REQUEST_NAMES.has(obj.text) && this.isParameter(obj)) return PINO_LOGGER;
    return this.memberBySymbol(pa.name);
  }

  private elementAccess(ea: ts.ElementAccessExpression): Resolved | undefined {
    const base = this.resolve(ea.expression);
    const key = this.constants.fullString(ea.argumentExpression);
    if (base) return this.member(base, key ?? COMPUTED);
    return undefined;
  }

  /** `base.name`, with project-module exports, `window.x` globals and the `.log` pino convention. */
  member(base: Resolved, name: string): Resolved | undefined {
    if (base.module.startsWith(FILE_PREFIX)) {
      if (base.path.length > 0) return undefined;
      const sf = this.program.getSourceFile(base.module.slice(FILE_PREFIX.length));
      return sf ? this.fileExport(sf, name) : undefined;
    }
    if (base.module === GLOBAL_MODULE && base.path.length === 1 && GLOBAL_OBJECTS.has(base.path[0]!)) return globalOrigin(name);
    if (name === 'log' && PINO_LOG_HOSTS.has(base.module)) return PINO_LOGGER;
    return step(base, name, undefined);
  }

  /** A property the checker knows (`this.logger`, `deps.logger`, `service.client`): follow its declaration. */
  private memberBySymbol(name: ts.MemberName): Resolved | undefined {
    const sym = this.checker.getSymbolAtLocation(name);
    if (!sym) return undefined;
    const decls = sym.declarations ?? [];
    if (decls.length === 0 || decls.every((d) => this.isAmbient(d))) return undefined;
    if (sym.flags & ts.SymbolFlags.Alias) return this.alias(sym);
    for (const d of decls) {
      const r = this.decl(d);
      if (r) return r;
    }
    return undefined;
  }

  /** `this.x` without a declared member (plain JS): assignments in the enclosing class. */
  private thisMember(pa: ts.PropertyAccessExpression, name: string): Resolved | undefined {
    let n: ts.Node = pa.parent;
    while (n && !ts.isClassLike(n)) {
      if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
      n = n.parent;
    }
    if (!n) return undefined;
    return this.agree(this.thisAssignments(n).get(name) ?? []);
  }

  private call(ce: ts.CallExpression): Resolved | undefined {
    const callee = skipOuter(ce.expression);
    const arg0 = ce.arguments[0];
    // require('x'), import('x')
    if (arg0 && ts.isStringLiteral(arg0) && ce.arguments.length === 1) {
      if (callee.kind === ts.SyntaxKind.ImportKeyword) return this.moduleSpecifier(arg0.text, ce);
      if (ts.isIdentifier(callee) && callee.text === 'require' && !this.isDeclaredInProject(callee)) return this.moduleSpecifier(arg0.text, ce);
    }
    // f.bind(thisArg) is f
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') {
      const bound = this.resolve(callee.expression);
      if (bound) return bound;
    }
    const fn = this.resolve(ce.expression);
    if (fn) return step(fn, CALL, ce);
    return this.returnsOfCallee(callee);
  }

  /** A project function's result: what its `return`s (or arrow body) resolve to, else its return type. */
  private returnsOfCallee(callee: ts.Expression): Resolved | undefined {
    let decls: readonly ts.Declaration[] = [];
    if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) {
      decls = [callee];
    } else {
      const nameNode = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
      if (!nameNode) return undefined;
      let sym = this.checker.getSymbolAtLocation(nameNode);
      if (sym && sym.flags & ts.SymbolFlags.Alias) {
        try {
          sym = this.checker.getAliasedSymbol(sym);
        } catch {
          return undefined;
        }
      }
      decls = sym?.declarations ?? [];
    }
    for (const d of decls) {
      if (!this.isProjectCode(d)) continue;
      let fn: ts.Node | undefined = d;
      if ((ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) || ts.isPropertyAssignment(d)) && d.initializer) fn = skipOuter(d.initializer);
      if (fn && (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
        const body = fn;
        const r = this.guard(this.returnMemo, fn, () => this.returns(body));
        if (r) return r;
      }
    }
    return undefined;
  }

  private returns(fn: ts.SignatureDeclaration & { body?: ts.Node }): Resolved | undefined {
    const body = fn.body;
    if (!body) return undefined;
    if (!ts.isBlock(body)) return this.resolve(body as ts.Expression);
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
      if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
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
      if (ts.isPropertyAccessExpression(left) && left.name.text === name && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) {
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
          return fn ? step(fn, CALL, undefined) : undefined;
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

class Memo {
  readonly done = new Map<ts.Node, Resolved | null>();
  readonly active = new Set<ts.Node>();
}

function globalOrigin(name: string): Resolved {
  return { module: GLOBAL_MODULE, path: [name], sites: [undefined] };
}

function step(base: Resolved, name: string, site: ts.CallExpression | ts.NewExpression | undefined): Resolved {
  return { module: base.module, path: [...base.path, name], sites: [...base.sites, site], ...(base.heuristic ? { heuristic: true } : {}) };
}

function sameOrigin(a: Resolved, b: Resolved): boolean {
  return a.module === b.module && a.path.length === b.path.length && a.path.every((s, i) => s === b.path[i]);
}

/** Inside a `declare` statement (`declare const gtag: ...`, `declare global { ... }`). */
function hasDeclareAncestor(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

function isStoringOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken;
}

export { FILE_PREFIX };
