import { scanFixture } from './fixture-scan.js';
import { ANALYZERS } from '../../analyzers/index.js';
import type { ScanResult } from '../../src/core/contract.js';
import type { FixtureReport } from '../harness/fixtures.js';

let result: ScanResult;
let report: FixtureReport;

beforeAll(async () => {
  ({ result, report } = await scanFixture('pii-logging', ANALYZERS, ['pii-logging']));
});

test('every annotated line of the pii-logging fixtures is found, and nothing else', () => {
  expect(report.problems).toEqual([]);
  expect(report.truePositives).toBeGreaterThan(30);
});

test('no fixture file fails to analyze', () => {
  expect(result.errors).toEqual([]);
  expect(result.skipped).toEqual([]);
});

test('a finding names the sink, the categories and the origin, with a trace ending at the sink', () => {
  const f = result.findings.find(
    (x) => x.file === 'src/services/pino.ts' && x.rule === 'pii-logging' && x.message.includes('logger.warn'),
  )!;
  expect(f).toBeDefined();
  expect(f.sink).toMatchObject({ kind: 'logger', id: 'pino', package: 'pino' });
  expect(f.categories).toEqual(['user.name']);
  expect(f.message).toMatch(/user\.fullName/);
  expect(f.symbol).toBe('pinoCases');
  expect(f.trace[0]).toMatchObject({ file: 'src/services/pino.ts' });
  expect(f.trace[f.trace.length - 1]!.note).toMatch(/reaches/);
});

test('a cross-file helper leak is reported at the call site with the path into the helper', () => {
  const f = result.findings.find((x) => x.file === 'src/services/pino.ts' && x.message.includes('audit'))!;
  expect(f).toBeDefined();
  expect(f.categories).toEqual(['user.contact.phone_number']);
  const files = f.trace.map((t) => t.file);
  expect(files).toContain('src/util/log-helpers.ts');
  expect(f.trace.some((t) => t.note.includes('passed to audit()'))).toBe(true);
  expect(f.trace.some((t) => t.note.includes('passed to logEvent()'))).toBe(true);
});

test('severity follows the taxonomy: government ids are high, contact data medium', () => {
  const ssn = result.findings.find((x) => x.categories.some((c) => c.startsWith('user.government_id')))!;
  expect(ssn.severity).toBe('high');
  const email = result.findings.find((x) => x.categories.join() === 'user.contact.email' && x.rule === 'pii-logging')!;
  expect(email.severity).toBe('medium');
});

test('suppressed findings stay in the output with their reason', () => {
  const s = result.findings.filter((x) => x.suppressed);
  expect(s).toHaveLength(1);
  expect(s[0]!.suppression).toEqual({
    kind: 'inline',
    reason: "support export prints to the operator's terminal only, never to log storage",
  });
});
