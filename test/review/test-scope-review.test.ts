import { ANALYZERS } from '../../analyzers/index.js';
import { reviewTrees } from '../../src/review/run.js';
import { reviewChanges, writeTree } from './git-repo.js';

/*
 * Test-scope files (fixtures, mocks, seeds) are analyzed when production code imports them
 * (src/engine/imported-test-scope.ts). Whether one is analyzed is decided by its importers: the
 * fast review must decide it on each side as the full review does, also when only the test-scope
 * file or its importer changed.
 */

const BASE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/app.ts': "import { demoUsers } from './fixtures/users';\n\nexport const users = demoUsers();\n",
  'src/other.ts': 'export const answer = 42;\n',
  'src/fixtures/users.ts':
    "export function demoUsers() {\n  const user = { name: 'Ada', email: 'ada@example.com' };\n  console.log(user.name);\n  return [user];\n}\n",
};

/** Both reviews of base → base + edits (the fast one given the changed files). */
async function both(edits: Record<string, string | null>, base = BASE) {
  const baseDir = writeTree(base);
  const headDir = writeTree({ ...base, ...edits });
  const common = { baseDir, headDir, renames: new Map<string, string>(), analyzers: ANALYZERS, today: '2026-01-01' };
  return { full: await reviewTrees(common), fast: await reviewTrees({ ...common, changed: Object.keys(edits) }) };
}

test('a fixture that production code imports changes: its old findings stay unchanged', async () => {
  const { full, fast } = await both({
    'src/fixtures/users.ts':
      "export function demoUsers() {\n  const user = { name: 'Ada', email: 'ada@example.com' };\n  console.log(user.name, user.email);\n  return [user];\n}\n",
  });
  expect(reviewChanges(full).some((c) => c.startsWith('new') && c.includes('src/fixtures/users.ts'))).toBe(true);
  expect(reviewChanges(fast)).toEqual(reviewChanges(full));
});

test('production code stops importing a fixture: its findings are fixed', async () => {
  const { full, fast } = await both({ 'src/app.ts': 'export const users = [];\n' });
  expect(reviewChanges(full).some((c) => c.startsWith('fixed') && c.includes('src/fixtures/users.ts'))).toBe(true);
  expect(reviewChanges(fast)).toEqual(reviewChanges(full));
});

test('production code starts importing a fixture: its findings are new', async () => {
  const { full, fast } = await both({ 'src/app.ts': BASE['src/app.ts']! }, { ...BASE, 'src/app.ts': 'export const users = [];\n' });
  expect(reviewChanges(full).some((c) => c.startsWith('new') && c.includes('src/fixtures/users.ts'))).toBe(true);
  expect(reviewChanges(fast)).toEqual(reviewChanges(full));
});

test('hard negative: a test that nothing imports changes: analyzed on neither side, and the review stays incremental', async () => {
  const { full, fast } = await both({
    'src/app.test.ts': "const email = 'ada@example.com';\nconsole.log(email);\n",
  });
  expect(fast.stats.scope?.mode).toBe('changed');
  expect(reviewChanges(full)).toEqual([]);
  expect(reviewChanges(fast)).toEqual([]);
});
