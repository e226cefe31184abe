import path from 'node:path';
import { discover, found, makeTree, reasonFor } from './tree.js';

// For pull-request review: only the changed files, but with every rule the walk applies.
test('an explicit file list is filtered by the same rules as a walk', async () => {
  const root = makeTree({
    '.gitignore': 'ignored.ts\n',
    'src/a.ts': '',
    'src/b.ts': '',
    'src/ignored.ts': '',
    'dist/out.js': '',
    'node_modules/x/index.js': '',
    'README.md': '',
    'types/t.d.ts': '',
  });
  const files = [
    'src/a.ts',
    path.join(root, 'src/ignored.ts'),
    'dist/out.js',
    'node_modules/x/index.js',
    'README.md',
    'types/t.d.ts',
    'src/deleted.ts',
    '../elsewhere.ts',
    'src/a.ts',
  ];
  const d = await discover(root, {}, { files });
  expect(found(d)).toEqual(['src/a.ts']);
  expect(reasonFor(d, 'src/ignored.ts')).toBe('ignored by .gitignore');
  expect(reasonFor(d, 'dist/out.js')).toMatch(/in a directory that is build or cache output/);
  expect(reasonFor(d, 'types/t.d.ts')).toMatch(/declaration/);
  expect(reasonFor(d, 'src/deleted.ts')).toMatch(/not found/);
  expect(reasonFor(d, '../elsewhere.ts')).toBe('outside the scan root');
  expect(d.skipped.map((s) => s.file)).not.toContain('node_modules/x/index.js');
  expect(d.skipped.map((s) => s.file)).not.toContain('README.md');
});
