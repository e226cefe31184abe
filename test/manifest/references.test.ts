import { codesOf, problemsOf, VALID, withSection } from './helpers.js';

test('duplicate ids in every section, at the second declaration', () => {
  const yaml = `version: 1
system: {name: shop}
datasets:
  - {id: users, fields: [{symbol: User.email, categories: [user.contact.email]}]}
  - {id: users, fields: [{symbol: Customer.email, categories: [user.contact.email]}]}
flows:
  - {id: cookie, kind: browser_storage, categories: [user.contact.email]}
  - {id: cookie, kind: browser_storage, categories: [user.contact.email]}
purposes:
  - {id: p, dataUse: essential.service, dataSubjects: [customer], categories: [user.contact.email], legalBasis: contract, flows: [cookie], datasets: [users]}
  - {id: p, dataUse: essential.service, dataSubjects: [customer], categories: [user.contact.email], legalBasis: contract, flows: [cookie]}
exceptions:
  - {id: e, rule: pii-field, reason: r, expires: 2030-01-01}
  - {id: e, rule: pii-field, reason: r, expires: 2030-01-01}
`;
  expect(problemsOf(yaml)).toEqual([
    'm.yml:5:10: error duplicate-id: dataset id "users" is declared twice (first on line 4) — merge the two datasets entries or rename one',
    'm.yml:8:10: error duplicate-id: flow id "cookie" is declared twice (first on line 7) — merge the two flows entries or rename one',
    'm.yml:11:10: error duplicate-id: purpose id "p" is declared twice (first on line 10) — merge the two purposes entries or rename one',
    'm.yml:14:10: error duplicate-id: exception id "e" is declared twice (first on line 13) — merge the two exceptions entries or rename one',
  ]);
});

test('a purpose naming a flow or dataset that does not exist', () => {
  expect(problemsOf(VALID.replace('flows: [segment]\n    datasets: [users]', 'flows: [segmnt, stripe]\n    datasets: [user]'))).toEqual(
    [
      'm.yml:10:5: warning flow-without-purpose: flow "segment" is not named by any purpose — add "segment" to the flows of the purpose it serves',
      'm.yml:21:13: error dangling-flow: purpose names flow "segmnt", which is not declared under flows — did you mean "segment"?',
      'm.yml:21:21: error dangling-flow: purpose names flow "stripe", which is not declared under flows — declared flows: segment',
      'm.yml:22:16: error dangling-dataset: purpose names dataset "user", which is not declared under datasets — did you mean "users"?',
      'm.yml:5:5: warning dataset-without-purpose: dataset "users" is not named by any purpose — add "users" to the datasets of the purpose it serves',
    ].sort(byPosition),
  );
});

test('a category a flow sends that no purpose of the flow lists; hierarchy counts', () => {
  const wider = VALID.replace(
    'categories: [user.contact.email]\n    countries',
    'categories: [user.contact.email, user.name.first]\n    countries',
  );
  expect(problemsOf(wider)).toEqual([
    'm.yml:12:38: warning category-without-purpose: flow "segment" sends user.name.first, which no purpose naming this flow lists — add user.name.first to the categories of purpose "analytics"',
  ]);
  // A purpose for user.name covers user.name.first; one for user.contact covers user.contact.email.
  expect(
    problemsOf(
      wider.replace('    categories: [user.contact.email]\n    legalBasis', '    categories: [user.contact, user.name]\n    legalBasis'),
    ),
  ).toEqual([]);
  // The other way round is not enough: a purpose for user.contact.email does not explain all of user.contact.
  const broadFlow = VALID.replace('categories: [user.contact.email]\n    countries', 'categories: [user.contact]\n    countries');
  expect(codesOf(broadFlow)).toEqual(['12:18 warning category-without-purpose']);
});

test('the same for datasets', () => {
  const yaml = VALID.replace(
    '        categories: [user.contact.email]\nflows',
    '        categories: [user.contact.email, user.demographic.gender]\nflows',
  );
  expect(codesOf(yaml)).toEqual(['8:42 warning category-without-purpose']);
});

test('flows and datasets no purpose names', () => {
  const yaml = withSection('purposes', 'purposes: []');
  expect(problemsOf(yaml)).toEqual([
    'm.yml:5:5: warning dataset-without-purpose: dataset "users" is not named by any purpose — add "users" to the datasets of the purpose it serves',
    'm.yml:10:5: warning flow-without-purpose: flow "segment" is not named by any purpose — add "segment" to the flows of the purpose it serves',
  ]);
});

function byPosition(a: string, b: string): number {
  const pos = (s: string) => s.split(':').slice(1, 3).map(Number) as [number, number];
  const [la, ca] = pos(a);
  const [lb, cb] = pos(b);
  return la - lb || ca - cb;
}
