import { renderText } from '../../src/report/text.js';
import { finding, METAS, richResult, scanResult } from './fixture.js';

const ANSI = /\u001b\[/;

// What a developer reads in a terminal: grouped by file, trace under each finding, the rest summed up at the end.
test('groups findings by file with line:col, severity, rule, message, categories and sink', () => {
  const text = renderText(richResult(), { rules: METAS });
  expect(text).toContain('src/user.ts\n');
  expect(text).toContain('  12:5  high    pii-logging  Email address of a user is written to the log.  [user.contact.email]  → console\n');
  expect(text).toContain('  3:3   medium  pii-field    Field User.email holds personal data.  [user.contact.email, user.name]\n');
  expect(text).toContain(
    'src/analytics.ts\n  7:1  low     data-flow    Postal code is sent to Segment analytics.  [user.contact.address.postal_code]  → Segment analytics (segment)\n',
  );
});

test('the trace is indented below its finding, source first, sink last, with file:line', () => {
  const lines = renderText(richResult(), { rules: METAS }).split('\n');
  const at = lines.findIndex((l) => l.includes('12:5'));
  expect(lines.slice(at + 1, at + 4)).toEqual([
    '        from src/user.ts:10  user.email read from parameter user',
    '        via  src/user.ts:11  copied into payload',
    '        to   src/user.ts:12  passed to console.log',
  ]);
});

test('suppressed findings are counted, and listed with their reason only on request', () => {
  const hidden = renderText(richResult(), { rules: METAS });
  expect(hidden).not.toContain('src/debug.ts');
  expect(hidden).toContain('2 suppressed findings not shown (--show-suppressed lists them).');
  const shown = renderText(richResult(), { rules: METAS, showSuppressed: true });
  expect(shown).toContain('src/debug.ts\n  4:5  high    pii-logging');
  expect(shown).toContain('(suppressed by inline: local debugging only)');
  expect(shown).not.toContain('not shown');
});

test('skipped files, errors and the summary line come last, in that order', () => {
  const text = renderText(richResult(), { rules: METAS });
  const skipped = text.indexOf('Skipped 2 files:\n  dist  directory is build or cache output\n');
  const errors = text.indexOf('Errors (1):\n  src/broken.ts:3:7  Syntax error: ";" expected.\n');
  const summary = text.indexOf(
    '✖ 3 findings (1 high, 1 medium, 1 low) · pii-field 1, pii-logging 1, data-flow 1 · 2 suppressed · 2 skipped · 1 error · 42 files, 3,210 lines in 1.2 s\n',
  );
  expect(skipped).toBeGreaterThan(0);
  expect(errors).toBeGreaterThan(skipped);
  expect(summary).toBeGreaterThan(errors);
});

test('a clean scan is one reassuring line', () => {
  expect(renderText(scanResult([]), { rules: METAS })).toBe('✔ No findings · 42 files, 3,210 lines in 1.2 s\n');
});

test('long skip lists are cut with a count of the rest', () => {
  const skipped = Array.from({ length: 25 }, (_, i) => ({ file: `gen/${i}.ts`, reason: 'generated' }));
  const text = renderText(scanResult([], { skipped }), { rules: METAS });
  expect(text).toContain('  … and 5 more (--format json lists all)');
  expect(text).not.toContain('gen/24.ts');
});

test('colour only when asked for', () => {
  expect(renderText(richResult(), { rules: METAS })).not.toMatch(ANSI);
  const coloured = renderText(scanResult([finding()]), { rules: METAS, color: true });
  expect(coloured).toMatch(ANSI);
  expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderText(scanResult([finding()]), { rules: METAS }));
});
