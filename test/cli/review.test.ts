import path from 'node:path';
import { type CliRun, runCli } from '../harness/cli.js';
import { STACK_LINE } from './project.js';
import { gitIn, initRepo, openRepo, tempDir, type TestRepo } from '../review/git-repo.js';
import type { Review } from '../../src/review/types.js';

/*
 * `privacy-review review` end to end through the built CLI, on small git repositories: a base commit
 * on main and one branch per pull-request scenario, shared by the tests (each review scans twice).
 */

const USER = `export interface User {
  id: string;
  email: string;
  firstName: string;
  ssn: string;
}
`;

const LOGGER = `import pino from 'pino';

export const logger = pino({ level: 'info' });
`;

const SIGNUP = `import type { User } from './user';
import { logger } from './lib/logger';

export async function register(user: User) {
  logger.info({ userId: user.id }, 'user registered');
  return user.id;
}

export function welcome(user: User) {
  logger.info({ userId: user.id }, 'welcome sent');
}
`;

const BILLING = `import Stripe from 'stripe';
import type { User } from './user';

const stripe = new Stripe(process.env.STRIPE_KEY ?? '');

export async function createCustomer(user: User) {
  return stripe.customers.create({ email: user.email, name: user.firstName });
}

export function invoiceTitle(id: string) {
  return \`Invoice \${id}\`;
}
`;

const MANIFEST = `version: 1
system:
  name: shop
  owner: "@acme/shop"
datasets:
  - id: users
    retention: until account deletion
    fields:
      - symbol: User.*
        categories: [user.unique_id, user.contact.email, user.name.first, user.government_id]
flows:
  - id: stripe
    kind: third_party
    categories: [user.contact.email, user.name.first]
    countries: [US]
    transferMechanism: scc
    processor: Stripe, Inc.
purposes:
  - id: payments
    dataUse: essential.service.payment_processing
    dataSubjects: [customer]
    categories: [user.contact.email, user.name.first, user.unique_id, user.government_id]
    legalBasis: contract
    flows: [stripe]
    datasets: [users]
logging:
  allowedCategories: [user.unique_id]
`;

/** The Segment pull request: the user's email goes to Segment, which the manifest does not declare. */
const SIGNUP_WITH_SEGMENT = SIGNUP.replace(
  "import type { User } from './user';",
  "import { Analytics } from '@segment/analytics-node';\nimport type { User } from './user';\n\nconst analytics = new Analytics({ writeKey: process.env.SEGMENT_KEY ?? '' });",
).replace('  return user.id;\n}', '  analytics.identify({ userId: user.id, traits: { email: user.email } });\n  return user.id;\n}');

const SEGMENT_DECLARED = MANIFEST.replace(
  'purposes:\n',
  `  - id: segment
    kind: third_party
    categories: [user.contact.email, user.unique_id]
    countries: [US]
    transferMechanism: scc
    processor: Twilio Inc.
purposes:
  - id: product-analytics
    dataUse: analytics.reporting
    dataSubjects: [customer]
    categories: [user.contact.email, user.unique_id]
    legalBasis: consent
    flows: [segment]
    datasets: []
`,
);

let repo: TestRepo;
let BASE_SHA: string;

