import { ts } from '#ts-morph';

/** Keywords and literals of types that hold no fields: their values carry no personal data by type. */
const PRIMITIVE_KINDS = new Set([
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.BigIntKeyword,
  ts.SyntaxKind.UndefinedKeyword,
  ts.SyntaxKind.VoidKeyword,
  ts.SyntaxKind.LiteralType,
]);

/**
 * Whether a parameter or variable is declared with a primitive type (`id: string`, `n?: number | null`).
 * Narrowing keeps such a value primitive, so the type of any use of it holds no personal-data
 * fields: the checker need not be asked (for `{ id }` that question type-checks the whole object
 * literal, and for a narrowed name it walks the flow graph back to the declaration).
 */
export function declaredPrimitive(decl: ts.Declaration | undefined): boolean {
  if (
    !decl ||
    !(ts.isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) ||
    decl.getSourceFile().isDeclarationFile
  )
    return false;
  if (ts.isParameter(decl) && decl.dotDotDotToken) return false; // `...ids: string` is an error, `...ids: string[]` an array
  return isPrimitiveType(decl.type);
}

/**
 * Whether every call of a function returns a primitive: one signature (no overloads) declaring a
 * primitive return type. Then the call's type holds no fields and the checker need not be asked:
 * asking resolves the call's signature, which binds the file the function comes from.
 */
export function returnsPrimitive(fn: ts.SignatureDeclaration): boolean {
  if (!isPrimitiveType(fn.type)) return false;
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) return true;
  if (!ts.isFunctionDeclaration(fn) || !fn.name) return false; // methods may merge with interface signatures
  const name = fn.name.text;
  const siblings = (fn.parent as { statements?: ts.NodeArray<ts.Statement> }).statements ?? [];
  return siblings.filter((s) => ts.isFunctionDeclaration(s) && s.name?.text === name).length === 1;
}

function isPrimitiveType(node: ts.TypeNode | undefined): boolean {
  if (!node) return false;
  if (ts.isParenthesizedTypeNode(node)) return isPrimitiveType(node.type);
  if (ts.isUnionTypeNode(node)) return node.types.every(isPrimitiveType);
  return PRIMITIVE_KINDS.has(node.kind);
}
