import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANALYZERS } from '../../analyzers/index.js';
import { reviewTrees } from '../../src/review/run.js';
import { DiskCache } from '../../src/engine/cache/store.js';
import type { Review } from '../../src/review/types.js';
import { reviewChanges, writeTree } from './git-repo.js';

/*
 * A review with the analysis cache on both sides: the same review as without it, cold or warm, and
 * a second pull request against the same base answers the base side from what the first stored.
 */

const BASE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/models/user.ts': 'export interface User {\n  id: string;\n  email: string;\n  plan: string;\n}\n',
  'src/lib/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
  'src/lib/describe.ts':
    "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  return user.id;\n}\n",
  'src/services/signup.ts':
    "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\nimport { describe } from '../lib/describe';\n\nexport function signup(user: User) {\n  logger.info(describe(user));\n}\n",
  'src/unrelated/inventory.ts': 'export function note(customerEmail: string) {\n  console.log(customerEmail);\n}\n',
};
const EDIT = {
  'src/lib/describe.ts':
    "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  return `${user.id} <${user.email}>`;\n}\n",
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** What a review decides, without timings and cache counts. */
const decided = (r: Review) => ({
  changes: reviewChanges(r),
  findings: r.findings.map((f) => `${f.status} ${f.finding.id}`).sort(),
  verdict: r.verdict,
  errors: r.errors,
  skipped: r.skipped,
  scope: r.stats.scope,
});

describe.each([
  ['changed files', true],
  ['every file', false],
])('%s', (_name, incremental) => {
  test('cold and warm reviews with the cache are the review without it', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pr-review-cache-'));
    dirs.push(cacheDir);
    const baseDir = writeTree(BASE);
    const headDir = writeTree({ ...BASE, ...EDIT });
    const common = {
      baseDir,
      headDir,
      analyzers: ANALYZERS,
      today: '2026-01-01',
      ...(incremental ? { changed: Object.keys(EDIT) } : {}),
    };
    const plain = await reviewTrees(common);
    const cold = await reviewTrees({ ...common, cache: new DiskCache(cacheDir) });
    const warm = await reviewTrees({ ...common, cache: new DiskCache(cacheDir) });
    expect(plain.findings.filter((f) => f.status === 'new').map((f) => `${f.finding.rule} ${f.finding.file}`)).toEqual([
      'pii-logging src/services/signup.ts',
    ]);
    expect(decided(cold)).toEqual(decided(plain));
    expect(decided(warm)).toEqual(decided(plain));
    // Every file: head's files that do not reach describe.ts are base's (user, logger, inventory).
    expect(cold.stats.fromCache).toBe(incremental ? 0 : 3);
    expect(warm.stats).toMatchObject({ analyzed: 0, cutOff: 0 });
    expect(warm.stats.fromCache).toBeGreaterThan(0);

    // Another pull request against the same base: its base side comes from the cache.
    const signup = 'src/services/signup.ts';
    const otherHead = writeTree({ ...BASE, [signup]: `// Signs users up.\n${BASE[signup]}` });
    const changed = incremental ? { changed: [signup] } : {};
    const other = await reviewTrees({ ...common, headDir: otherHead, ...changed, cache: new DiskCache(cacheDir) });
    const otherPlain = await reviewTrees({ ...common, headDir: otherHead, ...changed });
    expect(decided(other)).toEqual(decided(otherPlain));
    // Base's signup.ts was analyzed by the first review (changed files: as describe.ts's importer).
    expect(other.stats.fromCache).toBeGreaterThanOrEqual(incremental ? 1 : BASE_SOURCES);
  });
});

const BASE_SOURCES = Object.keys(BASE).filter((f) => f.endsWith('.ts')).length;
