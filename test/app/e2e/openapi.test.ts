import { OpenApiValidator } from './openapi.js';

/** The end-to-end test's request validator is not vacuous: it rejects what GitHub would. */
const v = new OpenApiValidator();
const q = (s = '') => new URLSearchParams(s);

test('valid requests pass', () => {
  expect(
    v.validate('POST', '/repos/acme/shop/check-runs', q(), { name: 'Privacy review', head_sha: 'a'.repeat(40), status: 'in_progress' }),
  ).toEqual([]);
  expect(
    v.validate(
      'GET',
      '/repos/acme/shop/commits/abc/check-runs',
      q('check_name=Privacy+review&app_id=1&filter=all&per_page=100'),
      undefined,
    ),
  ).toEqual([]);
  expect(v.validate('GET', '/repos/acme/shop/contents/.github%2Fprivacy-review.yml', q(), undefined)).toEqual([]);
});

test.each([
  ['an unknown endpoint', 'GET', '/repos/acme/shop/privacy', q(), undefined, /no such endpoint/],
  [
    'a wrong conclusion',
    'PATCH',
    '/repos/acme/shop/check-runs/1',
    q(),
    { conclusion: 'approved' },
    /body\/conclusion must be equal to one of the allowed values/,
  ],
  [
    'an action without identifier and description',
    'PATCH',
    '/repos/acme/shop/check-runs/1',
    q(),
    { actions: [{ label: 'Approve' }] },
    /must have required property/,
  ],
  ['an unknown query parameter', 'GET', '/repos/acme/shop/pulls/7/reviews', q('sort=asc'), undefined, /unknown query parameter sort/],
  ['labels as a string', 'POST', '/repos/acme/shop/issues/7/labels', q(), { labels: 'x' }, /body/],
])('%s is reported', (_name, method, path, query, body, message) => {
  expect(v.validate(method, path, query, body).join('\n')).toMatch(message);
});
