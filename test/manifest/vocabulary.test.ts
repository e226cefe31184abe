import { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import { codesOf, load, problemsOf, VALID, withSection } from './helpers.js';

test('an unknown data category, with did-you-mean from the taxonomy', () => {
  expect(
    problemsOf(VALID.replace('allowedCategories: [user.device.ip_address]', 'allowedCategories: [user.device.ip_adress, user.email]')),
  ).toEqual([
    'm.yml:24:23: error unknown-category: unknown data category "user.device.ip_adress" — did you mean "user.device.ip_address"?',
    'm.yml:24:46: error unknown-category: unknown data category "user.email" — did you mean "user.contact.email"?',
  ]);
});

test('a key with nothing close says where keys come from', () => {
  expect(problemsOf(VALID.replace('[user.device.ip_address]', '[zzz]'))).toEqual([
    'm.yml:24:23: error unknown-category: unknown data category "zzz" — use a fideslang key such as user.contact.email, or declare a project key under classifier.categories in .privacy-review.yml',
  ]);
});

test('a deprecated fideslang key: a warning naming the replacement, and the manifest uses the replacement', () => {
  const yaml = VALID.replace(
    '      - symbol: User.email\n        categories: [user.contact.email]',
    '      - symbol: User.email\n        categories: [user.provided.identifiable.contact.email]',
  );
  const loaded = load(yaml);
  expect(problemsOf(yaml)).toEqual([
    'm.yml:8:22: warning deprecated-category: "user.provided.identifiable.contact.email" is a deprecated fideslang data category, read as "user.contact.email" — write "user.contact.email"',
  ]);
  expect(loaded.manifest.datasets[0]!.fields[0]!.categories).toEqual(['user.contact.email']);
  // fideslang 1.4 flat keys too
  expect(load(VALID.replace('[user.device.ip_address]', '[user.date_of_birth]')).manifest.logging.allowedCategories).toEqual([
    'user.demographic.date_of_birth',
  ]);
});

test('project categories from the scan configuration are known', () => {
  const yaml = VALID.replace('[user.device.ip_address]', '[user.unique_id.loyalty_id]');
  expect(codesOf(yaml)).toEqual(['24:23 error unknown-category']);
  const taxonomy = Taxonomy.default().withCustom([{ key: 'user.unique_id.loyalty_id' }]);
  expect(problemsOf(yaml, { taxonomy })).toEqual([]);
});

test('data uses: unknown with did-you-mean, deprecated with the replacement', () => {
  expect(problemsOf(VALID.replace('dataUse: analytics.reporting', 'dataUse: analytics.reportng'))).toEqual([
    'm.yml:17:14: error unknown-data-use: unknown data use "analytics.reportng" — did you mean "analytics.reporting"?',
  ]);
  const old = VALID.replace('dataUse: analytics.reporting', 'dataUse: provide.service.operations.support');
  expect(problemsOf(old)).toEqual([
    'm.yml:17:14: warning deprecated-data-use: "provide.service.operations.support" is a deprecated fideslang data use, read as "essential.service.operations.support" — write "essential.service.operations.support"',
  ]);
  expect(load(old).manifest.purposes[0]!.dataUse).toBe('essential.service.operations.support');
  expect(
    load(VALID.replace('dataUse: analytics.reporting', 'dataUse: advertising.third_party.personalized')).manifest.purposes[0]!.dataUse,
  ).toBe('marketing.advertising.third_party.targeted');
});

test('data subjects', () => {
  expect(problemsOf(VALID.replace('dataSubjects: [customer]', 'dataSubjects: [customer, customers, employe, robot]'))).toEqual([
    'm.yml:18:30: error unknown-data-subject: unknown data subject "customers" — did you mean "customer"?',
    'm.yml:18:41: error unknown-data-subject: unknown data subject "employe" — did you mean "employee"?',
    expect.stringMatching(
      /^m\.yml:18:50: error unknown-data-subject: unknown data subject "robot" — use one of anonymous_user, citizen_voter, /,
    ),
  ]);
});

test('countries: ISO 3166-1 alpha-2, with the usual mistake named', () => {
  expect(problemsOf(VALID.replace('countries: [US]', 'countries: [US, UK, XY]'))).toEqual([
    'm.yml:13:21: error unknown-country: "UK" is not an ISO 3166-1 alpha-2 country code — write "GB"',
    'm.yml:13:25: error unknown-country: "XY" is not an ISO 3166-1 alpha-2 country code — use the two-letter ISO code, e.g. US, DE, GB',
  ]);
});

test('exception categories are checked too', () => {
  const yaml = withSection(
    'exceptions',
    'exceptions:\n  - {id: a, rule: pii-logging, categories: [user.contac], reason: r, expires: 2030-01-01}',
  );
  expect(codesOf(yaml)).toEqual(['27:45 error unknown-category']);
});
