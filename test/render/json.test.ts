import { renderReview } from '../../src/render/index.js';
import type { Review } from '../../src/review/types.js';
import { richReview } from './factory.js';

const reversed = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    ) as T;
  return value;
};

// Tools diff and parse the review JSON: the same Review must give the same bytes however it was built.
test('is the Review as it is, 2-space indented with a final newline', () => {
  const text = renderReview(richReview(), { format: 'json' });
  expect(JSON.parse(text)).toEqual(richReview());
  expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"base": \{\n {4}"ref": "main",/);
  expect(text.endsWith('}\n')).toBe(true);
});

test('key order follows the Review type, not the order objects were built in', () => {
  const shuffled: Review = reversed(richReview());
  expect(renderReview(shuffled, { format: 'json' })).toBe(renderReview(richReview(), { format: 'json' }));
  const parsed = JSON.parse(renderReview(shuffled, { format: 'json' }));
  expect(Object.keys(parsed)).toEqual([
    'version',
    'base',
    'head',
    'manifest',
    'findings',
    'stale',
    'drift',
    'errors',
    'skipped',
    'excluded',
    'verdict',
    'stats',
  ]);
  expect(Object.keys(parsed.findings[3])).toEqual(['finding', 'declared', 'declaration', 'status']);
  expect(Object.keys(parsed.findings[0].finding).slice(0, 3)).toEqual(['id', 'rule', 'severity']);
});

test('keys added to the Review later are kept, after the known ones', () => {
  const r = { ...richReview(), zeta: 1, alpha: 2, notes: ['n'] } as Review;
  expect(Object.keys(JSON.parse(renderReview(r, { format: 'json' }))).slice(-4)).toEqual(['stats', 'notes', 'alpha', 'zeta']);
});