beforeAll(() => {
  repo = initRepo();
  repo.write({
    'src/user.ts': USER,
    'src/lib/logger.ts': LOGGER,
    'src/signup.ts': SIGNUP,
    'src/billing.ts': BILLING,
    '.privacy/manifest.yml': MANIFEST,
  });
  BASE_SHA = repo.commit('base');
  const branch = (name: string, files: Record<string, string | null>) => {
    repo.git('checkout', '-q', '-b', name, 'main');
    repo.write(files);
    repo.commit(name);
  };
  branch('segment', { 'src/signup.ts': SIGNUP_WITH_SEGMENT });
  branch('refactor', {
    // reformatted (quotes, indentation, blank lines), functions swapped, and billing.ts renamed
    'src/signup.ts': `import type { User } from "./user";\nimport { logger } from "./lib/logger";\n\n\nexport function welcome(user: User) {\n    logger.info({ userId: user.id }, "welcome sent");\n}\n\nexport async function register(user: User) {\n    logger.info(\n      { userId: user.id },\n      "user registered",\n    );\n    return user.id;\n}\n`,
    'src/billing.ts': null,
    'src/payments/billing.ts': BILLING.replace("from './user'", "from '../user'"),
  });
  branch('ssn-log', { 'src/signup.ts': SIGNUP.replace("'welcome sent');", "'welcome sent');\n  logger.info(user.ssn);") });
  branch('declared', { 'src/signup.ts': SIGNUP_WITH_SEGMENT, '.privacy/manifest.yml': SEGMENT_DECLARED });
  branch('bad-manifest', {
    '.privacy/manifest.yml': MANIFEST.replace(
      'categories: [user.contact.email, user.name.first]\n    countries',
      'categories: [user.contact.emial, user.name.first]\n    countries',
    ),
  });
  // a PR that tries to silence the check by changing the rules it is judged by
  branch('own-rules', {
    'src/signup.ts': SIGNUP_WITH_SEGMENT,
    '.privacy-review.yml': 'ignore:\n  - paths: ["src/**"]\n    reason: not our problem\n',
  });
  repo.git('checkout', '-q', 'main');
});

function review(head: string, ...extra: string[]): Promise<CliRun> {
  return runCli(['review', '--base', 'main', '--head', head, repo.dir, ...extra]);
}

async function reviewJson(head: string, ...extra: string[]): Promise<{ run: CliRun; review: Review }> {
  const run = await review(head, '--format', 'json', ...extra);
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { run, review: JSON.parse(run.stdout) as Review };
}

const byStatus = (r: Review, status: string) => r.findings.filter((f) => f.status === status);

test('(a) an undeclared Segment flow: review required, the finding is new, the markdown names it', async () => {
  const md = await review('segment', '--format', 'markdown');
  expect(md.status).toBe(1);
  expect(md.stdout).toContain('Review required');
  expect(md.stdout).toMatch(/`data-flow` `src\/signup\.ts:\d+:\d+` in `register`: Sends .* to Segment/);
  expect(md.stdout).toContain('**Destination:** Segment (`segment`)');

  const { run, review: r } = await reviewJson('segment', '--fail-on', 'fail');
  expect(run.status).toBe(0); // --fail-on fail: review_required does not fail the job
  expect(r.verdict.decision).toBe('review_required');
  const added = byStatus(r, 'new');
  expect(added.map((f) => [f.finding.rule, f.finding.sink?.id, f.declared])).toEqual([['data-flow', 'segment', false]]);
  expect(byStatus(r, 'fixed')).toEqual([]);
  expect(r.base).toEqual({ ref: 'main', sha: BASE_SHA });
  expect(r.head.ref).toBe('segment');
  // by default only the changed files and their importers are analyzed; --full analyzes every file, with the same new findings
  expect(r.stats.scope).toMatchObject({ mode: 'changed' });
  const full = (await reviewJson('segment', '--fail-on', 'none', '--full')).review;
  expect(full.stats.scope).toEqual({ mode: 'full' });
  expect(byStatus(full, 'new').map((f) => f.finding.id)).toEqual(added.map((f) => f.finding.id));
  expect(byStatus(full, 'unchanged').length).toBeGreaterThanOrEqual(5);
  expect(byStatus(r, 'unchanged').length).toBeLessThan(byStatus(full, 'unchanged').length);
});

test('(b) reformatting, moving code and renaming a file: pass, nothing new', async () => {
  const { run, review: r } = await reviewJson('refactor');
  expect(byStatus(r, 'new')).toEqual([]);
  expect(byStatus(r, 'fixed')).toEqual([]);
  expect(r.verdict.decision).toBe('pass');
  expect(run.status).toBe(0);
  const moved = r.findings.filter((f) => f.finding.file === 'src/payments/billing.ts');
  expect(moved.length).toBeGreaterThan(0);
  for (const f of moved) expect(f).toMatchObject({ status: 'unchanged', baseFile: 'src/billing.ts' });
});

