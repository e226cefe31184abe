import { discover, found, makeTree, reasonFor } from './tree.js';

// include narrows what is analyzed; exclude removes more and is reported, so a person can tell "excluded" from "not found".
test('include globs select files and prune directories they cannot reach', async () => {
  const root = makeTree({ 'src/a.ts': '', 'src/b.js': '', 'scripts/c.ts': '', 'schema.prisma': '' });
  const d = await discover(root, { include: ['src/**/*.ts'] });
  expect(found(d)).toEqual(['src/a.ts']);
  expect(d.skipped).toEqual([]);
});

test('exclude globs skip files and whole directories with a reason', async () => {
  const root = makeTree({ 'src/a.ts': '', 'src/a.test.ts': '', 'fixtures/x.ts': '', 'fixtures/deep/y.ts': '' });
  const d = await discover(root, { exclude: ['**/*.test.ts', 'fixtures/**'] });
  expect(found(d)).toEqual(['src/a.ts']);
  expect(reasonFor(d, 'src/a.test.ts')).toBe('excluded by the configuration (exclude)');
  expect(reasonFor(d, 'fixtures')).toBe('directory is excluded by the configuration (exclude)');
  expect(d.skipped.map((s) => s.file)).not.toContain('fixtures/deep/y.ts');
});

test('hidden directories are walked only when an include glob names them', async () => {
  const root = makeTree({ '.storybook/main.ts': '', '.husky/x.js': '', 'src/a.ts': '' });
  expect(found(await discover(root))).toEqual(['src/a.ts']);
  expect(found(await discover(root, { include: ['src/**/*.ts', '.storybook/**/*.ts'] }))).toEqual(['.storybook/main.ts', 'src/a.ts']);
});
