import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANALYZERS } from '../../../analyzers/index.js';
import { reviewAndPrepare, type TreesInput } from '../../../src/app/pipeline/trees.js';
import type { Severity } from '../../../src/core/contract.js';
import { reviewTrees } from '../../../src/review/run.js';
import { reviewFingerprint } from '../../../src/review/verdict.js';

/**
 * The repository's `threshold` leaves findings below it out of the review: out of the checklist,
 * the verdict and the fingerprint (an approval does not lapse because of one). The review decides
 * its verdict once, with the threshold applied.
 */
const USER = 'export interface User { id: string; email: string; phone: string }\n';
const LEAK = "import type { User } from './user';\nexport function greet(user: User) {\n  console.log('hello', user.email);\n}\n";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-threshold-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function input(threshold: Severity): TreesInput {
  return {
    options: { baseDir: tree({ 'README.md': 'x' }), headDir: tree({ 'src/user.ts': USER, 'src/greet.ts': LEAK }) },
    settings: { threshold },
    repoName: 'shop',
    repoUrl: 'https://github.com/acme/shop',
    headSha: 'a'.repeat(40),
    skipped: [],
  };
}

test('the review gets the threshold (none at low) and its verdict covers only what is shown', async () => {
  const low = await reviewAndPrepare(reviewTrees, ANALYZERS, input('low'));
  const severities = new Set(low.review.findings.map((r) => r.finding.severity));
  // The fixture must have findings on both sides of the threshold for this test to mean anything.
  const min: Severity = severities.has('high') ? 'high' : 'medium';
  expect(low.review.findings.some((r) => r.finding.severity !== min && r.finding.severity !== 'high')).toBe(true);
  expect(low.review.findings.some((r) => r.finding.severity === min)).toBe(true);

  const cut = await reviewAndPrepare(reviewTrees, ANALYZERS, input(min));
  const dropped = low.review.findings.length - cut.review.findings.length;
  expect(dropped).toBeGreaterThan(0);
  expect(cut.review.findings.every((r) => r.finding.severity === min || r.finding.severity === 'high')).toBe(true);
  expect(cut.review.notes).toContain(
    `${dropped} finding${dropped === 1 ? ' is' : 's are'} below the repository's severity threshold (${min}) and not shown.`,
  );
  // One verdict: its fingerprint is that of the findings shown, not of every finding.
  expect(cut.review.verdict.reviewFingerprint).toBe(
    reviewFingerprint({ findings: cut.review.findings, manifestContent: undefined, configChanges: [], excluded: cut.review.excluded }),
  );
  expect(cut.review.verdict.reviewFingerprint).not.toBe(low.review.verdict.reviewFingerprint);
  expect(cut.asked.length).toBeLessThan(low.asked.length);
}, 60_000);

test('a stubbed review is told the threshold', async () => {
  const seen: (Severity | undefined)[] = [];
  const stub = async (o: { minSeverity?: Severity }) => {
    seen.push(o.minSeverity);
    return (await import('../helpers/review.js')).makeReview([]);
  };
  await reviewAndPrepare(stub as never, [], input('medium'));
  await reviewAndPrepare(stub as never, [], input('low'));
  expect(seen).toEqual(['medium', undefined]);
});
