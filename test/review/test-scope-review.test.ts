import { ANALYZERS } from '../../analyzers/index.js';
import { reviewTrees } from '../../src/review/run.js';
import { reviewChanges, writeTree } from './git-repo.js';

/*
 * Test-scope files (fixtures, mocks, seeds) are analyzed when production code imports them
 * (discover.ts). Whether one is analyzed is decided by its importers: the fast review must decide
 * it on each side as the full review does, also when only the test-scope file or its importer changed.
 */

const BASE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/app.ts': "import { demoUsers } from './fixtures/users';\n\nexport const users = demoUsers();\n",
  'src/other.ts': 'export const answer = 42;\n',
  'src/fixtures/users.ts':
    "export function demoUsers() {\n  const user = { name: 'Ada', email: 'ada@example.com' };\n  console.log(user.name);\n  return [user];\n}\n",
};

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

/*
 * Known gap (issue 16): the fast review's base side takes its unchanged files from head's discovery,
 * so a test-scope file whose importer changed is analyzed on both sides or on neither. Deciding it
 * per side needs the base side's parked test-scope files (discover.ts) without walking the base
 * tree. `test.failing` until then: these start to pass, and fail here, once that is done.
 */
test.failing('production code stops importing a fixture: its findings are fixed', async () => {
  const { full, fast } = await both({ 'src/app.ts': 'export const users = [];\n' });
  expect(reviewChanges(full).some((c) => c.startsWith('fixed') && c.includes('src/fixtures/users.ts'))).toBe(true);
  expect(reviewChanges(fast)).toEqual(reviewChanges(full));
});

test.failing('production code starts importing a fixture: its findings are new', async () => {
  const { full, fast } = await both({ 'src/app.ts': BASE['src/app.ts']! }, { ...BASE, 'src/app.ts': 'export const users = [];\n' });
  expect(reviewChanges(full).some((c) => c.startsWith('new') && c.includes('src/fixtures/users.ts'))).toBe(true);
  expect(reviewChanges(fast)).toEqual(reviewChanges(full));
});
