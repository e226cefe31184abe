import { runCli } from '../harness/cli.js';
import { LEAKY, project } from './project.js';
import type { ScanResult, Severity } from '../../src/core/contract.js';

/*
 * Exit codes against the real analyzers (analyzers/index.ts): these need an analyzer that reports
 * `console.log(user.email, user.password)`, so they fail while no analyzer is registered.
 */
const RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

let findings: ScanResult['findings'];
let root: string;
beforeAll(async () => {
  root = project(LEAKY);
  findings = (JSON.parse((await runCli(['scan', root, '--format', 'json', '--fail-on', 'none'])).stdout) as ScanResult).findings;
});

test('the fixture has findings (the analyzers are registered)', async () => {
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.some((f) => f.rule === 'pii-logging' && f.file === 'src/user.ts' && f.line === 3)).toBe(true);
});

test.each(['high', 'medium', 'low'] as const)('--fail-on %s exits 1 exactly when a finding is at or above it', async (threshold) => {
  const expected = findings.some((f) => !f.suppressed && RANK[f.severity] >= RANK[threshold]) ? 1 : 0;
  expect((await runCli(['scan', root, '--fail-on', threshold])).status).toBe(expected);
});

test('--fail-on low fails and --fail-on none never does', async () => {
  expect((await runCli(['scan', root, '--fail-on', 'low'])).status).toBe(1);
  expect((await runCli(['scan', root, '--fail-on', 'none'])).status).toBe(0);
});

test('failOn from the configuration applies when the flag is absent, and the flag wins over it', async () => {
  const configured = project({ ...LEAKY, '.privacy-review.yml': 'failOn: low\n' });
  expect((await runCli(['scan', configured])).status).toBe(1);
  expect((await runCli(['scan', configured, '--fail-on', 'none'])).status).toBe(0);
});

test('suppressed findings never fail the build', async () => {
  const suppressed = project({
    ...LEAKY,
    '.privacy-review.yml': 'ignore:\n  - paths: ["src/**"]\n    reason: test fixture with fake data\n',
  });
  const r = await runCli(['scan', suppressed, '--fail-on', 'low']);
  expect(r.stdout).toMatch(/suppressed findings? not shown/);
  expect(r.status).toBe(0);
  const listed = await runCli(['scan', suppressed, '--fail-on', 'low', '--show-suppressed']);
  expect(listed.stdout).toContain('(suppressed by config: test fixture with fake data)');
  expect(listed.status).toBe(0);
});
