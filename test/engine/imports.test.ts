import { declaresGlobals, ImportGraph, importSpecifiers } from '../../src/engine/imports.js';

test.each<[string, string, string[]]>([
  [
    'named, default and namespace imports',
    "import a from './a';\nimport { b, c as d } from \"./b\";\nimport * as e from '../e';",
    ['./a', './b', '../e'],
  ],
  ['type-only and multi-line imports', "import type {\n  User,\n  Admin,\n} from './models/user';", ['./models/user']],
  [
    'side-effect imports and re-exports',
    "import './polyfill';\nexport * from './x';\nexport { y } from './y';\nexport type { Z } from './z';",
    ['./polyfill', './x', './y', './z'],
  ],
  [
    'require, import = require and dynamic import',
    "const a = require('./a');\nimport b = require('./b');\nconst c = await import('./c');\nconst d = require(`./d`);",
    ['./a', './b', './c', './d'],
  ],
  ['packages are specifiers too', "import pino from 'pino';\nimport { x } from '@scope/pkg/sub';", ['pino', '@scope/pkg/sub']],
  ['a variable named from, and no module', "const from = 'x';\nconst imported = from;", []],
])('importSpecifiers: %s', (_name, text, expected) => {
  expect(importSpecifiers(text)).toEqual(expected);
});

test.each<[string, string, string, boolean]>([
  ['a module with imports', 'a.ts', "import { x } from './x';\nexport const y = x;", false],
  ['a module with only an export', 'a.ts', 'export function f() {}', false],
  ['a script: its top-level names are global', 'a.ts', 'function legacy() {}\nconst LIMIT = 3;', true],
  ['a script whose comment mentions import', 'a.ts', '// import this file first\nfunction legacy() {}', true],
  ['a script with a dynamic import only', 'a.ts', "function load() { return import('./x'); }", true],
  ['a module that augments the global scope', 'a.ts', 'export {};\ndeclare global {\n  interface Window { user: unknown }\n}', true],
  [
    'a module that augments a package',
    'a.ts',
    "import 'express';\ndeclare module 'express' {\n  interface Request { user: unknown }\n}",
    true,
  ],
  ['CommonJS: require makes a module', 'a.js', "const x = require('x');\nfunction f() {}", false],
  ['CommonJS: module.exports makes a module', 'a.cjs', 'function f() {}\nmodule.exports = f;', false],
  ['require in a TypeScript file does not make a module', 'a.ts', "const x = require('x');\nfunction f() {}", true],
])('declaresGlobals: %s', (_name, file, text, expected) => {
  expect(declaresGlobals(file, text)).toBe(expected);
});

describe('ImportGraph', () => {
  const files = new Map<string, string[]>([
    ['src/models/user.ts', ['export interface User { email: string }']],
    ['src/models/index.ts', ["export * from './user';"]],
    ['src/lib/describe.ts', ["import type { User } from '../models';\nexport const d = (u: User) => u.email;"]],
    ['src/services/signup.ts', ["import { d } from '../lib/describe.js';\nimport pino from 'pino';"]],
    ['src/routes/users.ts', ["import { signup } from '@app/services/signup';"]],
    ['src/other.ts', ['export const unrelated = 1;']],
    // a file whose two sides import different things gets the edges of both
    ['src/changed.ts', ["import './other';", "import './models/user';"]],
  ]);
  const graph = new ImportGraph(files, { paths: { '@app/*': ['src/*'] }, baseUrl: '/repo' }, '/repo');

  test('relative imports resolve with or without extension, to index files and through .js specifiers', () => {
    expect(graph.dependencies('src/lib/describe.ts')).toEqual(['src/models/index.ts']);
    expect(graph.dependencies('src/services/signup.ts')).toEqual(['src/lib/describe.ts']);
    expect(graph.dependencies('src/models/index.ts')).toEqual(['src/models/user.ts']);
  });

  test('path aliases resolve through TypeScript with the project options; packages are not project files', () => {
    expect(graph.dependencies('src/routes/users.ts')).toEqual(['src/services/signup.ts']);
  });

  test('importersOf follows imports backwards, transitively', () => {
    expect([...graph.importersOf(['src/models/user.ts'])].sort()).toEqual([
      'src/changed.ts',
      'src/lib/describe.ts',
      'src/models/index.ts',
      'src/models/user.ts',
      'src/routes/users.ts',
      'src/services/signup.ts',
    ]);
    expect([...graph.importersOf(['src/other.ts'])].sort()).toEqual(['src/changed.ts', 'src/other.ts']);
  });

  test('importsOf follows imports forwards, transitively', () => {
    expect([...graph.importsOf(['src/routes/users.ts'])].sort()).toEqual([
      'src/lib/describe.ts',
      'src/models/index.ts',
      'src/models/user.ts',
      'src/routes/users.ts',
      'src/services/signup.ts',
    ]);
  });
});
