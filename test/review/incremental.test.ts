import { rmSync } from 'node:fs';
import { ANALYZERS } from '../../analyzers/index.js';
import { reviewTrees } from '../../src/review/run.js';
import type { Review } from '../../src/review/types.js';
import { reviewChanges, writeTree } from './git-repo.js';

/*
 * The fast path of a review (only the changed files and the files that import them, each side
 * loading just what they import) against the reference path (every file on both sides): the new and
 * fixed findings and the decision must be the same, whatever the change.
 */

const BASE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/models/user.ts': 'export interface User {\n  id: string;\n  email: string;\n  plan: string;\n}\n',
  'src/lib/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
  'src/lib/analytics.ts':
    "import { Analytics } from '@segment/analytics-node';\n\nexport const analytics = new Analytics({ writeKey: 'k' });\n",
  'src/lib/describe.ts':
    "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  return user.id;\n}\n",
  'src/services/signup.ts':
    "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\nimport { describe } from '../lib/describe';\n\nexport function signup(user: User) {\n  logger.info(describe(user));\n}\n",
  'src/services/audit.ts':
    "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\n\nexport function audit(user: User) {\n  logger.info({ user }, 'audit');\n}\n",
  'src/services/track.ts':
    "import { analytics } from '../lib/analytics';\n\nexport function trackSignup(properties: Record<string, unknown>) {\n  analytics.track({ userId: 'u', event: 'signup', properties });\n}\n",
  'src/routes/users.ts':
    "import type { User } from '../models/user';\nimport { signup } from '../services/signup';\nimport { trackSignup } from '../services/track';\n\nexport function post(user: User) {\n  signup(user);\n  trackSignup({ plan: user.plan });\n}\n",
  'src/unrelated/inventory.ts': 'export function note(customerEmail: string) {\n  console.log(customerEmail);\n}\n',
  'src/legacy/globals.ts': 'function legacyLog(message: string) {\n  console.log(message);\n}\n',
  'prisma/schema.prisma': 'model Customer {\n  id    Int    @id\n  email String\n}\n',
};

interface Scenario {
  /** Head = base with these files replaced (`null`: deleted). */
  edits: Record<string, string | null>;
  renames?: Record<string, string>;
  /** The fast path must take this mode. */
  mode: 'changed' | 'full';
  /** A finding the change must produce (`status rule file`), to show the scenario tests something. */
  expect?: string;
}

const SCENARIOS: Record<string, Scenario> = {
  'a changed helper makes an unchanged caller log personal data': {
    edits: {
      'src/lib/describe.ts':
        "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  return `${user.id} <${user.email}>`;\n}\n",
    },
    mode: 'changed',
    expect: 'new pii-logging src/services/signup.ts',
  },
  'a model gains a field that unchanged importers log': {
    edits: { 'src/models/user.ts': 'export interface User {\n  id: string;\n  email: string;\n  plan: string;\n  ssn: string;\n}\n' },
    mode: 'changed',
    expect: 'new pii-logging src/services/audit.ts',
  },
  'a caller sends new data through an unchanged helper': {
    edits: {
      'src/routes/users.ts':
        "import type { User } from '../models/user';\nimport { signup } from '../services/signup';\nimport { trackSignup } from '../services/track';\n\nexport function post(user: User) {\n  signup(user);\n  trackSignup({ plan: user.plan, email: user.email });\n}\n",
    },
    mode: 'changed',
    expect: 'new data-flow src/routes/users.ts',
  },
  'files deleted, added and renamed': {
    edits: {
      'src/unrelated/inventory.ts': null,
      'src/services/newsletter.ts':
        "import type { User } from '../models/user';\nimport { analytics } from '../lib/analytics';\n\nexport function subscribe(user: User) {\n  analytics.identify({ userId: user.id, traits: { email: user.email } });\n}\n",
      'src/routes/users.ts': null,
      'src/routes/accounts.ts': BASE['src/routes/users.ts']!,
    },
    renames: { 'src/routes/users.ts': 'src/routes/accounts.ts' },
    mode: 'changed',
    expect: 'fixed pii-logging src/unrelated/inventory.ts',
  },
  'a prisma schema gains a field': {
    edits: { 'prisma/schema.prisma': 'model Customer {\n  id    Int    @id\n  email String\n  phone String\n}\n' },
    mode: 'changed',
    expect: 'new pii-field prisma/schema.prisma',
  },
  'a script that declares globals changes: every file is analyzed': {
    edits: { 'src/legacy/globals.ts': 'function legacyLog(message: string, email: string) {\n  console.log(message, email);\n}\n' },
    mode: 'full',
    expect: 'new pii-logging src/legacy/globals.ts',
  },
  'a .gitignore changes: every file is analyzed': {
    edits: { '.gitignore': 'src/unrelated/\n' },
    mode: 'full',
    expect: 'fixed pii-logging src/unrelated/inventory.ts',
  },
};

const tree = (files: Record<string, string | null>) => writeTree(files);

const changes = reviewChanges;
const brief = (r: Review) => r.findings.map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}`);

describe.each(Object.entries(SCENARIOS))('%s', (_name, scenario) => {
  let full: Review;
  let fast: Review;
  beforeAll(async () => {
    const baseDir = tree(BASE);
    const headDir = tree({ ...BASE, ...scenario.edits });
    const renames = new Map(Object.entries(scenario.renames ?? {}));
    const common = { baseDir, headDir, renames, analyzers: ANALYZERS, today: '2026-01-01' };
    full = await reviewTrees(common);
    fast = await reviewTrees({ ...common, changed: Object.keys(scenario.edits) });
  });

  test('the change shows (the scenario is meaningful)', () => {
    expect(brief(full)).toContain(scenario.expect);
  });

  test('same new and fixed findings, decision and drift as the full review', () => {
    expect(changes(fast)).toEqual(changes(full));
    expect(fast.verdict.decision).toBe(full.verdict.decision);
    expect(fast.verdict.reasons).toEqual(full.verdict.reasons);
    expect(fast.drift.map((d) => d.finding.id)).toEqual(full.drift.map((d) => d.finding.id));
  });

  test(`takes the ${scenario.mode} path`, () => {
    expect(fast.stats.scope?.mode).toBe(scenario.mode);
    if (scenario.mode === 'full') expect(fast.stats.scope?.reason).toMatch(/declares globals|\.gitignore changed/);
    else expect(fast.stats.headFiles).toBeLessThan(full.stats.headFiles);
  });

  test('unchanged findings it reports are the full review’s', () => {
    const all = new Set(full.findings.map((f) => `${f.status} ${f.finding.id}`));
    for (const f of fast.findings) expect(all).toContain(`${f.status} ${f.finding.id}`);
  });
});

test('the scope names what was analyzed: the changed files and their importers, loading what those import', async () => {
  const baseDir = tree(BASE);
  const headDir = tree({ ...BASE, ...SCENARIOS['a changed helper makes an unchanged caller log personal data']!.edits });
  const r = await reviewTrees({ baseDir, headDir, analyzers: ANALYZERS, changed: ['src/lib/describe.ts'] });
  // describe.ts <- signup.ts <- routes/users.ts; they load user.ts, logger.ts, track.ts, analytics.ts and the global script
  expect(r.stats.scope).toEqual({ mode: 'changed', changed: 1, dependents: 2, cutOff: 0, loaded: { base: 8, head: 8 } });
  expect(r.stats.headFiles).toBe(3);
  expect(r.stale).toEqual([]);
  rmSync(baseDir, { recursive: true, force: true });
});