test('(c) logging a social security number: fail', async () => {
  const { run, review: r } = await reviewJson('ssn-log');
  expect(r.verdict.decision).toBe('fail');
  expect(run.status).toBe(1);
  expect(byStatus(r, 'new').map((f) => [f.finding.rule, f.finding.severity, f.finding.categories])).toEqual([
    ['pii-logging', 'high', ['user.government_id.national_identification_number']],
  ]);
});

test('(d) declaring the flow in the same pull request: review required for the declaration change', async () => {
  const { run, review: r } = await reviewJson('declared');
  expect(run.status).toBe(1);
  expect(r.verdict.decision).toBe('review_required');
  expect(byStatus(r, 'new').map((f) => [f.finding.sink?.id, f.declared, f.declaration?.id])).toEqual([['segment', true, 'segment']]);
  expect(r.manifest.changes.map((c) => `${c.change} ${c.entity} ${c.id}`)).toEqual([
    'added flow segment',
    'added purpose product-analytics',
  ]);
  expect(r.verdict.reasons.join('\n')).toMatch(/declaration change/);
});

test('(e) a shallow CI clone without the base: exit 2 with the fetch to run', async () => {
  const clone = path.join(tempDir(), 'clone');
  gitIn(path.dirname(clone), ['clone', '-q', '--depth', '1', '--single-branch', '--branch', 'segment', `file://${repo.dir}`, clone]);
  const r = await runCli(['review', '--base', 'origin/main', '--head', 'HEAD', clone]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('base ref "origin/main" is not in this clone');
  expect(r.stderr).toContain('  git fetch --no-tags --unshallow origin +refs/heads/main:refs/remotes/origin/main');
  expect(r.stderr).toContain('fetch-depth: 0');
  expect(r.stderr).not.toMatch(STACK_LINE);
});

test('(f) not a git repository: exit 2, one clear message', async () => {
  const r = await runCli(['review', '--base', 'main', tempDir()]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^privacy-review: .* is not in a git work tree/);
  expect(r.stderr).not.toMatch(STACK_LINE);
});

test('(g) an invalid manifest on head: fail, with file:line', async () => {
  const md = await review('bad-manifest', '--format', 'markdown');
  expect(md.status).toBe(1);
  expect(md.stdout).toMatch(/^## Privacy review: Fail$/m);
  expect(md.stdout).toMatch(/`\.privacy\/manifest\.yml:14:\d+` \*\*error\*\*.*user\.contact\.emial/);
});

test('the configuration comes from the base side: a pull request cannot ignore its own findings', async () => {
  const { run, review: r } = await reviewJson('own-rules');
  expect(r.verdict.decision).toBe('review_required');
  expect(byStatus(r, 'new').map((f) => [f.finding.sink?.id, f.finding.suppressed])).toEqual([['segment', false]]);
  expect(run.stderr).toContain('note: This pull request adds .privacy-review.yml');
});

test('without --head the work tree is reviewed as it is, uncommitted changes included', async () => {
  const clone = path.join(tempDir(), 'work');
  gitIn(path.dirname(clone), ['clone', '-q', repo.dir, clone]);
  const work = openRepo(clone);
  work.write({ 'src/signup.ts': SIGNUP_WITH_SEGMENT });
  const statusBefore = work.git('status', '--porcelain');
  const r = await runCli(['review', '--base', 'origin/main', '--format', 'json'], { cwd: clone });
  const parsed = JSON.parse(r.stdout) as Review;
  expect(byStatus(parsed, 'new').map((f) => f.finding.sink?.id)).toEqual(['segment']);
  expect(parsed.head.ref).toBe('work tree');
  expect(work.git('status', '--porcelain')).toBe(statusBefore);
});

test('usage errors exit 2: no --base, an option as a ref, a manifest outside the reviewed directory', async () => {
  const missing = await runCli(['review', repo.dir]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain("required option '-b, --base <ref>' not specified");
  const injected = await runCli(['review', '--base=--output=/tmp/x', repo.dir]);
  expect(injected.status).toBe(2);
  expect(injected.stderr).toContain('invalid base ref');
  const outside = await runCli(['review', '--base', 'main', '--manifest', '/etc/passwd', repo.dir]);
  expect(outside.status).toBe(2);
  expect(outside.stderr).toContain('is not inside the reviewed directory');
});
