import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { MANIFEST_SCHEMA } from '../../src/manifest/schema.js';

const FILE = new URL('../../schemas/manifest.schema.json', import.meta.url);
const generated = `${JSON.stringify(MANIFEST_SCHEMA, null, 2)}\n`;

// Editors validate with the published file, the CLI with the TS object: they must not drift apart.
test('schemas/manifest.schema.json is MANIFEST_SCHEMA written out (UPDATE_SCHEMA=1 rewrites it)', () => {
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated);
  expect(readFileSync(FILE, 'utf8')).toBe(generated);
});

test('the published schema works in a third-party validator: the bundled example passes, typos fail', () => {
  const published = JSON.parse(readFileSync(FILE, 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(published);
  const example = parse(readFileSync(new URL('../../examples/shop/.privacy/manifest.yml', import.meta.url), 'utf8'));
  expect(validate(example)).toBe(true);
  expect(validate({ ...example, flow: [] })).toBe(false);
  expect(validate({ ...example, flows: [{ id: 'x', kind: 'thirdparty', categories: [] }] })).toBe(false);
  expect(validate({ ...example, purposes: [{ id: 'p', dataUse: 'x', dataSubjects: [], categories: [], legalBasis: 'because' }] })).toBe(
    false,
  );
});

test('editors can complete enums and keys: kinds, legal bases, conditions, mechanisms, categories, data uses', () => {
  const s = MANIFEST_SCHEMA;
  expect(s.properties.flows.items.properties.kind.enum).toContain('third_party');
  expect(s.properties.purposes.items.properties.legalBasis.enum).toEqual([
    'consent',
    'contract',
    'legal_obligation',
    'vital_interests',
    'public_task',
    'legitimate_interests',
    'TODO',
  ]);
  expect(s.properties.purposes.items.properties.specialCategoryCondition.enum).toContain('explicit_consent');
  expect(s.properties.flows.items.properties.transferMechanism.enum).toContain('scc');
  expect(s.properties.system.properties.responsibility.enum).toEqual(['controller', 'processor', 'joint_controller']);
  expect(s.definitions.category.examples).toContain('user.contact.email');
  expect(s.properties.purposes.items.properties.dataUse.examples).toContain('essential.service.payment_processing');
  expect(s.properties.purposes.items.properties.dataSubjects.items.examples).toContain('customer');
});
