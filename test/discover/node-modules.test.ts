import { discover, found, makeTree } from './tree.js';

// Dependencies and git internals are never the project's code: not walked, and not worth a line each.
test('node_modules and .git are neither analyzed nor reported, at any depth', async () => {
  const root = makeTree({
    'src/a.ts': '',
    'node_modules/lib/index.js': 'module.exports = 1;\n',
    'packages/api/node_modules/x/index.ts': '',
    '.git/hooks/pre-commit.js': '',
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/a.ts']);
  expect(d.skipped).toEqual([]);
});
