import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZERS } from '../../analyzers/index.js';
import { runReview } from '../../src/review/run.js';
import type { Review } from '../../src/review/types.js';
import { copyInto, initRepo, reviewChanges } from './git-repo.js';

/*
 * `review` in a git repository writes out only the base side's changed files (and the files that
 * decide scope); its other files are head's. Whatever else the analysis reads from disk (a tsconfig's
 * `extends` target, the Prisma schema that says where the generated client goes) must then be read
 * as the base tree has it, or the base side sees less than `review --full` does and its findings
 * show as new.
 */

const MONOREPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/monorepo');

async function bothReviews(dir: string): Promise<{ fast: Review; full: Review }> {
  const options = { dir, base: 'main', head: 'feature', analyzers: ANALYZERS, today: '2026-01-01' };
  return { fast: await runReview(options), full: await runReview({ ...options, full: true }) };
}

describe('a workspace whose Prisma client is generated where its schema says', () => {
  let fast: Review;
  let full: Review;
  beforeAll(async () => {
    const repo = initRepo();
    copyInto(repo, MONOREPO);
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    // A type the Prisma callers import changes: they are analyzed on both sides.
    repo.write({ 'packages/shared/src/index.ts': 'export interface NewUser {\n  email: string;\n  name: string;\n  plan?: string;\n}\n' });
    repo.commit('feature');
    ({ fast, full } = await bothReviews(repo.dir));
  });

  test('the store calls of the importers are the same finding on both sides', () => {
    expect(fast.stats.scope?.mode).toBe('changed');
    expect(fast.findings.map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}`)).toContain(
      'unchanged data-flow apps/web/src/server/users.ts',
    );
    expect(reviewChanges(fast)).toEqual(reviewChanges(full));
  });
});

describe('a tsconfig whose paths come from an extended file that is not named tsconfig', () => {
  let fast: Review;
  let full: Review;
  beforeAll(async () => {
    const repo = initRepo();
    repo.write({
      'tsconfig.json': JSON.stringify({ extends: './config/typescript.json' }),
      'config/typescript.json': JSON.stringify({ compilerOptions: { baseUrl: '..', paths: { '@lib/*': ['src/lib/*'] } } }),
      'src/lib/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
      'src/lib/user.ts': 'export interface User {\n  id: string;\n  email: string;\n}\n',
      'src/audit.ts':
        "import { logger } from '@lib/logger';\nimport type { User } from '@lib/user';\n\nexport function audit(user: User) {\n  logger.info({ email: user.email }, 'audit');\n}\n",
    });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'src/lib/user.ts': 'export interface User {\n  id: string;\n  email: string;\n  plan: string;\n}\n' });
    repo.commit('feature');
    ({ fast, full } = await bothReviews(repo.dir));
  });

  test('the importer resolves the alias on both sides: its finding is unchanged', () => {
    expect(fast.stats.scope?.mode).toBe('changed');
    expect(full.findings.map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}`)).toContain('unchanged pii-logging src/audit.ts');
    expect(reviewChanges(fast)).toEqual(reviewChanges(full));
    expect(fast.errors).toEqual(full.errors);
  });
});

describe('a change to how imports resolve, in files that are not scope files', () => {
  const TREE = {
    'tsconfig.json': JSON.stringify({ extends: './config/typescript.json' }),
    'config/typescript.json': JSON.stringify({ compilerOptions: { baseUrl: '..', paths: { '@lib/*': ['src/lib/*'] } } }),
    'src/lib/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
    'src/lib/user.ts': 'export interface User {\n  id: string;\n  email: string;\n}\n',
    'src/audit.ts':
      "import { logger } from '@lib/logger';\nimport type { User } from '@lib/user';\n\nexport function audit(user: User) {\n  logger.info({ email: user.email }, 'audit');\n}\n",
    'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client"\n  output   = "../src/generated/prisma"\n}\n',
    'src/db.ts': "import { PrismaClient } from './generated/prisma/client';\n\nexport const db = new PrismaClient();\n",
    'src/save.ts':
      "import { db } from './db';\nimport type { User } from '@lib/user';\n\nexport async function save(user: User) {\n  await db.contact.create({ data: { email: user.email } });\n}\n",
  };
  const reviewOf = async (edits: Record<string, string>) => {
    const repo = initRepo();
    repo.write(TREE);
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(edits);
    repo.commit('feature');
    return bothReviews(repo.dir);
  };

  test('the alias moves in an extended file: every file is analyzed, and the findings are the full review’s', async () => {
    const { fast, full } = await reviewOf({
      'config/typescript.json': JSON.stringify({ compilerOptions: { baseUrl: '..', paths: { '@lib/*': ['src/shared/*'] } } }),
      'src/shared/logger.ts': 'export const logger = { info: (..._args: unknown[]) => undefined };\n',
      'src/shared/user.ts': 'export interface User {\n  id: string;\n  email: string;\n}\n',
    });
    expect(full.findings.map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}`)).toContain('fixed pii-logging src/audit.ts');
    expect(fast.stats.scope).toMatchObject({ mode: 'full', reason: expect.stringMatching(/how imports resolve/) });
    expect(reviewChanges(fast)).toEqual(reviewChanges(full));
  });

  test('the Prisma client is generated elsewhere: every file is analyzed, and the findings are the full review’s', async () => {
    const { fast, full } = await reviewOf({
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client"\n  output   = "../generated/client"\n}\n',
    });
    expect(full.findings.map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}`)).toContain('fixed data-flow src/save.ts');
    expect(fast.stats.scope).toMatchObject({ mode: 'full', reason: expect.stringMatching(/how imports resolve/) });
    expect(reviewChanges(fast)).toEqual(reviewChanges(full));
  });

  test('hard negative: a model added to the schema leaves the resolution alone, and the review stays incremental', async () => {
    const { fast, full } = await reviewOf({
      'prisma/schema.prisma': `${TREE['prisma/schema.prisma']}\nmodel Contact {\n  id    Int    @id\n  email String\n}\n`,
    });
    expect(fast.stats.scope?.mode).toBe('changed');
    expect(reviewChanges(fast)).toEqual(reviewChanges(full));
  });
});
