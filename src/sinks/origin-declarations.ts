import { ts } from '#ts-morph';
import { CALLBACK } from './path-pattern.js';
import { isNullish, propertyNameText } from '../ts/syntax.js';
import { extendsExpression } from './project-members.js';
import { declarationScope, isStoringOperator, sameOrigin, step, type OriginContext, type Resolved } from './origin-model.js';

/**
 * Origins of declarations: variables and their assignments, destructuring, parameters, class
 * properties (initializers and `this.x = v`), classes extending a package class.
 */
export class DeclarationOrigins {
  private readonly assignmentsByScope = new Map<ts.Node, Map<string, ts.Identifier[]>>();

  constructor(private readonly o: OriginContext) {}

  declaration(d: ts.Node): Resolved | undefined {
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
        return ps.type ? this.o.typeOrigin(ps.type) : undefined;
      }
      case ts.SyntaxKind.PropertyAssignment:
        return this.o.resolve((d as ts.PropertyAssignment).initializer);
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        return this.o.resolve((d as ts.ShorthandPropertyAssignment).name);
      case ts.SyntaxKind.GetAccessor:
        return this.o.returns(d as ts.GetAccessorDeclaration);
      case ts.SyntaxKind.ExportAssignment:
        return this.o.resolve((d as ts.ExportAssignment).expression);
      case ts.SyntaxKind.BinaryExpression:
        return this.o.resolve((d as ts.BinaryExpression).right);
      case ts.SyntaxKind.PropertyAccessExpression: {
        // JS: `this.x = v` / `exports.x = v` declare x
        const parent = d.parent;
        return ts.isBinaryExpression(parent) && parent.left === d ? this.o.resolve(parent.right) : undefined;
      }
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
        return this.classOrigin(d as ts.ClassLikeDeclaration);
      case ts.SyntaxKind.SourceFile:
        return this.o.moduleValue(d as ts.SourceFile);
      case ts.SyntaxKind.ImportEqualsDeclaration:
        return this.o.packageImport(d as ts.ImportEqualsDeclaration);
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
    return d.type ? this.o.typeOrigin(d.type) : undefined;
  }

  /** One origin when every candidate that resolves gives the same one. */
  agree(candidates: readonly ts.Expression[]): Resolved | undefined {
    let found: Resolved | undefined;
    for (const c of candidates) {
      const r = this.o.resolve(c);
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
    const sym = this.o.checker.getSymbolAtLocation(name);
    return lefts.filter((l) => this.o.checker.getSymbolAtLocation(l) === sym).map((l) => (l.parent as ts.BinaryExpression).right);
  }

  /** `const { a: { b } } = root` → origin(root).a.b; a typed parameter pattern falls back to the type. */
  private bindingElement(be: ts.BindingElement): Resolved | undefined {
    // `const [value, setValue] = useLocalStorage('k', '')`: element n of the returned tuple.
    if (ts.isArrayBindingPattern(be.parent)) {
      const decl = be.parent.parent;
      if (be.dotDotDotToken || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
      const base = this.o.resolve(decl.initializer);
      return base && this.o.member(base, String(be.parent.elements.indexOf(be)));
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
    if (ts.isVariableDeclaration(node) && node.initializer) base = this.o.resolve(node.initializer);
    else if (ts.isParameter(node)) base = this.parameterBase(node);
    if (base) {
      let r: Resolved | undefined = base;
      for (const n of names) r = r && this.o.member(r, n);
      return r;
    }
    // No package origin: a project shape, e.g. a typed pattern `({ logger }: Deps)` or `const { a } = config`.
    let shape = ts.isVariableDeclaration(node)
      ? ((node.initializer ? this.o.shapeOf(node.initializer) : undefined) ?? (node.type ? this.o.typeShape(node.type) : undefined))
      : ts.isParameter(node)
        ? this.o.declShape(node)
        : undefined;
    for (const n of names.slice(0, -1)) shape = shape && this.o.memberShape(shape, n);
    return shape && this.o.memberOrigin(shape, names[names.length - 1]);
  }

  /** A typed parameter is an instance of its type; an untyped callback parameter hangs off the callee (`=>`). */
  private parameter(p: ts.ParameterDeclaration): Resolved | undefined {
    if (!ts.isIdentifier(p.name)) return undefined;
    return this.parameterBase(p);
  }

  private parameterBase(p: ts.ParameterDeclaration): Resolved | undefined {
    if (p.type) {
      const t = this.o.typeOrigin(p.type);
      if (t) return t;
    }
    if (p.initializer) {
      const r = this.o.resolve(p.initializer);
      if (r) return r;
    }
    const fn = p.parent;
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn)) {
      const callee = this.o.resolve(fn.parent.expression);
      if (callee) return step(callee, CALLBACK, fn.parent);
    }
    return undefined;
  }

  /** Class property: initializer, `this.x = v` anywhere in the class (constructor, init hooks), else its type. */
  private classProperty(d: ts.PropertyDeclaration): Resolved | undefined {
    const candidates: ts.Expression[] = [];
    if (d.initializer && !isNullish(d.initializer)) candidates.push(d.initializer);
    const name = propertyNameText(d.name);
    if (name !== undefined && ts.isClassLike(d.parent)) candidates.push(...(this.o.thisAssignments(d.parent).get(name) ?? []));
    return this.agree(candidates) ?? (d.type ? this.o.typeOrigin(d.type) : undefined);
  }

  /** A project class behaves like the package class it extends (`class User extends Model`). */
  classOrigin(cls: ts.ClassLikeDeclaration): Resolved | undefined {
    const base = extendsExpression(cls)[0];
    return base ? this.o.resolve(base.expression) : undefined;
  }
}
