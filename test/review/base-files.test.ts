import path from 'node:path';
import { baseSideFiles } from '../../src/review/base-files.js';
import { writeTree } from './git-repo.js';

/* The base side written out only where it changed: its other files are read from head's tree. */

const head = writeTree({
  'package.json': '{"workspaces":["packages/*"]}',
  'packages/db/package.json': '{"name":"db"}',
  'packages/db/prisma/schema/main.prisma': 'head main',
  'packages/db/prisma/schema/added.prisma': 'added on head',
  'packages/new/package.json': '{"name":"new"}',
  'config/ts.json': '{"head":true}',
});
// the base directory: the changed files as base has them (main.prisma; gone.prisma, which head deleted), and the manifests
const base = writeTree({
  'package.json': '{"workspaces":["packages/*"]}',
  'packages/db/package.json': '{"name":"db"}',
  'packages/db/prisma/schema/main.prisma': 'base main',
  'packages/db/prisma/schema/gone.prisma': 'deleted on head',
});
const changed = new Set([
  'packages/db/prisma/schema/main.prisma',
  'packages/db/prisma/schema/added.prisma',
  'packages/db/prisma/schema/gone.prisma',
  'packages/new/package.json',
]);
const files = baseSideFiles(base, head, changed);
const at = (rel: string) => path.join(base, rel);

test('a changed file is base’s, an unchanged one is head’s, a file added by the change does not exist', () => {
  expect(files.read(at('packages/db/prisma/schema/main.prisma'))).toBe('base main');
  expect(files.read(at('config/ts.json'))).toBe('{"head":true}');
  expect(files.exists(at('config/ts.json'))).toBe(true);
  expect(files.read(at('packages/db/prisma/schema/added.prisma'))).toBeUndefined();
  expect(files.exists(at('packages/db/prisma/schema/added.prisma'))).toBe(false);
  expect(files.read(at('config/ts.json'), 3)).toBeUndefined();
});

test('listings and globs hold base’s files: head’s unchanged ones and base’s changed ones', () => {
  expect(files.list(at('packages/db/prisma/schema'))).toEqual(['gone.prisma', 'main.prisma']);
  expect(files.glob(base, ['packages/*/package.json'], [])).toEqual(['packages/db/package.json']);
});
