import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';

const published = JSON.parse(readFileSync(new URL('../../schemas/privacy-review-config.schema.json', import.meta.url), 'utf8')) as unknown;

// Editors validate with the published file, the CLI with the TS object: they must not drift apart.
test('schemas/privacy-review-config.schema.json is CONFIG_SCHEMA written out (npm run schema)', () => {
  expect(published).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
});

// The published file must work for a third-party validator, including our `x-hint` annotations.
test('the published schema accepts a full example and rejects a typo', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(published as object);
  const example = parse(`
include: ["src/**/*.ts"]
exclude: ["src/generated/**"]
ignore:
  - paths: ["test/**"]
    rules: [pii-field]
    reason: fixtures hold fake data
failOn: medium
maxFileBytes: 2000000
gitignore: true
classifier:
  categories: [{key: user.unique_id.loyalty_id, parent: user.unique_id, label: Loyalty id, tags: [pci_sad], severity: medium}]
  names: {user.contact.email: [courriel_pro]}
  patterns: {user.government_id: ["^nir$"]}
  ignore: [emailTemplate]
sinks:
  - {id: acme, kind: third_party, package: "@acme/sdk", call: events.track, args: [0], label: Acme, service: analytics}
redactors: [scrubPii]
`);
  expect(validate(example)).toBe(true);
  expect(validate({ failon: 'high' })).toBe(false);
});
