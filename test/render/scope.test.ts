import { renderReview } from '../../src/render/index.js';
import { describeScope } from '../../src/render/scope.js';
import { review } from './factory.js';

const changed = review({
  stats: {
    baseFiles: 4,
    headFiles: 5,
    durationMs: 900,
    scope: { mode: 'changed', changed: 3, dependents: 2, loaded: { base: 9, head: 10 } },
  },
});

test.each<[string, Parameters<typeof review>[0], string | undefined]>([
  ['changed files and their importers', changed, 'Analyzed the 3 changed files and the 2 files that import them; no other file'],
  [
    'one changed file, no importer',
    review({
      stats: {
        baseFiles: 1,
        headFiles: 1,
        durationMs: 1,
        scope: { mode: 'changed', changed: 1, dependents: 0, loaded: { base: 1, head: 1 } },
      },
    }),
    'Analyzed the changed file; no other file',
  ],
  [
    'importers cut off',
    review({
      stats: {
        baseFiles: 2,
        headFiles: 2,
        durationMs: 1,
        scope: { mode: 'changed', changed: 2, dependents: 0, cutOff: 40, loaded: { base: 9, head: 9 } },
      },
    }),
    "Analyzed the 2 changed files; no other file's findings can change. 40 files that import them were not analyzed: what they use of the changed files (types, what functions return and send, clients) is the same on both sides.",
  ],
  [
    'every file, for a reason',
    review({
      stats: {
        baseFiles: 1,
        headFiles: 1,
        durationMs: 1,
        scope: { mode: 'full', reason: 'src/g.ts declares globals, which every file can use' },
      },
    }),
    'Analyzed every file on both sides: src/g.ts declares globals',
  ],
  ['every file, as asked', review({ stats: { baseFiles: 1, headFiles: 1, durationMs: 1, scope: { mode: 'full' } } }), undefined],
  ['no scope (a review made by an older version)', review({ stats: { baseFiles: 1, headFiles: 1, durationMs: 1 } }), undefined],
])('describeScope: %s', (_name, r, expected) => {
  const text = describeScope(r as never);
  if (expected === undefined) expect(text).toBeUndefined();
  else expect(text).toContain(expected);
});

test('the scope closes the markdown checklist and the terminal report, and is in the JSON', () => {
  const md = renderReview(changed, { format: 'markdown' });
  expect(md).toMatch(/<sub>Analyzed the 3 changed files and the 2 files that import them;.*`privacy-review review --full`.*<\/sub>/);
  const text = renderReview(changed, { format: 'text' });
  expect(text).toContain('Analyzed the 3 changed files');
  expect(text.indexOf('Analyzed the 3')).toBeLessThan(text.indexOf('Next steps:'));
  const json = JSON.parse(renderReview(changed, { format: 'json' })) as { stats: Record<string, unknown> };
  expect(Object.keys(json.stats)).toEqual(['baseFiles', 'headFiles', 'durationMs', 'scope']);
  expect(Object.keys(json.stats.scope as object)).toEqual(['mode', 'changed', 'dependents', 'loaded']);
});
