import { ts } from '#ts-morph';
import { NEW } from './path-pattern.js';
import { valueSymbol } from './constant-value.js';
import { isNullish, propertyNameText, skipOuter } from '../ts/syntax.js';
import { extendsExpression, findClassMember, findTypeMember } from './project-members.js';
import {
  Memo,
  isStoringOperator,
  step,
  thisShape,
  type FunctionWithBody,
  type OriginContext,
  type Resolved,
  type Shape,
} from './origin-model.js';

/**
 * Project shapes: members of project objects, classes, instances and declared types, found without
 * asking the checker for their type; and what project functions return.
 */
export class ProjectShapes {
  private readonly thisAssignmentsByClass = new Map<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();
  private readonly shapeMemo = new Memo<Shape>();

  constructor(private readonly o: OriginContext) {}

  /** The project functions a callee may be: `f`, `obj.method`, `this.method`, an inline arrow. */
  functionsOf(callee: ts.Expression): FunctionWithBody[] {
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

  /** What a project expression is structurally: an object literal, a project class or its instance, a declared type. */
  shapeOf(expr: ts.Expression): Shape | undefined {
    return this.o.guard(this.shapeMemo, expr, () => this.shapeUncached(skipOuter(expr)));
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

  declShape(d: ts.Node): Shape | undefined {
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

  typeShape(type: ts.TypeNode): Shape | undefined {
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

  memberShape(shape: Shape, name: string): Shape | undefined {
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
  memberOrigin(shape: Shape, name: string): Resolved | undefined {
    const d = this.memberDeclaration(shape, name);
    if (d) {
      if (ts.isMethodDeclaration(d) || ts.isMethodSignature(d)) return undefined;
      if (ts.isGetAccessorDeclaration(d)) return this.o.returnsOf(d);
      if (ts.isPropertySignature(d)) return d.type ? this.o.typeOrigin(d.type) : undefined;
      return this.o.decl(d);
    }
    if (shape.kind === 'object') return undefined;
    if (shape.kind === 'members') return this.inheritedTypeMember(shape.node, name);
    // Not declared: assigned in the class (plain JS), or inherited from a package base class.
    for (let cls: ts.ClassLikeDeclaration = shape.cls, i = 0; i < 10; i++) {
      if (shape.kind === 'instance') {
        const assigned = this.thisAssignments(cls).get(name);
        const r = assigned && this.o.agree(assigned);
        if (r) return r;
      }
      const base = extendsExpression(cls)[0]?.expression;
      if (!base) return undefined;
      const baseShape = this.shapeOf(base);
      if (baseShape?.kind === 'class') {
        cls = baseShape.cls;
        continue;
      }
      const pkg = this.o.resolve(base);
      return pkg ? this.o.member(shape.kind === 'class' ? pkg : step(pkg, NEW, undefined), name) : undefined;
    }
    return undefined;
  }

  /** `interface Deps extends Logger {}`: members of a package type the interface extends. */
  private inheritedTypeMember(node: ts.InterfaceDeclaration | ts.TypeLiteralNode, name: string): Resolved | undefined {
    if (!ts.isInterfaceDeclaration(node)) return undefined;
    for (const h of extendsExpression(node)) {
      const t = this.o.typeName(h.expression);
      if (t) return this.o.member(t, name);
    }
    return undefined;
  }

  /** Project declarations of an identifier (through imports of project files). */
  private projectDeclarations(id: ts.Identifier): readonly ts.Declaration[] {
    let sym = valueSymbol(this.o.checker, id);
    if (!sym) return [];
    if (sym.flags & ts.SymbolFlags.Alias) {
      try {
        sym = this.o.checker.getAliasedSymbol(sym);
      } catch {
        return [];
      }
    }
    return (sym.declarations ?? []).filter((d) => this.o.isProjectCode(d));
  }

  returns(fn: FunctionWithBody): Resolved | undefined {
    const body = fn.body;
    if (!body) return undefined;
    if (!ts.isBlock(body)) return this.o.resolve(body);
    const exprs: ts.Expression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression && !isNullish(n.expression)) exprs.push(n.expression);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
    for (const e of exprs) {
      const r = this.o.resolve(e);
      if (r) return r;
    }
    return fn.type ? this.o.typeOrigin(fn.type) : undefined;
  }

  thisAssignments(cls: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
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
}
