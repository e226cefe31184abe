import { problemsOf } from './problems.js';

// Classifier patterns are compiled by the classifier later; a broken one must fail here, with its position.
test('an invalid regular expression in classifier.patterns', () => {
  expect(problemsOf('classifier:\n  patterns:\n    user.government_id: ["^nir$", "(["]\n')).toEqual([
    'cfg.yml:3:35: classifier.patterns["user.government_id"][1] is not a valid regular expression (/([/: Unterminated character class) — use JavaScript regular expression syntax, quoted, e.g. "^nir$"',
  ]);
});

test('category keys must have the taxonomy key syntax', () => {
  expect(problemsOf('classifier:\n  names:\n    "user contact": [courriel]\n')).toEqual([
    'cfg.yml:3:5: "user contact" is not a valid key in classifier.names — use a dotted category key, e.g. user.contact.email',
  ]);
});
