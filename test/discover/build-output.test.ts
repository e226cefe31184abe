import { discover, found, makeTree, reasonFor } from './tree.js';

// Build output is derived from sources we analyze anyway; each such directory is reported once.
test('dist, build, out, .next and coverage are skipped once per directory with a reason', async () => {
  const root = makeTree({
    'src/a.ts': '',
    'dist/a.js': 'console.log(1);\n',
    'dist/nested/b.js': '',
    'build/x.js': '',
    'out/y.js': '',
    '.next/server/page.js': '',
    'coverage/lcov-report/prettify.js': '',
    'packages/web/dist/index.js': '',
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/a.ts']);
  for (const dir of ['dist', 'build', 'out', '.next', 'coverage', 'packages/web/dist']) {
    expect(reasonFor(d, dir)).toMatch(/build or cache output/);
  }
  expect(d.skipped.map((s) => s.file)).not.toContain('dist/a.js');
});

test('a build directory is analyzed when an include glob names it, as the reason promises', async () => {
  const root = makeTree({ 'build/scripts/release.ts': '', 'src/a.ts': '' });
  expect(reasonFor(await discover(root), 'build')).toMatch(/name it in include/);
  const d = await discover(root, { include: ['src/**/*.ts', 'build/**/*.ts'] });
  expect(found(d)).toEqual(['build/scripts/release.ts', 'src/a.ts']);
});
