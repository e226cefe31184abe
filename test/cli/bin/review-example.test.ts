import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../../harness/bin.js';
import { REPO } from '../../harness/cli.js';
import type { Review } from '../../../src/review/types.js';

beforeAll(ensureBuilt);

function example(format: string) {
  return spawnSync('sh', [path.join(REPO, 'examples/pr-scenario/run.sh'), format], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
}

/** `npm run review:example` (examples/pr-scenario/run.sh) shows what the README says it shows. */
test('the README shows the example review as it is printed', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const shown = /`npm run review:example` shows one[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(shown).toContain('Privacy review: Review required');
  const r = example('text');
  expect(r.status).toBe(0);
  for (const line of shown!.trimEnd().split('\n')) expect(r.stdout).toContain(line);
});

test('the example pull request: review required for Mailchimp and the phone number to Segment; the rename is not new', () => {
  const r = example('json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const review = JSON.parse(r.stdout) as Review;
  expect(review.verdict.decision).toBe('review_required');
  expect(review.base.ref).toBe('main');
  expect(review.head.ref).toBe('newsletter');
  const brief = (status: string) =>
    review.findings
      .filter((f) => f.status === status)
      .map((f) => `${f.finding.rule} ${f.finding.file} ${f.finding.sink?.id ?? ''} ${f.declared ? 'declared' : 'undeclared'}`.trim());
  expect(brief('new').sort()).toEqual([
    'data-flow src/services/newsletter.ts mailchimp undeclared',
    'data-flow src/services/signup.ts segment undeclared',
    'pii-logging src/services/newsletter.ts pino undeclared',
  ]);
  // The Segment call now also sends the phone number: one changed finding, not a new and a fixed one.
  expect(brief('fixed')).toEqual([]);
  const changed = review.findings.filter((f) => f.previous);
  expect(changed.map((f) => [f.finding.sink?.id, f.finding.categories.filter((c) => !f.previous!.categories.includes(c))])).toEqual([
    ['segment', ['user.contact.phone_number']],
  ]);
  const renamed = review.findings.filter((f) => f.finding.file === 'src/services/support-replies.ts');
  expect(renamed.map((f) => [f.status, f.baseFile, f.finding.sink?.id])).toEqual([['unchanged', 'src/services/support.ts', 'openai']]);
  expect(review.manifest.changes.map((c) => c.summary)).toEqual([
    'flow `mailchimp` added (third_party: user.contact.email, user.name.first)',
  ]);
  expect(review.drift.map((d) => d.sink).sort()).toEqual(['mailchimp', 'segment']);
});
