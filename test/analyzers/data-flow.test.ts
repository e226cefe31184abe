import { scanFixture } from './fixture-scan.js';
import { ANALYZERS } from '../../analyzers/index.js';
import type { ScanResult } from '../../src/core/contract.js';
import type { FixtureReport } from '../harness/fixtures.js';

let result: ScanResult;
let report: FixtureReport;

beforeAll(async () => {
  ({ result, report } = await scanFixture('data-flow', ANALYZERS, ['data-flow']));
});

test('every annotated line of the data-flow fixtures is found, and nothing else', () => {
  expect(report.problems).toEqual([]);
  expect(report.truePositives).toBeGreaterThan(20);
});

test('a vendor call with no proven personal data is reported at low severity with no categories', () => {
  const f = result.findings.find((x) => x.rule === 'data-flow' && x.categories.length === 0 && x.sink?.id === 'segment')!;
  expect(f).toMatchObject({ severity: 'low', sink: { id: 'segment', kind: 'third_party' } });
});

test('AI flows name the vendor and carry the prompt data', () => {
  const f = result.findings.find((x) => x.sink?.id === 'openai')!;
  expect(f.sink).toMatchObject({ kind: 'third_party', package: 'openai' });
  expect(f.message).toMatch(/openai/i);
  // source where the prompt is built, then the SDK call
  expect(f.trace.map((t) => t.line)).toEqual([9, 11]);
  expect(f.trace[0]!.note).toMatch(/customer\.(firstName|lastName|email)/);
});

test('HTTP destinations resolve from literals, constants across files and axios baseURL', () => {
  const ids = new Set(result.findings.filter((x) => x.sink?.kind === 'http').map((x) => x.sink!.id));
  expect(ids).toEqual(new Set(['http:api.example.com', 'http:crm.example.com', 'http:unknown', 'http:www.google.com']));
});
