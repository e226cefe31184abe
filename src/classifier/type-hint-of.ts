import { ts } from '#ts-morph';
import type { TypeHint } from './classifier.js';

/**
 * Reduce a TypeScript type to the coarse hint the classifier needs (`emailVerified: boolean` is a
 * flag, not an address). Unions of a type with null/undefined count as that type.
 */
export function typeHintOf(type: ts.Type, checker: ts.TypeChecker): TypeHint {
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    if (parts.length === 0) return 'unknown';
    if (flags & ts.TypeFlags.EnumLike || parts.every((t) => t.flags & ts.TypeFlags.EnumLike)) return 'enum';
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return 'boolean';
    if (parts.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return parts.length > 1 ? 'enum' : 'literal';
    const hints = new Set(parts.map((t) => typeHintOf(t, checker)));
    return hints.size === 1 ? [...hints][0] : 'unknown';
  }
  if (flags & ts.TypeFlags.EnumLike) return 'enum';
  if (flags & ts.TypeFlags.BooleanLike) return 'boolean';
  // One literal value (`const EMAIL = 'email'`, a member of an `as const` object): a label in the code.
  if (flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) return 'literal';
  if (flags & ts.TypeFlags.StringLike) return 'string';
  if (flags & ts.TypeFlags.NumberLike) return 'number';
  if (flags & ts.TypeFlags.BigIntLike) return 'bigint';
  if (flags & ts.TypeFlags.Object) {
    if (checker.isArrayType(type) || checker.isTupleType(type)) return 'array';
    if (type.getCallSignatures().length > 0 && type.getProperties().length === 0) return 'function';
    const name = type.getSymbol()?.getName();
    if (name === 'Date') return 'date';
    if (name === 'String') return 'string';
    if (name === 'Number') return 'number';
    if (name === 'Boolean') return 'boolean';
    if (type.getCallSignatures().length > 0) return 'function';
    return 'object';
  }
  return 'unknown';
}

/** Hint from a syntactic type annotation, for when the checker has nothing (unresolved imports). */
export function typeHintOfAnnotation(node: ts.TypeNode | undefined): TypeHint | undefined {
  if (!node) return undefined;
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    case ts.SyntaxKind.NumberKeyword:
      return 'number';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.BigIntKeyword:
      return 'bigint';
    case ts.SyntaxKind.FunctionType:
      return 'function';
    case ts.SyntaxKind.ArrayType:
      return 'array';
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Date') return 'date';
  return undefined;
}
