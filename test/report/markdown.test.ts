import { escape, renderMarkdown } from '../../src/report/markdown.js';
import { finding, METAS, richResult, scanResult } from './fixture.js';

// For CI job summaries and PR comments: a table of counts, findings by rule, safe against Markdown in code, and bounded in size.
test('a summary table, then findings grouped by rule', () => {
  const md = renderMarkdown(richResult(), { rules: METAS });
  expect(md).toContain(
    '## Privacy review: 3 findings\n\n| Severity | Findings |\n| --- | ---: |\n| High | 1 |\n| Medium | 1 |\n| Low | 1 |\n| Suppressed | 2 |\n',
  );
  expect(md).toContain('42 files · 3,210 lines · 1.2 s · 2 skipped · 1 error');
  const field = md.indexOf('### pii-field: Personal data field (1)');
  const logging = md.indexOf('### pii-logging: Personal data in logs (1)');
  const flow = md.indexOf('### data-flow: Personal data leaves the process (1)');
  expect(field).toBeGreaterThan(0);
  expect(logging).toBeGreaterThan(field);
  expect(flow).toBeGreaterThan(logging);
  expect(md).toContain(
    '| src/analytics.ts:7 | low | user.contact.address.postal\\_code | Segment analytics \\(segment\\) | Postal code is sent to Segment analytics. |',
  );
  expect(md).not.toContain('src/debug.ts');
  expect(md).toContain('<details><summary>1 file error</summary>');
});

test('pipes, HTML and Markdown syntax from code cannot break the table or inject markup', () => {
  const md = renderMarkdown(
    scanResult([finding({ file: 'src/a|b.ts', message: 'x | <img src=x onerror=alert(1)> **bold** [link](http://e)\nnext' })]),
    { rules: METAS },
  );
  const row = md.split('\n').find((l) => l.startsWith('| src/a'))!;
  expect(row).toBe(
    '| src/a\\|b.ts:12 | high | user.contact.email | console | x \\| \\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\* \\[link\\]\\(http://e\\) next |',
  );
  // Unescaped pipes are cell separators: exactly six of them for five cells.
  expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
});

test('escape leaves plain words alone', () => {
  expect(escape('user.email in UserService')).toBe('user.email in UserService');
});

test('a large report is cut under the limit with "and N more"', () => {
  const many = Array.from({ length: 2000 }, (_, i) =>
    finding({ id: String(i).padStart(32, '0'), line: i + 1, message: `Finding number ${i} with some words to take room.` }),
  );
  const md = renderMarkdown(scanResult(many), { rules: METAS, maxChars: 10_000 });
  expect(md.length).toBeLessThanOrEqual(10_000);
  const rows = md.split('\n').filter((l) => l.startsWith('| src/')).length;
  expect(rows).toBeGreaterThan(10);
  expect(md).toContain(
    `_… and ${(2000 - rows).toLocaleString('en-US')} more findings not shown; see the JSON or SARIF report for all of them._`,
  );
});

test('no findings: a short all-clear', () => {
  const md = renderMarkdown(scanResult([]), { rules: METAS });
  expect(md).toContain('## Privacy review: no findings');
  expect(md).not.toContain('###');
});

test('code quoted in backticks stays a code span; pipes inside it are still escaped', () => {
  const md = renderMarkdown(scanResult([finding({ message: 'Logs `user.email` and `a|b` to <console>.' })]), { rules: METAS });
  expect(md).toContain('| Logs `user.email` and `a\\|b` to \\<console\\>. |');
  const unpaired = renderMarkdown(scanResult([finding({ message: 'odd ` tick' })]), { rules: METAS });
  expect(unpaired).toContain('| odd \\` tick |');
});
