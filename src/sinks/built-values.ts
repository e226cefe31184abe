import { ts } from '#ts-morph';
import type { CallSpec, SinkSpec } from './catalog-types.js';
import { PackageSet } from './catalog-index.js';
import type { ConstantEvaluator } from './constant-value.js';
import { valueSymbol } from './constant-value.js';
import type { OriginResolver } from './origin.js';
import { matchPattern, normalizePath, parsePattern, type PathPattern } from './path-pattern.js';
import { selectArgs } from './args.js';
import { isNullish, skipOuter } from '../ts/syntax.js';

interface CompiledBuilder {
  call: CallSpec;
  patterns: PathPattern[];
  packages: PackageSet;
}

/**
 * What a data store's write receives when its argument is an object the store's own API built or a
 * document the code filled in: `repository.save(repository.create({ email }))`, `const u = new
 * User({ email }); u.save()`, `user.email = x; await user.save()`. The written object then carries
 * the builder's data arguments (catalogue `builders`) and the values assigned to its fields in the
 * same function. Without this, the object is an opaque result of a package call.
 */
export class BuiltValues {
  private readonly compiled = new WeakMap<SinkSpec, CompiledBuilder[]>();

  constructor(
    private readonly origins: OriginResolver,
    private readonly constants: ConstantEvaluator,
    private readonly checker: ts.TypeChecker,
  ) {}

  /** `dataArgs` plus what the objects among them were built from and filled with. */
  expand(spec: SinkSpec, dataArgs: readonly ts.Expression[], at: ts.Node): ts.Expression[] {
    if (!spec.builders?.length) return [...dataArgs];
    const out = [...dataArgs];
    const add = (e: ts.Expression) => {
      if (!out.includes(e)) out.push(e);
    };
    for (const arg of dataArgs) {
      const e = skipOuter(arg);
      for (const built of this.builtFrom(spec, e)) add(built);
      if (ts.isIdentifier(e)) {
        const init = this.initializer(e);
        if (init) for (const built of this.builtFrom(spec, skipOuter(init))) add(built);
      }
      for (const written of fieldWrites(e, at, this.checker)) add(written);
    }
    return out;
  }

  /** The data arguments of a builder call or `new` of this sink's packages. */
  private builtFrom(spec: SinkSpec, e: ts.Expression): ts.Expression[] {
    if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return [];
    const origin = this.origins.resolve(e.expression);
    if (!origin) return [];
    const isNew = ts.isNewExpression(e);
    const norm = normalizePath(origin.path);
    for (const b of this.buildersOf(spec)) {
      if ((b.call.on === 'new') !== isNew || !b.packages.has(origin.module)) continue;
      if (b.patterns.some((p) => matchPattern(p, norm))) return selectArgs(e.arguments ?? [], b.call.args ?? 'all', this.constants);
    }
    return [];
  }

  private buildersOf(spec: SinkSpec): CompiledBuilder[] {
    let list = this.compiled.get(spec);
    if (!list) {
      const packages = new PackageSet(spec.packages);
      list = (spec.builders ?? []).map((call) => ({
        call,
        packages,
        patterns: (typeof call.path === 'string' ? [call.path] : (call.path ?? [])).map(parsePattern),
      }));
      this.compiled.set(spec, list);
    }
    return list;
  }

  /** The initializer of the variable `id` names, when that is its only value. */
  private initializer(id: ts.Identifier): ts.Expression | undefined {
    const decl = valueSymbol(this.checker, id)?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return undefined;
    return decl.initializer;
  }
}

/**
 * Values written into the object `target` (an identifier or a chain like `req.user`) in the function
 * that writes it to the store: `target.f = v` and `target.f.g = v` (the left side, which names the
 * field, and the value), `Object.assign(target, v)`, `target.list.push(v)`.
 */
function fieldWrites(target: ts.Expression, at: ts.Node, checker: ts.TypeChecker): ts.Expression[] {
  const key = chainKey(target, checker);
  if (!key) return [];
  const body = ts.findAncestor(at, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n));
  if (!body) return [];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipOuter(n.left);
      // `user.totpSecret = undefined`: a field cleared before the save stores nothing.
      if (
        (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) &&
        !isNullish(n.right) &&
        startsWith(left.expression, key, checker)
      )
        out.push(left, n.right);
    } else if (ts.isCallExpression(n) && n.arguments.length > 0) {
      const callee = skipOuter(n.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        if (
          name === 'assign' &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'Object' &&
          chainKey(skipOuter(n.arguments[0]), checker) === key
        )
          out.push(...n.arguments.slice(1));
        else if (
          (name === 'push' || name === 'set' || name === 'unshift') &&
          startsWith(callee.expression, key, checker) &&
          callee.expression !== target
        )
          out.push(...n.arguments);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** `user` → the symbol's id; `req.user` → that plus `.user`. Undefined for anything else. */
function chainKey(e: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const x = skipOuter(e);
  if (ts.isIdentifier(x)) {
    const sym = valueSymbol(checker, x);
    return sym ? `${symbolId(sym)}` : undefined;
  }
  if (ts.isPropertyAccessExpression(x)) {
    const base = chainKey(x.expression, checker);
    return base && `${base}.${x.name.text}`;
  }
  return undefined;
}

/** Whether `e` is `key` or a member chain under it. */
function startsWith(e: ts.Expression, key: string, checker: ts.TypeChecker): boolean {
  for (let x: ts.Expression = skipOuter(e); ;) {
    const k = chainKey(x, checker);
    if (k === key) return true;
    if (!ts.isPropertyAccessExpression(x) && !ts.isElementAccessExpression(x)) return false;
    x = skipOuter(x.expression);
  }
}

const ids = new WeakMap<ts.Symbol, number>();
let nextId = 0;
function symbolId(sym: ts.Symbol): number {
  let id = ids.get(sym);
  if (id === undefined) ids.set(sym, (id = nextId++));
  return id;
}
