import { labelFile } from '../../bench/real/labels.js';
import { matchesFinding, matchesSite } from '../../bench/real/match.js';
import type { Finding } from '../../src/core/contract.js';

/** How bench:real pairs today's findings with the labels people wrote by reading real code. */
const finding = (extra: Partial<Finding>): Finding => ({
  id: 'x',
  rule: 'data-flow',
  severity: 'medium',
  file: 'src/mail.ts',
  line: 30,
  column: 3,
  endLine: 30,
  endColumn: 9,
  message: 'Sends email address to nodemailer.',
  categories: ['user.contact.email'],
  symbol: 'sendMail',
  sink: { kind: 'third_party', id: 'nodemailer', package: 'nodemailer' },
  trace: [],
  suppressed: false,
  confidence: 'high',
  remediation: '',
  ...extra,
});
const site = { file: 'src/mail.ts', line: 31, rule: 'data-flow' as const, sink: 'nodemailer', categories: ['user.contact'], reason: 'r' };

test.each<[string, Partial<Finding>, 'right' | 'other data' | 'no']>([
  ['same place, sink and a child category', {}, 'right'],
  ['a few lines off (a multi-line call)', { line: 28 }, 'right'],
  ['too far', { line: 40 }, 'no'],
  ['another file', { file: 'src/other.ts' }, 'no'],
  ['another rule', { rule: 'pii-logging' }, 'no'],
  ['another sink', { sink: { kind: 'http', id: 'http:unknown' } }, 'other data'],
  ['unrelated data', { categories: ['user.device.ip_address'] }, 'other data'],
  ['a sink of the expected package', { sink: { kind: 'third_party', id: 'smtp', package: 'nodemailer' } }, 'right'],
])('a site and a finding at %s: %s', (_name, extra, expected) => {
  expect(matchesSite(site, [finding(extra)])).toBe(expected);
});

test('a field site is found by its field, not by a neighbour on the next line', () => {
  const field = {
    file: 'src/user.ts',
    line: 3,
    rule: 'pii-field' as const,
    symbol: 'User.email',
    categories: ['user.contact.email'],
    reason: 'r',
  };
  const f = (symbol: string, line: number) => finding({ rule: 'pii-field', file: 'src/user.ts', line, symbol, sink: null });
  expect(matchesSite(field, [f('User.phone', 3)])).toBe('no');
  expect(matchesSite(field, [f('User.email', 9)])).toBe('right');
});

test('a judged finding matches by file, rule, line, sink, and the symbol of a field', () => {
  const judged = { file: 'src/mail.ts', line: 30, rule: 'data-flow' as const, sink: 'nodemailer', verdict: true, reason: 'r' };
  expect(matchesFinding(judged, finding({}))).toBe(true);
  expect(matchesFinding({ ...judged, sink: 'kafka' }, finding({ sink: { kind: 'queue', id: 'kafka:user-events' } }))).toBe(true);
  expect(matchesFinding({ ...judged, sink: 'segment' }, finding({}))).toBe(false);
  // The same call now claiming other data is not the finding that was judged.
  expect(matchesFinding({ ...judged, categories: ['user.contact.email'] }, finding({}))).toBe(true);
  expect(
    matchesFinding({ ...judged, categories: ['user.contact.email'] }, finding({ categories: ['user.authorization.credentials'] })),
  ).toBe(false);
  const field = { file: 'src/user.ts', line: 3, rule: 'pii-field' as const, symbol: 'User.email', verdict: true, reason: 'r' };
  expect(matchesFinding(field, finding({ rule: 'pii-field', file: 'src/user.ts', line: 3, symbol: 'User.email', sink: null }))).toBe(true);
  expect(matchesFinding(field, finding({ rule: 'pii-field', file: 'src/user.ts', line: 4, symbol: 'User.phone', sink: null }))).toBe(false);
});

test('a broken label file says which field is wrong', () => {
  const good = { repo: 'o/r', commit: 'a'.repeat(40), shape: 's', labelledWith: 'abc', findings: [], sites: [] };
  expect(labelFile(good, 'bench/real/labels/o__r.yaml')).toMatchObject({ repo: 'o/r', scanRoot: '.' });
  expect(() => labelFile({ ...good, commit: 'main' }, 'bench/real/labels/o__r.yaml')).toThrow(
    'bench/real/labels/o__r.yaml: commit: expected a full 40-hex commit',
  );
  expect(() => labelFile({ ...good, sites: [{ file: 'a.ts', line: 0, rule: 'data-flow', reason: 'r' }] }, 'o__r.yaml')).toThrow(
    'sites[0].line: expected a line number',
  );
  expect(() => labelFile({ ...good, findings: [{ file: 'a.ts', line: 1, rule: 'data-flow', reason: 'r' }] }, 'o__r.yaml')).toThrow(
    'findings[0].verdict: expected true or false',
  );
});
