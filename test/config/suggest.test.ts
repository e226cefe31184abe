import { closest } from '../../src/config/suggest.js';

// Did-you-mean must help with typos and stay quiet for unrelated words (a wrong suggestion is worse than none).
test.each([
  ['excludes', 'exclude'],
  ['hgih', 'high'],
  ['max_file_bytes', 'maxFileBytes'],
  ['redactor', 'redactors'],
  ['gitIgnore', 'gitignore'],
])('%s → %s', (word, expected) => {
  expect(closest(word, ['include', 'exclude', 'high', 'maxFileBytes', 'redactors', 'gitignore'])).toBe(expected);
});

test('no suggestion for an unrelated word', () => {
  expect(closest('colour', ['include', 'exclude', 'failOn'])).toBeUndefined();
});
