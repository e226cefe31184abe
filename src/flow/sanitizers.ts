import { ts } from '#ts-morph';
import { SANITIZERS } from './summaries.catalog.js';

/**
 * Calls whose result no longer carries the personal data they were given: redaction, masking,
 * hashing, encryption. Matched on the words of the called function's name (`maskEmail`,
 * `redactPii`, `hashUserId`, `crypto.createHash(...).digest()`), plus project-configured names.
 */
const SANITIZER_WORDS: ReadonlySet<string> = new Set(SANITIZERS.words);

export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSanitizerName(name: string, extra: ReadonlySet<string>): boolean {
  if (extra.has(name)) return true;
  return words(name).some((w) => SANITIZER_WORDS.has(w));
}

/** Hash, HMAC and cipher constructors of node:crypto: `createHash('sha256').update(x).digest('hex')`. */
const CRYPTO_CONSTRUCTORS: ReadonlySet<string> = new Set(SANITIZERS.chainConstructors);

/** A call whose chain it begins sanitizes the whole chain (`createHash(...).update(x).digest()`). */
export function isChainSanitizer(name: string): boolean {
  return CRYPTO_CONSTRUCTORS.has(name);
}

/**
 * Whether an expression is a de-identified value: a hashing, encryption or masking call
 * (`await bcrypt.hash(pw, 10)`, `argon2.hash(pw)`, `createHash('sha256').update(t).digest('hex')`,
 * `s.replace(/./g, '*')`), or a variable whose name says it holds one (`hashedPassword`,
 * `encryptedContactId`). Stored under a personal-data key (`{ password: await bcrypt.hash(pw) }`),
 * it carries no personal category.
 */
export function isDeidentified(expr: ts.Expression, extra: ReadonlySet<string>): boolean {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return isSanitizerName(e.text, extra);
  if (ts.isPropertyAccessExpression(e)) return isSanitizerName(e.name.text, extra);
  if (!ts.isCallExpression(e)) return false;
  if (isFullMask(e)) return true;
  // Any call along a chain: `crypto.createHash(...).update(x).digest()`, `bcrypt.hash(...)`.
  for (let cur: ts.Expression = e, i = 0; i < 8; i++) {
    if (ts.isCallExpression(cur)) {
      const c = cur.expression;
      const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : undefined;
      if (name && (isSanitizerName(name, extra) || CRYPTO_CONSTRUCTORS.has(name))) return true;
      cur = ts.isPropertyAccessExpression(c) ? c.expression : c;
    } else if (ts.isPropertyAccessExpression(cur)) cur = cur.expression;
    else return false;
  }
  return false;
}

/** Characters a full mask writes instead of each character. */
const MASK_TEXT = /^[*•·xX#_-]+$/;
/** Patterns that match every character (or every run of them): `.`, `[\s\S]`, `[^]`, `\S`, `\w`, with `+` or not. */
const EVERY_CHARACTER = /^(?:\.|\[\\s\\S\]|\[\\S\\s\]|\[\^\]|\\S|\\w|\[\^\\s\]|\[\\w\\W\])[+*]?$/;

/**
 * `s.replace(/./g, '*')`, `s.replaceAll(/\S/g, '•')`: every character replaced by a mask character,
 * so nothing of the value is left. A partial mask (`/.(?=.{4})/g`, `/[^@]/g`) is not recognised.
 */
export function isFullMask(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'replace' && callee.name.text !== 'replaceAll')) return false;
  const [pattern, replacement] = call.arguments;
  if (!pattern || !replacement || !ts.isRegularExpressionLiteral(pattern) || !ts.isStringLiteralLike(replacement)) return false;
  const text = pattern.text;
  const close = text.lastIndexOf('/');
  const flags = text.slice(close + 1);
  return flags.includes('g') && EVERY_CHARACTER.test(text.slice(1, close)) && MASK_TEXT.test(replacement.text);
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (
    ts.isAwaitExpression(e) ||
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isTypeAssertionExpression(e)
  )
    e = e.expression;
  return e;
}

/**
 * The domain part of an address, which names a company or a mail provider, not a person:
 * `email.split('@')[1]`, `parts[1]` of `const parts = email.split('@')`, `.split('@').at(-1)`,
 * `.split('@').pop()`, `email.slice(email.indexOf('@'))`, `email.substring(email.lastIndexOf('@') + 1)`.
 * The local part (`split('@')[0]`, `slice(0, indexOf('@'))`) is still the person's.
 */
export function isDomainPart(expr: ts.Expression, checker: ts.TypeChecker): boolean {
  const e = unwrap(expr);
  if (ts.isElementAccessExpression(e)) {
    const index = e.argumentExpression;
    return ts.isNumericLiteral(index) && Number(index.text) >= 1 && splitsAtSign(e.expression, checker);
  }
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const method = e.expression.name.text;
  const receiver = e.expression.expression;
  const [first] = e.arguments;
  if (method === 'pop') return splitsAtSign(receiver, checker);
  if (method === 'at') return first !== undefined && isLastOrLater(first) && splitsAtSign(receiver, checker);
  if (method === 'slice' || method === 'substring' || method === 'substr') return first !== undefined && startsAtSign(first);
  return false;
}

/** `x.split('@')`, or a variable declared as one. */
function splitsAtSign(expr: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'split') {
    const [sep] = e.arguments;
    return sep !== undefined && ts.isStringLiteralLike(sep) && sep.text === '@';
  }
  if (ts.isIdentifier(e) && depth === 0) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    return (
      decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && splitsAtSign(decl.initializer, checker, 1)
    );
  }
  return false;
}

/** `-1`, `1`: the last element, or any after the first. */
function isLastOrLater(arg: ts.Expression): boolean {
  if (ts.isNumericLiteral(arg)) return Number(arg.text) >= 1;
  return ts.isPrefixUnaryExpression(arg) && arg.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(arg.operand);
}

/** `x.indexOf('@')`, `x.lastIndexOf('@') + 1`: a start at the '@'. */
function startsAtSign(arg: ts.Expression): boolean {
  let e = unwrap(arg);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isNumericLiteral(e.right)) e = unwrap(e.left);
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const name = e.expression.name.text;
  const [needle] = e.arguments;
  return (name === 'indexOf' || name === 'lastIndexOf') && needle !== undefined && ts.isStringLiteralLike(needle) && needle.text === '@';
}
