import '@microsoft/jest-sarif';
import { runCli } from '../harness/cli.js';
import type { ScanResult } from '../../src/core/contract.js';

// The README quick start: the built bin on the bundled example, in every format.
const EXAMPLE = 'examples/shop';

test('json: the example finds a field, a log leak and a flow of each kind it plants', async () => {
  const r = await runCli(['scan', EXAMPLE, '--format', 'json', '--fail-on', 'none']);
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout) as ScanResult;
  const has = (rule: string, file: string, sink?: string) =>
    result.findings.some((f) => f.rule === rule && f.file === file && (!sink || f.sink?.id === sink));
  expect(has('pii-field', 'src/models/user.entity.ts')).toBe(true);
  expect(has('pii-field', 'prisma/schema.prisma')).toBe(true);
  expect(has('pii-logging', 'src/services/billing.ts', 'pino')).toBe(true);
  expect(has('pii-logging', 'src/services/billing.ts', 'thrown-error')).toBe(true);
  expect(has('data-flow', 'src/services/signup.ts', 'segment')).toBe(true);
  expect(has('data-flow', 'src/services/support.ts', 'openai')).toBe(true);
  expect(has('data-flow', 'src/services/billing.ts', 'http:crm.example.com')).toBe(true);
  // masked, redacted and opaque-id log calls in signup.ts are not leaks
  expect(result.findings.filter((f) => f.rule === 'pii-logging' && f.file === 'src/services/signup.ts')).toHaveLength(1);
  expect(result.findings.filter((f) => f.suppressed)).toEqual([
    expect.objectContaining({
      file: 'src/routes/users.ts',
      suppression: { kind: 'inline', reason: expect.stringMatching(/local development/) },
    }),
  ]);
  expect(result.errors).toEqual([]);
});

test('text with the default threshold exits 1 on the high-severity card data leak', async () => {
  const r = await runCli(['scan', EXAMPLE]);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/high\s+pii-logging\s+Logs .*payment card number/);
  expect(r.stdout).toMatch(/1 suppressed/);
});

test('sarif of the example is valid SARIF 2.1.0 with one result per finding', async () => {
  const json = JSON.parse((await runCli(['scan', EXAMPLE, '--format', 'json', '--fail-on', 'none'])).stdout) as ScanResult;
  const r = await runCli(['scan', EXAMPLE, '--format', 'sarif', '--fail-on', 'none']);
  const log = JSON.parse(r.stdout);
  expect(log).toBeValidSarifLog();
  expect(log.runs[0].results).toHaveLength(json.findings.length);
  const ids = log.runs[0].results.map((x: { partialFingerprints: Record<string, string> }) => Object.values(x.partialFingerprints)[0]);
  expect(new Set(ids)).toEqual(new Set(json.findings.map((f) => f.id)));
});

test('markdown of the example is a summary table followed by findings', async () => {
  const r = await runCli(['scan', EXAMPLE, '--format', 'markdown', '--fail-on', 'none']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^## Privacy review/);
  expect(r.stdout).toContain('`openai`');
});
