import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discover, found, makeTree, reasonFor } from './tree.js';

// Symlinks are never followed: outside code is not the project's, inside code is analyzed once at its real path, and loops cannot hang.
test('symlinks to files and directories outside the root are skipped', async () => {
  const outside = makeTree({ 'shared/user.ts': 'export const email = "";\n', 'lib.ts': '' });
  const root = makeTree({ 'src/a.ts': '' });
  symlinkSync(path.join(outside, 'lib.ts'), path.join(root, 'src/lib.ts'));
  symlinkSync(path.join(outside, 'shared'), path.join(root, 'shared'));
  const d = await discover(root);
  expect(found(d)).toEqual(['src/a.ts']);
  expect(reasonFor(d, 'src/lib.ts')).toBe('symlink to a path outside the scan root');
  expect(reasonFor(d, 'shared')).toBe('symlink to a path outside the scan root');
});

test('symlink loops are reported, not followed', async () => {
  const root = makeTree({ 'src/a.ts': '' });
  symlinkSync('loop-b.ts', path.join(root, 'src/loop-a.ts'));
  symlinkSync('loop-a.ts', path.join(root, 'src/loop-b.ts'));
  symlinkSync('..', path.join(root, 'src/up'));
  const d = await discover(root);
  expect(found(d)).toEqual(['src/a.ts']);
  expect(reasonFor(d, 'src/loop-a.ts')).toBe('symlink loop');
  expect(reasonFor(d, 'src/up')).toBe('symlink loop (points to a directory that contains it)');
});

test('a symlink inside the root is analyzed once, at the target path', async () => {
  const root = makeTree({ 'src/real.ts': 'export {};\n' });
  symlinkSync('real.ts', path.join(root, 'src/alias.ts'));
  mkdirSync(path.join(root, 'lib'));
  writeFileSync(path.join(root, 'lib/x.ts'), '');
  symlinkSync(path.join(root, 'lib'), path.join(root, 'lib2'));
  const d = await discover(root);
  expect(found(d)).toEqual(['lib/x.ts', 'src/real.ts']);
  expect(reasonFor(d, 'src/alias.ts')).toBe('symlink to src/real.ts, which is analyzed at its own path');
  expect(reasonFor(d, 'lib2')).toBe('symlink to lib, which is analyzed at its own path');
});

test('broken symlinks with a source name are reported', async () => {
  const root = makeTree({});
  symlinkSync('missing.ts', path.join(root, 'gone.ts'));
  expect(reasonFor(await discover(root), 'gone.ts')).toMatch(/broken symlink/);
});
