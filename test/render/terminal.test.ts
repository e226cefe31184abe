import { renderReview } from '../../src/render/index.js';
import { wrapLine } from '../../src/render/text.js';
import { finding, logFinding, review, undeclared } from './factory.js';

const r = review({
  findings: [undeclared(logFinding({ severity: 'high' })), undeclared(finding({ severity: 'low' }))],
  verdict: { decision: 'review_required', reasons: ['1 undeclared data flow (segment)'], reviewFingerprint: 'f'.repeat(64) },
});

test('the terminal review wraps at the given width on word boundaries, continuing under the text', () => {
  const text = renderReview(r, { format: 'text', width: 60 });
  for (const line of text.split('\n')) expect(line.length <= 60 || !line.trim().includes(' ')).toBe(true);
  const step = text.slice(text.indexOf('Next steps:')).split('\n');
  expect(step[1]).toMatch(/^ {2}1\. \S/);
  expect(step[2]).toMatch(/^ {5}\S/);
  // Without a width (a pipe, a file), lines stay whole.
  expect(
    renderReview(r, { format: 'text' })
      .split('\n')
      .some((l) => l.length > 60),
  ).toBe(true);
});

test('severities are coloured as in scan (high red, low cyan), and not at all without colour', () => {
  const coloured = renderReview(r, { format: 'text', color: true });
  expect(coloured).toContain('\u001b[31mhigh  \u001b[39m');
  expect(coloured).toContain('\u001b[36mlow   \u001b[39m');
  expect(renderReview(r, { format: 'text', color: false })).not.toContain('\u001b[');
});

test('wrapLine ignores colour codes when measuring and keeps a long word whole', () => {
  expect(wrapLine(`  \u001b[31m${'a'.repeat(8)}\u001b[39m bb cc`, 12)).toEqual([`  \u001b[31m${'a'.repeat(8)}\u001b[39m`, '  bb cc']);
  expect(wrapLine(`- ${'x'.repeat(30)} y`, 10)).toEqual([`- ${'x'.repeat(30)}`, '  y']);
});
