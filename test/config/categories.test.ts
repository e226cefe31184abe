import { problemsOf } from './problems.js';

// Category keys are checked against the taxonomy when the file is read, so a typo points at its line
// instead of failing the scan later with no position.
test('an unknown category in classifier.names is reported at its key with suggestions', () => {
  const [problem, ...rest] = problemsOf('classifier:\n  names:\n    user.email: [courriel]\n');
  expect(rest).toEqual([]);
  expect(problem).toMatch(
    /^cfg\.yml:3:5: unknown data category "user\.email" in classifier\.names — did you mean .*"user\.contact\.email"/,
  );
});

test('a category declared under classifier.categories may be used in names and patterns', () => {
  expect(
    problemsOf(
      'classifier:\n  categories:\n    - {key: user.unique_id.loyalty_id, parent: user.unique_id, tags: [pci_sad]}\n  names:\n    user.unique_id.loyalty_id: [loyalty_no]\n  patterns:\n    user.unique_id.loyalty_id: ["^lty_"]\n',
    ),
  ).toEqual([]);
});

test('custom categories that do not fit the taxonomy are reported at their entry', () => {
  expect(
    problemsOf('classifier:\n  categories:\n    - key: user.contact.email\n    - key: user.loyalty\n      parent: user.unique_id\n'),
  ).toEqual([
    'cfg.yml:3:7: classifier.categories[0]: custom data category "user.contact.email" already exists in the taxonomy; use a new key under it',
    'cfg.yml:4:7: classifier.categories[1]: custom data category "user.loyalty" must start with its parent key "user.unique_id." (e.g. "user.unique_id.loyalty")',
  ]);
});

test('sensitivity tags are a closed set', () => {
  expect(problemsOf('classifier:\n  categories:\n    - {key: user.unique_id.x, tags: [gdpr99]}\n')[0]).toMatch(
    /^cfg\.yml:3:38: classifier\.categories\[0\]\.tags\[0\] must be one of gdpr9, .* not "gdpr99" — did you mean "gdpr9"\?$/,
  );
});
