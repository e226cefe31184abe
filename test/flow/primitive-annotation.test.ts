import { ts } from '#ts-morph';
import { declaredPrimitive, returnsPrimitive } from '../../src/flow/primitive-annotation.js';

/** The first node of `code` that `accept` takes. */
function first<T extends ts.Node>(code: string, accept: (n: ts.Node) => n is T): T {
  const sf = ts.createSourceFile('/a.ts', code, ts.ScriptTarget.ES2022, true);
  let found: T | undefined;
  const visit = (n: ts.Node): void => {
    if (!found && accept(n)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found!;
}

/** The declaration of `x` in `code`. */
const declarationOfX = (code: string) =>
  first(
    code,
    (n): n is ts.Declaration =>
      (ts.isParameter(n) || ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n)) && ts.isIdentifier(n.name) && n.name.text === 'x',
  );

test.each([
  ['a string parameter', 'function f(x: string) {}'],
  ['an optional number', 'function f(x?: number) {}'],
  ['a union of primitives and null', 'let x: string | number | null | undefined;'],
  ['literal types', "let x: 'a' | 'b' | 1 | true;"],
  ['a parenthesized union', 'let x: (string | undefined);'],
  ['a bigint property', 'class C { x: bigint = 1n; }'],
])('primitive: %s', (_name, code) => {
  expect(declaredPrimitive(declarationOfX(code))).toBe(true);
});

test.each([
  ['no annotation (the checker infers it)', "const x = 'a';"],
  ['a model type', 'interface User { email: string }\nfunction f(x: User) {}'],
  ['a union with an object', 'interface User { email: string }\nlet x: string | User;'],
  ['an array of strings', 'let x: string[];'],
  ['a rest parameter', 'function f(...x: string[]) {}'],
  ['any, unknown and object', 'let x: any;'],
  ['a type alias that may hide an object', 'type Id = string;\nlet x: Id;'],
])('not known primitive: %s', (_name, code) => {
  expect(declaredPrimitive(declarationOfX(code))).toBe(false);
});

/** The first function-like declaration in `code`. */
const firstFunction = (code: string) =>
  first(
    code,
    (n): n is ts.SignatureDeclaration =>
      ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n),
  );

test.each([
  ['a function returning string', 'function f(x: number): string { return String(x); }', true],
  ['an arrow returning number | undefined', 'const f = (x: number): number | undefined => x;', true],
  ['no return annotation', 'function f(x: number) { return x; }', false],
  ['a model return type', 'interface User { email: string }\nfunction f(): User { return { email: "" }; }', false],
  [
    'an overloaded function: a call may take another signature',
    'function f(x: string): string;\nfunction f(x: number): User;\nfunction f(x: any): any { return x; }\ninterface User { email: string }',
    false,
  ],
  ['a method (may merge with an interface signature)', 'class C { m(): string { return ""; } }', false],
])('returnsPrimitive: %s', (_name, code, expected) => {
  expect(returnsPrimitive(firstFunction(code))).toBe(expected);
});
