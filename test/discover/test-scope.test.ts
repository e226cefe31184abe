import { authorCanSkip } from '../../src/review/exclusions.js';
import { discover, found, makeTree, reasonFor } from './tree.js';

// Tests, e2e suites, fixtures, mocks, stories and vendored code carry fake data and do not ship
// (issue 11): out of scope by default, each skip with its reason, and analyzed again on request.
const TREE = {
  'src/user.ts': 'export const x = 1;\n',
  'src/user.test.ts': '',
  'src/user.spec.tsx': '',
  'src/Button.stories.tsx': '',
  'src/app.e2e-spec.ts': '',
  'scripts/e2e-auth-bootstrap.ts': '',
  'test/helpers.ts': '',
  'apps/web/__tests__/a.ts': '',
  'apps/web/e2e/support/login.ts': '',
  'apps/web/playwright/survey.ts': '',
  'apps/web/cypress/e2e/a.cy.ts': '',
  'fixtures/users.ts': '',
  'src/__mocks__/prisma.ts': '',
  'vendor/lib.js': '',
  'third_party/x.ts': '',
  'src/database/seeds/user-seed.service.ts': '',
  'packages/database/src/seed.ts': '',
  'src/users/user.seeder.ts': '',
  'examples/basic/send.ts': '',
  'packages/sdk/src/client.example.ts': '',
  'packages/sdk/src/example.ts': '',
  'packages/database/migration/20250101_backfill/migration.ts': '',
  'src/database/migrations/1700000000-AddUser.ts': '',
  // Not test scope: the words inside a longer name.
  'src/testimonials/list.ts': '',
  'src/contest.ts': '',
  'src/latest-spec-version.ts': '',
  'src/seeding-strategy/plan.ts': '',
  'src/migrate-user.ts': '',
  'src/seedling.ts': '',
  'src/usage-report.ts': '',
  'src/example-data.ts': '',
  // A common production name (usage metering): an entry point must not drop out of review by its name.
  'apps/billing/src/usage.ts': '',
};

test('test-scope directories and test-named files are skipped by default, each with its reason', async () => {
  const d = await discover(makeTree(TREE));
  expect(found(d)).toEqual([
    'apps/billing/src/usage.ts',
    'src/contest.ts',
    'src/example-data.ts',
    'src/latest-spec-version.ts',
    'src/migrate-user.ts',
    'src/seeding-strategy/plan.ts',
    'src/seedling.ts',
    'src/testimonials/list.ts',
    'src/usage-report.ts',
    'src/user.ts',
  ]);
  for (const dir of [
    'test',
    'apps/web/__tests__',
    'apps/web/e2e',
    'apps/web/playwright',
    'apps/web/cypress',
    'fixtures',
    'src/__mocks__',
    'vendor',
    'third_party',
    'src/database/seeds',
    'examples',
    'packages/database/migration',
    'src/database/migrations',
  ]) {
    expect(reasonFor(d, dir)).toMatch(/^directory is test or vendored code \(.*\): out of scope by default \(set includeTests: true/);
  }
  for (const file of [
    'src/user.test.ts',
    'src/user.spec.tsx',
    'src/Button.stories.tsx',
    'src/app.e2e-spec.ts',
    'scripts/e2e-auth-bootstrap.ts',
    'packages/database/src/seed.ts',
    'src/users/user.seeder.ts',
    'packages/sdk/src/client.example.ts',
    'packages/sdk/src/example.ts',
  ]) {
    expect(reasonFor(d, file)).toMatch(/^test or vendored code/);
  }
  expect(reasonFor(d, 'vendor')).toMatch(/vendored code/);
  expect(reasonFor(d, 'src/Button.stories.tsx')).toMatch(/storybook stories/);
  expect(reasonFor(d, 'packages/database/src/seed.ts')).toMatch(/seed data/);
  expect(reasonFor(d, 'src/database/migrations')).toMatch(/one-off migrations/);
  expect(reasonFor(d, 'packages/sdk/src/example.ts')).toMatch(/examples/);
});

test('includeTests: true analyzes them again', async () => {
  const d = await discover(makeTree(TREE), { includeTests: true });
  expect(found(d)).toHaveLength(Object.keys(TREE).length);
  expect(d.skipped).toEqual([]);
});

test('an include glob that names a test directory analyzes it', async () => {
  const d = await discover(makeTree({ 'e2e/login.ts': '', 'src/a.ts': '' }), { include: ['src/**/*.ts', 'e2e/**/*.ts'] });
  expect(found(d)).toEqual(['e2e/login.ts', 'src/a.ts']);
});

test('a test-scope file that production code imports is analyzed, with what it imports in turn', async () => {
  const root = makeTree({
    'src/server.ts': "import { seed } from '../fixtures/seed';\nimport './user.test';\n",
    'fixtures/seed.ts': "export { data } from './data';\nexport const seed = 1;\n",
    'fixtures/data.ts': 'export const data = 1;\n',
    'fixtures/unused.ts': '',
    'src/user.test.ts': '',
    'src/other.spec.ts': '',
    'test/only-tests-import-this.ts': '',
    'test/a.test.ts': "import './only-tests-import-this';\n",
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['fixtures/data.ts', 'fixtures/seed.ts', 'src/server.ts', 'src/user.test.ts']);
  expect(reasonFor(d, 'src/user.test.ts')).toBeUndefined();
  expect(reasonFor(d, 'src/other.spec.ts')).toMatch(/^test or vendored code/);
  expect(reasonFor(d, 'test')).toMatch(/^directory is test or vendored code/);
});

test('a test-scope file reached through a tsconfig path alias is analyzed', async () => {
  const root = makeTree({
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@mocks/*': ['src/__mocks__/*'] } } }),
    'src/app.ts': "import { client } from '@mocks/client';\n",
    'src/__mocks__/client.ts': 'export const client = 1;\n',
  });
  expect(found(await discover(root))).toEqual(['src/__mocks__/client.ts', 'src/app.ts']);
});

test('a default test-scope skip is not an exclusion the pull request author controls', async () => {
  const d = await discover(makeTree(TREE));
  // Vendored code ships and can run without being imported: a change to it is shown; tests are not.
  for (const s of d.skipped) expect(authorCanSkip(s.reason)).toBe(/\(vendored code\)/.test(s.reason));
  // Given files (a pull request's): a file below a test directory is skipped with the same kind of reason.
  const given = await discover(makeTree(TREE), {}, { files: ['apps/web/e2e/support/login.ts', 'src/user.ts'] });
  expect(reasonFor(given, 'apps/web/e2e/support/login.ts')).toMatch(/^in a directory that is test or vendored code/);
  expect(authorCanSkip(reasonFor(given, 'apps/web/e2e/support/login.ts')!)).toBe(false);
  expect(authorCanSkip('ignored by .gitignore')).toBe(true);
});
