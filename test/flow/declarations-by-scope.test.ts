import path from 'node:path';
import { ts } from '#ts-morph';
import { createProgram } from '../../src/engine/program.js';
import { bindLazily } from '../../src/engine/lazy-binding.js';
import { ASK_CHECKER, declarationsByScope } from '../../src/ts/declarations-by-scope.js';

const ROOT = '/repo';
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
};

const LIBRARY: Record<string, string> = {
  'src/format.ts': [
    'export function format(v: number): string;',
    'export function format(v: string): string;',
    'export function format(v: unknown): string { return String(v); }',
    'export const clamp = (v: number) => Math.min(v, 1);',
    'export const LIMIT = 3;',
    'function hidden(v: string) { return v; }',
    'export { hidden as shown };',
    'export default function main(x: string) { return x; }',
  ].join('\n'),
  'src/barrel.ts': "export * from './format';",
  'src/types.ts': 'export interface Options { a: string }',
};

/**
 * What declarationsByScope finds for the first call of `name` in `code` (src/caller.ts): the text of the
 * first declaration with its file, '(none)', or 'checker'; and what the checker finds, the same way.
 */
function both(code: string, name: string, bound = true) {
  const texts = new Map(Object.entries({ ...LIBRARY, 'src/caller.ts': code }).map(([f, t]) => [path.posix.join(ROOT, f), t]));
  const lazy = bindLazily(createProgram(texts, options, ROOT));
  const sf = lazy.program.getSourceFile('/repo/src/caller.ts')!;
  if (bound) lazy.checker.getSymbolAtLocation(sf); // the analyzers have asked the checker about the file
  let callee: ts.Identifier | undefined;
  const visit = (n: ts.Node): void => {
    if (!callee && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) callee = n.expression;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const show = (decls: readonly ts.Declaration[] | undefined) =>
    decls?.length
      ? `${path.posix.basename(decls[0]!.getSourceFile().fileName)}: ${decls[0]!.getText().split('\n')[0]!.slice(0, 40)} (${decls.length})`
      : '(none)';
  const found = declarationsByScope(callee!, lazy.program);
  let symbol = lazy.checker.getSymbolAtLocation(callee!);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = lazy.checker.getAliasedSymbol(symbol);
  return { byScope: found === ASK_CHECKER ? 'checker' : show(found), checker: show(symbol?.declarations) };
}

test.each([
  ['an imported function with overloads', "import { format } from './format';\nformat(1);", 'format'],
  ['an imported arrow function', "import { clamp } from './format';\nclamp(2);", 'clamp'],
  ['an imported constant (not a function)', "import { LIMIT } from './format';\nLIMIT(1);", 'LIMIT'],
  ['a name exported under another name', "import { shown } from './format';\nshown('a');", 'shown'],
  ['a default export', "import main from './format';\nmain('a');", 'main'],
  ['a function of the same file', 'function local(x: string) { return x; }\nlocal("a");', 'local'],
  ['an exported function of the same file', 'export function local(x: string) { return x; }\nlocal("a");', 'local'],
  [
    'a parameter shadowing an import',
    "import { clamp } from './format';\nexport function f(clamp: (x: number) => number) { return clamp(1); }",
    'clamp',
  ],
  [
    'a block-scoped function shadowing an import',
    "import { clamp } from './format';\n{ const clamp = (x: number) => x; clamp(1); }",
    'clamp',
  ],
])('found as the checker finds it: %s', (_name, code, name) => {
  const { byScope, checker } = both(code, name);
  expect(byScope).not.toBe('checker');
  expect(byScope).toBe(checker);
});

test.each([
  ['a global', 'String(1);', 'String'],
  ['a package import (an ambient module may declare it)', "import pino from 'pino';\npino(1);", 'pino'],
  ['a re-export through a barrel', "import { clamp } from './barrel';\nclamp(1);", 'clamp'],
  ['a type-only import', "import type { Options } from './types';\nOptions(1);", 'Options'],
  [
    'a namespace import member is not an identifier call; a namespace-scoped name is',
    'namespace N { export function g() {} export function h() { g(); } }',
    'g',
  ],
  ['a call in a parameter default', 'function f(a = g()) { function g() { return 1; } return a; }', 'g'],
  ['a named function expression calling itself', 'const f = function g(n: number): number { return n ? g(n - 1) : 0; };', 'g'],
])('left to the checker: %s', (_name, code, name) => {
  expect(both(code, name).byScope).toBe('checker');
});

test('a file the checker has not bound yet has no scopes to look in: the checker is asked', () => {
  expect(both('export function local(x: string) { return x; }\nlocal("a");', 'local', false).byScope).toBe('checker');
});
