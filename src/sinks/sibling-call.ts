import { ts } from '#ts-morph';
import { skipOuter } from '../ts/syntax.js';

/**
 * Configuration made by another call on the same variable, e.g. `xhr.open('POST', url)` before
 * `xhr.send(body)`: the first `<variable>.<method>(...)` call in the function (or file) that declares it.
 */
export class SiblingCalls {
  private readonly cache = new Map<string, ts.CallExpression | null>();
  private readonly ids = new WeakMap<ts.Symbol, number>();
  private nextId = 0;

  constructor(private readonly checker: ts.TypeChecker) {}

  find(receiver: ts.Expression, method: string): ts.CallExpression | undefined {
    const id = skipOuter(receiver);
    if (!ts.isIdentifier(id)) return undefined;
    const sym = this.checker.getSymbolAtLocation(id);
    const decl = sym?.valueDeclaration;
    if (!sym || !decl) return undefined;
    let symId = this.ids.get(sym);
    if (symId === undefined) this.ids.set(sym, (symId = this.nextId++));
    const key = `${symId}:${method}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const scope = ts.findAncestor(decl, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n)) ?? decl.getSourceFile();
    let found: ts.CallExpression | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const callee = skipOuter(n.expression);
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === method) {
          const target = skipOuter(callee.expression);
          if (ts.isIdentifier(target) && target.text === id.text && this.checker.getSymbolAtLocation(target) === sym) {
            found = n;
            return;
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(scope);
    this.cache.set(key, found ?? null);
    return found;
  }
}
