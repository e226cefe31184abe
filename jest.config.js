/**
 * Jest in native ESM mode with ts-jest (jest 30 + ts-jest 29 + typescript 5.9), in three projects:
 *
 *   unit         one module's logic on small inputs, no processes, servers or git (`npm run test:unit`)
 *   integration  several layers together: the CLI in-process, the App's handlers against a mocked
 *                GitHub, reviews of git repositories; fuzzing, hostile inputs and limits at full
 *                size (`npm run test:integration`)
 *   e2e          whole processes: the App on a port against a fake GitHub, the Action, the built bin (`npm run test:e2e`)
 *
 * A test file belongs to the first project whose patterns match it; `npm test` runs all three.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const INTEGRATION = [
  'test/cli/**',
  'test/app/handlers/**',
  'test/app/worker/**',
  'test/app/queue/redis-queue.test.ts',
  'test/app/github/shared-throttle.test.ts',
  'test/app/events/webhook-intake.test.ts',
  'test/app/github/extract.test.ts',
  'test/review/exclusions.test.ts',
  'test/review/git.test.ts',
  'test/review/incremental.test.ts',
  'test/review/review-cache.test.ts',
  'test/engine/cache/concurrent.test.ts',
  'test/review/run.test.ts',
  'test/engine/fast-path.test.ts',
  'test/app/pipeline/threshold.test.ts',
  'test/self-review.test.ts',
  // fuzzing, hostile inputs and limits at full size
  'test/fuzz/**',
  'test/yaml/duplicate-keys.test.ts',
  'test/**/hostile*.test.ts',
  'test/**/limits.test.ts',
  'test/render/size-limit.test.ts',
];

const E2E = ['test/app/e2e/**', 'test/action/**', 'test/cli/bin/**'];

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/test/fixtures/', '<rootDir>/examples/'],
  testTimeout: 60000,
};

// Absolute globs: jest expands <rootDir> only at the start of a pattern, not after a negating `!`.
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const tests = (patterns) => patterns.map((p) => `${ROOT}/${p.endsWith('**') ? `${p}/*.test.ts` : p}`);
const not = (patterns) => patterns.map((p) => `!${ROOT}/${p}`);

export default {
  // Jest's default leaves a core to itself (cores - 1): on two cores that is one worker, half the machine.
  maxWorkers: '100%',
  // Also per project below: jest reads it from the top level when there are projects.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: [...tests(['test/**']), ...not(INTEGRATION), ...not(E2E)] },
    { ...shared, displayName: 'integration', testMatch: [...tests(INTEGRATION), ...not(E2E)] },
    { ...shared, displayName: 'e2e', testMatch: tests(E2E) },
  ],
};
