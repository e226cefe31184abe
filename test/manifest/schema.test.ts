import { codesOf, load, problemsOf, VALID, withSection } from './helpers.js';

test('the valid starting manifest has no problems', () => {
  expect(problemsOf(VALID)).toEqual([]);
});

describe('unknown keys, with did-you-mean', () => {
  test('at the top level', () => {
    expect(problemsOf(VALID.replace('flows:', 'flow:'))).toContain(
      'm.yml:9:1: error unknown-key: unknown key "flow" — did you mean "flows"?',
    );
  });

  test('nested, at the key', () => {
    expect(problemsOf(VALID.replace('    transferMechanism: dpf', '    transfer_mechanism: dpf'))).toEqual([
      expect.stringMatching(/^m\.yml:13:17: warning transfer-needs-mechanism: /),
      'm.yml:14:5: error unknown-key: unknown key "transfer_mechanism" in flows[0] — did you mean "transferMechanism"?',
    ]);
  });

  test('with nothing close: the allowed keys', () => {
    expect(problemsOf(VALID.replace('  name: shop', '  name: shop\n  zzz: 1'))).toEqual([
      'm.yml:4:3: error unknown-key: unknown key "zzz" in system — allowed keys: name, description, owner, responsibility, dpo',
    ]);
  });
});

test('missing required fields, at the entry', () => {
  const yaml = withSection('flows', 'flows:\n  - id: segment\n    countries: [US]\n    transferMechanism: dpf');
  expect(problemsOf(yaml)).toEqual([
    'm.yml:10:5: error missing-field: flows[0] is missing "kind" — use one of third_party, http, datastore, queue, storage, file, browser_storage, token, logger or error_reporter',
    'm.yml:10:5: error missing-field: flows[0] is missing "categories" — write a list of data category keys, e.g. [user.contact.email, user.name]',
  ]);
  expect(problemsOf('version: 1\n')).toEqual([
    'm.yml:1:1: error missing-field: the manifest is missing "system" — write a mapping, e.g. system: {name: shop, owner: "@acme/shop"}',
  ]);
});

test('wrong types', () => {
  expect(
    codesOf(VALID.replace('categories: [user.contact.email]\n    countries', 'categories: user.contact.email\n    countries')),
  ).toEqual(['12:17 error wrong-type']);
  expect(problemsOf(VALID.replace('flows:\n', 'flows:\n  \n').replace(/flows:\n[\s\S]*?purposes:/, 'flows:\npurposes:'))).toContain(
    'm.yml:9:1: error wrong-type: flows is empty; it must be a list — write a list of flows, e.g. - {id: segment, kind: third_party, categories: [user.contact.email], countries: [US]}',
  );
});

test('enums: flow kind, legal basis, responsibility, with did-you-mean', () => {
  expect(problemsOf(VALID.replace('kind: third_party', 'kind: thirdparty'))).toEqual([
    'm.yml:11:11: error invalid-value: flows[0].kind must be one of third_party, http, datastore, queue, storage, file, browser_storage, token, logger, error_reporter, not "thirdparty" — did you mean "third_party"?',
  ]);
  expect(problemsOf(VALID.replace('legalBasis: consent', 'legalBasis: legitimate_interest'))).toEqual([
    'm.yml:20:17: error invalid-value: purposes[0].legalBasis must be one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests, TODO, not "legitimate_interest" — did you mean "legitimate_interests"?',
  ]);
  expect(codesOf(VALID.replace('legalBasis: consent', 'legalBasis: because'))).toEqual(['20:17 error invalid-value']);
  expect(codesOf(VALID.replace('  name: shop', '  name: shop\n  responsibility: owner'))).toEqual(['4:19 error invalid-value']);
  expect(codesOf(VALID.replace('transferMechanism: dpf', 'transferMechanism: contract'))).toEqual(['14:24 error invalid-value']);
});

test('version', () => {
  expect(problemsOf(VALID.replace('version: 1', 'version: 2'))).toEqual([
    'm.yml:1:10: error unsupported-version: manifest version 2 is not supported — this privacy-review reads version: 1',
  ]);
});

test('an exception without a reason is a schema error; a blank reason too', () => {
  const without = withSection('exceptions', 'exceptions:\n  - id: legacy\n    rule: pii-logging\n    expires: 2030-01-01');
  expect(problemsOf(without)).toEqual([
    'm.yml:27:5: error missing-field: exceptions[0] is missing "reason" — say why, e.g. reason: "export script is removed in #123"',
  ]);
  const blank = withSection('exceptions', 'exceptions:\n  - id: legacy\n    rule: pii-logging\n    reason: "  "\n    expires: 2030-01-01');
  expect(problemsOf(blank)).toEqual([
    'm.yml:29:13: error invalid-value: exceptions[0].reason must not be empty — say why, e.g. reason: "export script is removed in #123"',
  ]);
});

test('a dataset field needs a symbol or a path', () => {
  expect(problemsOf(VALID.replace('      - symbol: User.email\n        categories', '      - categories'))).toEqual([
    'm.yml:7:9: error missing-field: datasets[0].fields[0] needs a symbol or a path — e.g. symbol: User.email (or User.*), or path: "src/models/**"',
  ]);
});

test('ids without spaces, dates as YYYY-MM-DD, countries in capitals', () => {
  expect(codesOf(VALID.replace('- id: segment', '- id: my segment').replace('flows: [segment]', 'flows: [my segment]'))).toEqual([
    '10:9 error invalid-value',
  ]);
  expect(codesOf(VALID.replace('countries: [US]', 'countries: [us]'))).toEqual(['13:17 error invalid-value']);
  expect(codesOf(withSection('exceptions', 'exceptions: [{id: a, rule: pii-field, reason: r, expires: 31.12.2030}]'))).toEqual([
    '26:59 error invalid-value',
  ]);
});

test('missing lists become [] in the normalized manifest', () => {
  const loaded = load('version: 1\nsystem: {name: shop}\n');
  expect(loaded.problems).toEqual([]);
  expect(loaded.manifest).toEqual({
    version: 1,
    system: { name: 'shop' },
    datasets: [],
    flows: [],
    purposes: [],
    logging: { allowedCategories: [], redactors: [] },
    exceptions: [],
  });
});
