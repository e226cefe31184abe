import { findSticky } from '../../../src/app/present/sticky.js';

/** The App's comment is the one with the marker written by its bot, never a person's quoting it. */
const MARKER = '<!-- privacy-review:v1 -->';
const bot = { login: 'privacy-review[bot]', type: 'Bot' };

test('marker and author must both match', () => {
  const comments = [
    { id: 1, body: `${MARKER}\nquoted by a person`, user: { login: 'mallory', type: 'User' } },
    { id: 2, body: `${MARKER}\nfrom another app`, user: { login: 'other[bot]', type: 'Bot' } },
    { id: 3, body: 'our bot, no marker', user: bot },
    { id: 5, body: `${MARKER}\nours, later duplicate`, user: bot },
    { id: 4, body: `${MARKER}\nours`, user: bot },
  ];
  expect(findSticky(comments, 'privacy-review[bot]', MARKER)?.id).toBe(4);
  expect(findSticky(comments.slice(0, 3), 'privacy-review[bot]', MARKER)).toBeUndefined();
});
