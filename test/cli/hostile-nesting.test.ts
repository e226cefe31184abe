import { runCli } from '../harness/cli.js';
import { LEAKY, project, STACK_LINE } from './project.js';
import type { ScanResult } from '../../src/core/contract.js';

/** 100,000 parentheses, one per line: more than TypeScript's parser can nest. */
const DEEP = { 'src/deep.ts': `export const deep = ${'(\n'.repeat(100_000)}1${'\n)'.repeat(100_000)};\n` };

test('a file nested too deeply to parse is reported, and the scan prints the other findings and exits as usual', async () => {
  const root = project({ ...LEAKY, ...DEEP });
  const r = await runCli(['scan', root, '--fail-on', 'none']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/src\/user\.ts/);
  expect(r.stdout).toMatch(/user\.email/);
  expect(r.stdout).toContain(
    'src/deep.ts:257  Not analyzed: nested too deeply for the TypeScript parser (brackets nest deeper than 256 levels at line 257); split it up',
  );
  expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
  expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
});

test('the JSON report has the other file’s findings and the deep file in errors; findings still fail the build', async () => {
  const root = project({ ...LEAKY, ...DEEP });
  const r = await runCli(['scan', root, '--format', 'json', '--fail-on', 'low']);
  expect(r.status).toBe(1);
  const result = JSON.parse(r.stdout) as ScanResult;
  expect(result.findings.some((f) => f.file === 'src/user.ts' && f.rule === 'pii-logging')).toBe(true);
  expect(result.errors).toEqual([expect.objectContaining({ file: 'src/deep.ts', line: 257 })]);
});
