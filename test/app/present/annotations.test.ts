import { annotationsFor, batches } from '../../../src/app/present/annotations.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';

/** What is annotated, how, and in batches of 50 (GitHub's per-request limit). */
test('only new undeclared findings, manifest problems and drift; columns only on one line', () => {
  const review = makeReview(
    [
      reviewed(finding('new1', { severity: 'high', rule: 'pii-logging', line: 3, endLine: 3, column: 5, endColumn: 30 })),
      reviewed(finding('new2', { line: 8, endLine: 10 })),
      reviewed(finding('declared'), 'new', true),
      reviewed(finding('old'), 'unchanged'),
      reviewed(finding('gone'), 'fixed'),
      reviewed(finding('quiet', { suppressed: true })),
    ],
    {
      manifest: {
        file: '.privacy/manifest.yml',
        present: true,
        valid: false,
        problems: [
          {
            file: '.privacy/manifest.yml',
            line: 4,
            column: 7,
            severity: 'error',
            code: 'unknown-category',
            message: 'unknown category',
            hint: 'use user.contact.email',
          },
        ],
        changes: [],
      },
    },
  );
  const { annotations, omitted } = annotationsFor(review);
  expect(omitted).toBe(0);
  expect(annotations).toEqual([
    expect.objectContaining({
      path: '.privacy/manifest.yml',
      start_line: 4,
      end_line: 4,
      start_column: 7,
      annotation_level: 'failure',
      message: 'unknown category (use user.contact.email)',
    }),
    expect.objectContaining({
      path: 'src/services/signup.ts',
      start_line: 3,
      end_line: 3,
      start_column: 5,
      end_column: 30,
      annotation_level: 'failure',
      title: 'pii-logging (high): undeclared',
    }),
    {
      path: 'src/services/signup.ts',
      start_line: 8,
      end_line: 10,
      annotation_level: 'warning',
      title: 'data-flow (medium): undeclared',
      message: expect.any(String),
      raw_details: 'src/services/signup.ts:5  user.email',
    },
  ]);
});

test('batches of 50', () => {
  const sizes = batches(Array.from({ length: 123 }, (_, i) => i)).map((b) => b.length);
  expect(sizes).toEqual([50, 50, 23]);
  expect(batches([])).toEqual([]);
});
