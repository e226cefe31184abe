import { ts } from '#ts-morph';
import { declaredPrimitive } from '../../src/flow/primitive-annotation.js';

/** The declaration of `x` in `code`. */
function declarationOfX(code: string): ts.Declaration {
  const sf = ts.createSourceFile('/a.ts', code, ts.ScriptTarget.ES2022, true);
  let found: ts.Declaration | undefined;
  const visit = (n: ts.Node): void => {
    if ((ts.isParameter(n) || ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n)) && ts.isIdentifier(n.name) && n.name.text === 'x') found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found!;
}

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
