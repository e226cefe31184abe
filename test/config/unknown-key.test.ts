import { problemsOf } from './problems.js';

// Typos in keys are the commonest mistake; a silent ignore would drop a setting, so each is an error with a suggestion.
test('an unknown top-level key is reported at the key with a did-you-mean', () => {
  expect(problemsOf('include: ["src/**"]\nexcludes:\n  - test/**\n')).toEqual([
    'cfg.yml:2:1: unknown key "excludes" — did you mean "exclude"?',
  ]);
});

test('snake_case and case mistakes find the camelCase key', () => {
  expect(problemsOf('max_file_bytes: 10\nFailOn: high\n')).toEqual([
    'cfg.yml:1:1: unknown key "max_file_bytes" — did you mean "maxFileBytes"?',
    'cfg.yml:2:1: unknown key "FailOn" — did you mean "failOn"?',
  ]);
});

test('unknown nested keys name their parent; without a close match the allowed keys are listed', () => {
  expect(problemsOf('ignore:\n  - paths: [a]\n    reason: r\n    rulez: [pii-field]\nclassifier:\n  zzz: 1\n')).toEqual([
    'cfg.yml:4:5: unknown key "rulez" in ignore[0] — did you mean "rules"?',
    'cfg.yml:6:3: unknown key "zzz" in classifier — allowed keys: categories, names, patterns, ignore',
  ]);
});
