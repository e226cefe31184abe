import { ts } from '#ts-morph';
import { CALL, NEW } from './path-pattern.js';
import { Memo, step, type OriginContext, type Resolved } from './origin-model.js';

/** Type annotations: a type naming a package type (directly, through aliases or interfaces) is an instance of it. */
export class TypeOrigins {
  private readonly typeMemo = new Memo<Resolved>();

  constructor(private readonly o: OriginContext) {}

  /** An annotation naming a package type is an instance of it: `logger: Logger` → `Logger`, `new`. */
  typeOrigin(type: ts.TypeNode): Resolved | undefined {
    return this.o.guard(this.typeMemo, type, () => this.typeOriginUncached(type));
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
          for (const f of this.o.functionsOf(arg0.exprName)) {
            const r = this.o.returnsOf(f);
            if (r) return r;
          }
          return undefined;
        }
        case 'InstanceType': {
          const cls = this.typeOrigin(arg0);
          return cls ? step(cls, NEW, undefined) : undefined;
        }
        // `Pick<FirebaseAnalyticsTypes.Module, 'logEvent'>`: an instance of the picked type, fewer members
        case 'Awaited':
        case 'Pick':
        case 'Omit':
        case 'Partial':
        case 'Required':
        case 'Promise':
        case 'Readonly':
        case 'NonNullable':
          return this.typeOrigin(arg0);
      }
    }
    return this.typeName(type.typeName);
  }

  /** The instance a type name stands for. */
  typeName(name: ts.EntityName | ts.Expression): Resolved | undefined {
    if (ts.isQualifiedName(name) || ts.isPropertyAccessExpression(name)) {
      const [leftNode, right] = ts.isQualifiedName(name) ? [name.left, name.right.text] : [name.expression, name.name.text];
      const left = this.entityName(leftNode);
      const member = left && this.o.member(left, right);
      return member ? step(member, NEW, undefined) : undefined;
    }
    if (!ts.isIdentifier(name)) return undefined;
    const sym = this.o.checker.getSymbolAtLocation(name);
    if (!sym) return undefined;
    if (sym.flags & ts.SymbolFlags.Alias) {
      const decl = sym.declarations?.[0];
      let target: ts.Symbol | undefined;
      try {
        target = this.o.checker.getAliasedSymbol(sym);
      } catch {
        target = undefined;
      }
      if (target && target !== sym && (target.declarations ?? []).some((d) => this.o.isProjectCode(d))) return this.projectType(target);
      const imported = decl && this.o.packageImport(decl);
      return imported ? step(imported, NEW, undefined) : undefined;
    }
    return this.projectType(sym);
  }

  /** A project type: an alias of a package type, a class or interface extending one. */
  private projectType(sym: ts.Symbol): Resolved | undefined {
    for (const d of sym.declarations ?? []) {
      if (!this.o.isProjectCode(d)) continue;
      if (ts.isTypeAliasDeclaration(d)) {
        const r = this.typeOrigin(d.type);
        if (r) return r;
      } else if (ts.isClassDeclaration(d)) {
        const cls = this.o.decl(d);
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
  entityName(name: ts.EntityName | ts.Expression): Resolved | undefined {
    if (ts.isIdentifier(name)) return this.o.identifier(name);
    if (ts.isQualifiedName(name)) {
      const left = this.entityName(name.left);
      return left && this.o.member(left, name.right.text);
    }
    return ts.isPropertyAccessExpression(name) ? this.o.resolve(name) : undefined;
  }
}
