import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { discover, found, makeTree, reasonFor } from './tree.js';

// .gitignore'd paths are usually generated or local; git's own precedence rules decide, and the reason names the file.
test('root and nested .gitignore files skip files and directories, naming the .gitignore', async () => {
  const root = makeTree({
    '.gitignore': 'generated/\n*.local.ts\n',
    'src/a.ts': '',
    'src/b.local.ts': '',
    'generated/client.ts': '',
    'packages/api/.gitignore': 'tmp.ts\n',
    'packages/api/tmp.ts': '',
    'packages/api/index.ts': '',
    'packages/web/tmp.ts': '',
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['packages/api/index.ts', 'packages/web/tmp.ts', 'src/a.ts']);
  expect(reasonFor(d, 'src/b.local.ts')).toBe('ignored by .gitignore');
  expect(reasonFor(d, 'generated')).toBe('directory is ignored by .gitignore');
  expect(reasonFor(d, 'packages/api/tmp.ts')).toBe('ignored by packages/api/.gitignore');
});

test('a nested .gitignore can re-include what a parent ignores', async () => {
  const root = makeTree({ '.gitignore': '*.gen.ts\n', 'src/.gitignore': '!keep.gen.ts\n', 'src/keep.gen.ts': '', 'src/drop.gen.ts': '' });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/keep.gen.ts']);
  expect(reasonFor(d, 'src/drop.gen.ts')).toBe('ignored by .gitignore');
});

test('gitignore: false analyzes ignored files', async () => {
  const root = makeTree({ '.gitignore': 'src/\n', 'src/a.ts': '' });
  expect(found(await discover(root))).toEqual([]);
  expect(found(await discover(root, { gitignore: false }))).toEqual(['src/a.ts']);
});

test('scanning a subdirectory of a repository honours the .gitignore files above it', async () => {
  const repo = makeTree({ '.gitignore': 'secret-*.ts\n', 'services/api/secret-x.ts': '', 'services/api/main.ts': '' });
  mkdirSync(path.join(repo, '.git'));
  const d = await discover(path.join(repo, 'services/api'));
  expect(found(d)).toEqual(['main.ts']);
  expect(reasonFor(d, 'secret-x.ts')).toMatch(/ignored by .*\.gitignore/);
});
