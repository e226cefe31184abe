/**
 * Tests, end-to-end suites, fixtures, mocks, stories, seed data, examples, one-off data migrations
 * and vendored libraries: out of scope by default (issue 11). They carry fake data or run once by
 * hand and are not the code that ships, and their findings bury the real ones. `includeTests: true` in the configuration analyzes them again. A file here that analyzed code
 * imports is still analyzed (see imported-test-scope.ts): code cannot hide under a test-looking path.
 */

/** Directory names and what they hold. */
const DIRECTORIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  test: 'tests',
  tests: 'tests',
  __tests__: 'tests',
  __test__: 'tests',
  spec: 'tests',
  specs: 'tests',
  e2e: 'end-to-end tests',
  cypress: 'end-to-end tests',
  playwright: 'end-to-end tests',
  fixtures: 'test fixtures',
  __fixtures__: 'test fixtures',
  __mocks__: 'mocks',
  mocks: 'mocks',
  vendor: 'vendored code',
  third_party: 'vendored code',
  'third-party': 'vendored code',
  '.storybook': 'storybook configuration',
  stories: 'storybook stories',
  seed: 'seed data',
  seeds: 'seed data',
  seeders: 'seed data',
  seeding: 'seed data',
  example: 'examples',
  examples: 'examples',
  migration: 'one-off migrations',
  migrations: 'one-off migrations',
});

/** `user.test.ts`, `app.e2e-spec.ts`, `Button.stories.tsx`, `login.cy.ts`; `e2e-bootstrap.ts`. */
const TEST_FILE = /\.(?:test|spec|e2e|e2e-spec|cy|stories|story)\.[cm]?[jt]sx?$/i;
/** `seed.ts`, `seeds.js`, `seeder.ts`, `user.seed.ts`, `users.seeder.ts`: demo and fixture data written to a store. */
const SEED_FILE = /(?:^|\.)seed(?:s|er|ers)?\.[cm]?[jt]sx?$/i;
const E2E_SCRIPT = /^e2e[-_.]/i;
/**
 * `example.ts`, `client.example.ts`: a package's usage demo next to its code, sending made-up messages.
 * Not `usage.ts`: that is also what production code calls usage metering, and an entry point nothing
 * imports would drop out of the review by its name.
 */
const EXAMPLE_FILE = /^examples?\.[cm]?[jt]sx?$|\.examples?\.[cm]?[jt]sx?$/i;

/** A word in an import specifier that may lead into test scope: only such imports are resolved. */
export const TEST_SCOPE_SPECIFIER =
  /(?:^|[@/._-])(?:tests?|__tests?__|specs?|e2e|cypress|playwright|fixtures|__fixtures__|__mocks__|mocks|vendor|third[_-]party|stories|story|storybook|cy|seed|seeds|seeders?|seeding|examples?|migrations?)(?:[/._-]|$)/i;

const ADVICE = 'out of scope by default (set includeTests: true to analyze it); a file that analyzed code imports is still analyzed';

/** Why a directory is out of scope, or undefined. */
export function testScopeDirectory(name: string): string | undefined {
  const kind = DIRECTORIES[name.toLowerCase()];
  return kind && `directory is test or vendored code (${kind}): ${ADVICE}`;
}

/** Why a file is out of scope by its own name, or undefined. */
export function testScopeFile(name: string): string | undefined {
  if (TEST_FILE.test(name)) return `test or vendored code (${/\.stor(?:y|ies)\./i.test(name) ? 'storybook stories' : 'tests'}): ${ADVICE}`;
  if (E2E_SCRIPT.test(name)) return `test or vendored code (end-to-end test script): ${ADVICE}`;
  if (SEED_FILE.test(name)) return `test or vendored code (seed data): ${ADVICE}`;
  if (EXAMPLE_FILE.test(name)) return `test or vendored code (examples): ${ADVICE}`;
  return undefined;
}

/** Reasons of test-scope skips, as walker.ts writes them (also `in a directory that is ...` for a given file). */
export const TEST_SCOPE_REASON = /^(?:directory is |in a directory that is )?test or vendored code \(/;
