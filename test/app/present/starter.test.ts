import { starterManifest } from '../../../src/app/present/starter.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';

/** A repository without a manifest gets `privacy-review manifest init` output for its head commit. */
test('no manifest: a collapsed starter manifest declaring the head’s flows', () => {
  const review = makeReview(
    [reviewed(finding('f1')), reviewed(finding('gone', { sink: { kind: 'third_party', id: 'mixpanel' } }), 'fixed')],
    {
      manifest: { file: '.privacy/manifest.yml', present: false, valid: false, problems: [], changes: [] },
    },
  );
  const block = starterManifest(review, 'shop')!;
  expect(block).toMatch(/^<details><summary>No data-flow manifest yet: a starter for <code>\.privacy\/manifest\.yml<\/code>/);
  expect(block).toContain('npx privacy-review manifest init');
  expect(block).toMatch(/```yaml\n[\s\S]*id: segment[\s\S]*```\n\n<\/details>$/);
  expect(block).not.toContain('mixpanel'); // fixed on the head side: nothing to declare
});

test('a manifest exists: nothing', () => {
  expect(starterManifest(makeReview([reviewed(finding('f1'))]), 'shop')).toBeUndefined();
});
