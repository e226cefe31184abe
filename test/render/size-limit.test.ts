import { renderReview } from '../../src/render/index.js';
import type { ReviewedFinding } from '../../src/review/types.js';
import { finding, review, undeclared } from './factory.js';
import { expectWellFormed } from './structure.js';

const ITEM = /^- \[ \] \*\*(high|medium|low)\*\* /;
const severities = ['high', 'medium', 'low'] as const;

function many(n: number): ReviewedFinding[] {
  return Array.from({ length: n }, (_, i) =>
    undeclared(
      finding({
        id: String(i).padStart(32, '0'),
        severity: severities[i % 3],
        file: `src/services/module-${i}.ts`,
        line: i + 1,
        sink: { kind: 'third_party', id: `vendor-${i % 40}`, label: `Vendor ${i % 40}` },
        message: `Sends email address and first name from \`user.email\` to Vendor ${i} via client.track (finding ${i}).`,
      }),
    ),
  );
}

const items = (md: string) => md.split('\n').filter((l) => ITEM.test(l));
const moreCount = (md: string) => Number((/_… and ([\d,]+) more findings? not shown/.exec(md)?.[1] ?? '0').replace(/,/g, ''));

// GitHub rejects a comment or check-run summary over 65,535 characters: the checklist must always fit, and stay valid Markdown.
test.each([1, 500, 5000])('%i findings fit the default limit, balanced, every finding shown or counted', (n) => {
  const md = renderReview(
    review({ findings: many(n), verdict: { decision: 'review_required', reasons: ['many'], reviewFingerprint: 'f'.repeat(64) } }),
    { format: 'markdown', marker: '<!-- privacy-review:v1 -->' },
  );
  expect(md.length).toBeLessThanOrEqual(65_535);
  expectWellFormed(md);
  expect(items(md).length + moreCount(md)).toBe(n);
  // What must survive: the summary and the reviewer checklist.
  expect(md.startsWith('<!-- privacy-review:v1 -->\n## Privacy review: Review required\n')).toBe(true);
  expect(md).toContain('### Privacy reviewer checklist');
  if (n > 1) {
    expect(md).toContain(`_… and ${moreCount(md).toLocaleString('en-US')} more findings not shown`);
    // The most severe are the ones kept: severities never go up along the list.
    const ranks = items(md).map((l) => 3 - severities.indexOf(ITEM.exec(l)![1] as (typeof severities)[number]));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[0]).toBe(3);
  } else {
    expect(md).toContain('Trace: 3 steps');
  }
});

test('degrades in order: traces first, then snippets, then items', () => {
  const r = review({ findings: many(6) });
  const render = (maxLength: number) => renderReview(r, { format: 'markdown', maxLength });
  const full = render(1_000_000);
  expect(full).toContain('<summary>Trace:');
  expect(full).toContain('```yaml');

  const noTraces = render(full.length - 1);
  expect(noTraces).not.toContain('<summary>Trace:');
  expect(noTraces).toContain('```yaml');
  expect(items(noTraces)).toHaveLength(6);
  expect(noTraces).toContain("Left out to fit GitHub's size limit: traces.");

  const noSnippets = render(noTraces.length - 1);
  expect(noSnippets).not.toContain('```yaml');
  expect(items(noSnippets)).toHaveLength(6);

  const fewer = render(noSnippets.length - 1);
  expect(items(fewer).length).toBeLessThan(6);
  expect(items(fewer).length + moreCount(fewer)).toBe(6);
  for (const md of [noTraces, noSnippets, fewer]) expectWellFormed(md);
});

test('a limit too small even for the summary still yields balanced Markdown under the limit', () => {
  for (const maxLength of [2_000, 400, 60]) {
    const md = renderReview(review({ findings: many(50) }), { format: 'markdown', maxLength });
    expect(md.length).toBeLessThanOrEqual(maxLength);
    expectWellFormed(md);
  }
});

test('the marker counts against the limit', () => {
  const marker = `<!-- ${'m'.repeat(100)} -->`;
  const md = renderReview(review({ findings: many(200) }), { format: 'markdown', maxLength: 8_000, marker });
  expect(md.length).toBeLessThanOrEqual(8_000);
  expect(md.startsWith(`${marker}\n`)).toBe(true);
});
