import { parse } from 'yaml';
import { blindSheet } from '../../bench/real/blind.js';
import type { LabelledRepo } from '../../bench/real/labels.js';
import type { Finding, ScanResult } from '../../src/core/contract.js';

/** A blind audit sheet draws findings at random per rule and shows the judge no verdict. */
const finding = (i: number, rule: Finding['rule']): Finding => ({
  id: `id-${rule}-${i}`,
  rule,
  severity: 'medium',
  file: `src/f${i}.ts`,
  line: i + 1,
  column: 1,
  endLine: i + 1,
  endColumn: 2,
  message: `m${i}`,
  categories: ['user.contact.email'],
  symbol: rule === 'pii-field' ? `User.f${i}` : '',
  sink: rule === 'pii-field' ? null : { kind: 'third_party', id: 'segment', package: '@segment/analytics-node' },
  trace: [],
  suppressed: false,
  confidence: 'high',
  remediation: '',
});
const label: LabelledRepo = { repo: 'o/r', commit: 'a'.repeat(40), shape: 's', scanRoot: '.', labelledWith: 'x', findings: [], sites: [] };
const scan = {
  findings: [
    ...Array.from({ length: 30 }, (_, i) => finding(i, 'data-flow')),
    ...Array.from({ length: 4 }, (_, i) => finding(i, 'pii-field')),
    { ...finding(99, 'pii-logging'), suppressed: true },
  ],
} as unknown as ScanResult;

test('draws up to N per rule, repeatably for a seed, differently for another, without suppressed findings', () => {
  const sheet = parse(blindSheet(label, scan, 5, 's1')) as { population: Record<string, number>; findings: Record<string, unknown>[] };
  expect(sheet.population).toEqual({ 'pii-field': 4, 'pii-logging': 0, 'data-flow': 30 });
  expect(sheet.findings.filter((f) => f.rule === 'data-flow')).toHaveLength(5);
  expect(sheet.findings.filter((f) => f.rule === 'pii-field')).toHaveLength(4);
  expect(sheet.findings.every((f) => f.verdict === null && f.reason === '')).toBe(true);
  expect(blindSheet(label, scan, 5, 's1')).toBe(blindSheet(label, scan, 5, 's1'));
  const other = parse(blindSheet(label, scan, 5, 's2')) as { findings: { file: string }[] };
  expect(other.findings.map((f) => f.file)).not.toEqual(sheet.findings.map((f) => f.file));
});

test('the draw is not the first N by line or id', () => {
  const sheet = parse(blindSheet(label, scan, 5, 's1')) as { findings: { rule: string; line: number }[] };
  const lines = sheet.findings.filter((f) => f.rule === 'data-flow').map((f) => f.line);
  expect(lines).not.toEqual([1, 2, 3, 4, 5]);
});
