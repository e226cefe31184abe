import { jest } from '@jest/globals';
import fs from 'node:fs';

// Permissions cannot make a file unreadable for root (CI runs as root), so the read itself is made to fail.
const realReadFileSync = fs.readFileSync;
const readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
  if (String(file).endsWith('locked.ts')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  return (realReadFileSync as (...a: unknown[]) => unknown)(file, ...rest);
}) as typeof fs.readFileSync;
jest.unstable_mockModule('node:fs', () => ({ ...fs, default: { ...fs, readFileSync }, readFileSync }));
const { discover, found, makeTree, reasonFor } = await import('./tree.js');

test('a file that cannot be read is skipped with the error code', async () => {
  const root = makeTree({ 'src/locked.ts': 'export {};\n', 'src/open.ts': 'export {};\n' });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/open.ts']);
  expect(reasonFor(d, 'src/locked.ts')).toBe('unreadable (EACCES)');
});
