import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilerOptionsFor } from '../../src/engine/compiler-options.js';
import { generatorOutputs } from '../../src/ts/generated-clients.js';
import { ImportGraph } from '../../src/engine/imports.js';
import { resolutionOf } from '../../src/ts/module-resolution.js';
import { packageEntryCandidates } from '../../src/ts/package-entry.js';
import { readWorkspacePackages } from '../../src/ts/workspace.js';

const MONOREPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/monorepo');

describe('a workspace package import names its source file', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['types pointing at dist', { types: './dist/index.d.ts' }, '', 'src/index.ts'],
    ['exports conditions pointing at dist/src', { exports: { './prisma': { import: './dist/src/prisma.js' } } }, 'prisma', 'src/prisma.ts'],
    ['exports subpath pattern', { exports: { './types/*': './types/*.ts' } }, 'types/user', 'types/user.ts'],
    ['main pointing at a source file', { main: 'src/main.ts' }, '', 'src/main.ts'],
    ['no fields: index', {}, '', 'index.ts'],
    ['deep import without exports', {}, 'ui/button', 'ui/button.ts'],
  ];
  test.each(cases)('%s', (_name, manifest, subpath, expected) => {
    expect(packageEntryCandidates(manifest, subpath)).toContain(expected);
  });

  test('hard negative: a subpath the exports map does not list cannot be imported', () => {
    expect(packageEntryCandidates({ exports: { '.': './dist/index.js' } }, 'internal')).toEqual([]);
  });

  test('a target outside the package is ignored', () => {
    expect(packageEntryCandidates({ main: '../../etc/passwd' }, '')).not.toContain('../../etc/passwd');
  });
});

test('npm/yarn workspaces in package.json (list or { packages }) with negated globs', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ws-'));
  const pkg = (dir: string, json: object) => {
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify(json));
  };
  pkg('.', { name: 'root', workspaces: { packages: ['libs/*', '!libs/skip'] } });
  pkg('libs/a', { name: '@x/a' });
  pkg('libs/skip', { name: '@x/skip' });
  pkg('libs/node_modules/evil', { name: '@x/evil' });
  pkg('other', { name: '@x/other' });
  expect([...readWorkspacePackages(root).keys()]).toEqual(['@x/a']);
});

test('Prisma generator output: only generators of the client, only relative paths', () => {
  const schema = [
    'generator client {',
    '  provider = "prisma-client-js"',
    '  output = "../generated/client"',
    '}',
    'generator docs {',
    '  provider = "prisma-docs"',
    '  output = "../docs"',
    '}',
  ].join('\n');
  expect(generatorOutputs(schema)).toEqual(['../generated/client']);
});

test('the import graph of partial reviews sees the edges the program resolves through the workspace', () => {
  const { options } = compilerOptionsFor(MONOREPO);
  expect(resolutionOf(options)?.packages.has('@acme/database')).toBe(true);
  const texts = new Map<string, string[]>();
  for (const f of [
    'apps/web/src/app/signup.ts',
    'apps/web/src/server/users.ts',
    'packages/database/src/index.ts',
    'packages/database/src/client.ts',
    'packages/database/src/audit.ts',
    'packages/shared/src/index.ts',
    'scripts/create-admin.ts',
  ]) {
    texts.set(f, [readFileSync(path.join(MONOREPO, f), 'utf8')]);
  }
  const graph = new ImportGraph(texts, options, MONOREPO);
  expect([...graph.dependencies('apps/web/src/app/signup.ts')].sort()).toEqual([
    'apps/web/src/server/users.ts',
    'packages/database/src/audit.ts',
  ]);
  expect([...graph.dependencies('apps/web/src/server/users.ts')].sort()).toEqual([
    'packages/database/src/index.ts',
    'packages/shared/src/index.ts',
  ]);
  expect(graph.dependencies('scripts/create-admin.ts')).toEqual(['packages/database/src/index.ts']);
  expect(graph.importersOf(['packages/database/src/client.ts']).has('apps/web/src/app/signup.ts')).toBe(true);
});

test("a workspace package's own paths hold when its tsconfig extends a package that is not installed", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ws-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ name: 'root', workspaces: ['apps/*'] }));
  write('apps/desktop/package.json', JSON.stringify({ name: 'desktop' }));
  write(
    'apps/desktop/tsconfig.json',
    JSON.stringify({ extends: '@toolkit/tsconfig/node.json', compilerOptions: { baseUrl: '.', paths: { '~/*': ['./src/*'] } } }),
  );
  write('apps/desktop/src/logger.ts', 'export const logger = console;\n');
  write('apps/desktop/src/lib/user.ts', "import { logger } from '~/logger';\n");
  // hard negative: a package whose tsconfig cannot be read at all declares nothing
  write('apps/broken/package.json', JSON.stringify({ name: 'broken' }));
  write('apps/broken/tsconfig.json', '{ "compilerOptions": { "paths": ');
  write('apps/broken/src/a.ts', "import { logger } from '~/logger';\n");
  const { options } = compilerOptionsFor(root);
  const resolution = resolutionOf(options)!;
  const exists = (f: string) => f.endsWith('/apps/desktop/src/logger.ts') || f.endsWith('/apps/broken/src/logger.ts');
  expect(resolution.resolveBare('~/logger', path.join(root, 'apps/desktop/src/lib/user.ts'), exists)).toBe(
    path.join(root, 'apps/desktop/src/logger.ts'),
  );
  expect(resolution.resolveBare('~/logger', path.join(root, 'apps/broken/src/a.ts'), exists)).toBeUndefined();
});
