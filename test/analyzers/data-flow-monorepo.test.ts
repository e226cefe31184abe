import { scanFixture } from './fixture-scan.js';
import { ANALYZERS } from '../../analyzers/index.js';
import type { ScanResult } from '../../src/core/contract.js';
import type { FixtureReport } from '../harness/fixtures.js';

/*
 * A pnpm workspace: the app imports the Prisma client through the workspace package's name
 * (`@acme/database`, whose manifest points at dist/), a deep export (`@acme/database/audit`), its own
 * tsconfig's `~/*` alias (that tsconfig extends a workspace package's `@acme/tsconfig/base.json`),
 * and a script the root's alias inherited from `tsconfig.base.json`. The client itself is generated
 * to a relative directory named by the Prisma schema.
 */
let result: ScanResult;
let report: FixtureReport;

beforeAll(async () => {
  ({ result, report } = await scanFixture('monorepo', ANALYZERS, ['data-flow']));
});

test('every annotated data-flow line of the monorepo is found, and nothing else', () => {
  expect(report.problems).toEqual([]);
  expect(report.truePositives).toBe(4);
});

test('the tsconfig that extends a workspace package is used (no "could not be used" error)', () => {
  expect(result.errors).toEqual([]);
});

test('the Prisma writes are found in the package and through the package name', () => {
  const files = result.findings
    .filter((f) => f.sink?.id === 'prisma')
    .map((f) => f.file)
    .sort();
  expect(files).toEqual([
    'apps/web/src/app/signup.ts',
    'apps/web/src/server/users.ts',
    'packages/database/src/audit.ts',
    'scripts/create-admin.ts',
  ]);
});
