import { ts } from '#ts-morph';
import { propertyNameText } from '../ts/syntax.js';

/**
 * Syntactic member lookup in project declarations. Asking the checker for the symbol of `a.b`
 * type-checks `a`, which on large JavaScript files costs milliseconds per call and can overflow the
 * stack; looking the name up in the declaring class, interface or literal costs nothing.
 */

export type ClassMember = ts.PropertyDeclaration | ts.ParameterDeclaration | ts.GetAccessorDeclaration | ts.MethodDeclaration;

/** A member declared in the class body or as a constructor parameter property. */
export function findClassMember(cls: ts.ClassLikeDeclaration, name: string, isStatic: boolean): ClassMember | undefined {
  for (const m of cls.members) {
    if (!m.name || propertyNameText(m.name) !== name) continue;
    const memberStatic = ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (memberStatic !== isStatic) continue;
    if (ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isMethodDeclaration(m)) return m;
  }
  if (isStatic) return undefined;
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  return ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && ts.isParameterPropertyDeclaration(p, ctor));
}

/** A property of an interface or type literal. */
export function findTypeMember(
  node: ts.InterfaceDeclaration | ts.TypeLiteralNode,
  name: string,
): ts.PropertySignature | ts.MethodSignature | undefined {
  for (const m of node.members) {
    if ((ts.isPropertySignature(m) || ts.isMethodSignature(m)) && propertyNameText(m.name) === name) return m;
  }
  return undefined;
}

/** The expression after `extends` (`Model` in `class User extends Model<Attrs>`). */
export function extendsExpression(cls: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): readonly ts.ExpressionWithTypeArguments[] {
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token === ts.SyntaxKind.ExtendsKeyword) return clause.types;
  }
  return [];
}
