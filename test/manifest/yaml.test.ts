import { load, problemsOf, VALID } from './helpers.js';

// YAML-level problems come first; schema checks are not piled on top of a broken file.
test('a YAML syntax error is positioned and the rest is not validated', () => {
  expect(problemsOf('version: 1\nsystem: {name: shop\nflows: []\n')).toEqual([
    expect.stringMatching(/^m\.yml:3:1: error yaml-syntax: .+ — fix the YAML syntax at this position$/),
  ]);
});

test('a duplicate key', () => {
  expect(problemsOf('version: 1\nsystem:\n  name: a\n  name: b\n')).toEqual([
    'm.yml:4:3: error duplicate-key: map keys must be unique — remove one of the two entries',
  ]);
});

test('more than one document', () => {
  expect(problemsOf(`${VALID}---\nversion: 1\n`)).toEqual([
    expect.stringMatching(/^m\.yml:\d+:1: error yaml-syntax: the file holds more than one YAML document — keep a single YAML document/),
  ]);
});

test('an empty file', () => {
  expect(problemsOf('# nothing yet\n')).toEqual([
    'm.yml:1:1: error empty-manifest: the manifest is empty — start with "version: 1" and "system: {name: ...}", or run privacy-review manifest init',
  ]);
  expect(load('').manifest).toEqual({
    version: 1,
    system: { name: '' },
    datasets: [],
    flows: [],
    purposes: [],
    logging: { allowedCategories: [], redactors: [] },
    exceptions: [],
  });
});

test('a best-effort manifest even from broken YAML', () => {
  const loaded = load(
    'version: 1\nsystem: {name: shop}\nflows:\n  - id: segment\n    kind: third_party\n    categories: [user.contact.email\n',
  );
  expect(loaded.problems[0]?.code).toBe('yaml-syntax');
  expect(loaded.manifest.system.name).toBe('shop');
  expect(loaded.manifest.datasets).toEqual([]);
});
