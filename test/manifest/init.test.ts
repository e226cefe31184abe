import type { Finding, ScanResult } from '../../src/core/contract.js';
import { initManifest } from '../../src/manifest/init.js';
import { finding, load, SINKS } from './helpers.js';

function scanOf(findings: Finding[]): ScanResult {
  return {
    version: 1,
    tool: { name: 'privacy-review', version: '0.0.0' },
    root: '/p',
    findings,
    skipped: [],
    errors: [],
    stats: { files: 3, lines: 10, durationMs: 1, findings: findings.length, suppressed: 0, byRule: { 'pii-field': 0, 'pii-logging': 0, 'data-flow': 0 } },
  };
}

const FINDINGS = [
  finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'User.email', file: 'src/models/user.ts', line: 3 }),
  finding({ rule: 'pii-field', categories: ['user.name.first'], symbol: 'User.firstName', file: 'src/models/user.ts', line: 4 }),
  finding({ rule: 'pii-field', categories: ['user.financial.credit_card'], symbol: 'PaymentDetails.cardNumber', file: 'src/models/payment.ts', line: 2 }),
  finding({ rule: 'pii-field', categories: ['user.financial.card_security_code'], symbol: 'PaymentDetails.cvv', file: 'src/models/payment.ts', line: 3 }),
  finding({ rule: 'pii-field', categories: ['user.health_and_medical'], symbol: 'Patient.diagnosis', file: 'src/models/patient.ts', line: 2 }),
  finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.segment!, file: 'src/a.ts', line: 5 }),
  finding({ rule: 'data-flow', categories: ['user.name.first', 'user.unique_id'], sink: SINKS.segment!, file: 'src/b.ts', line: 9 }),
  finding({ rule: 'data-flow', categories: ['user.name'], sink: SINKS.segment!, file: 'src/b.ts', line: 12 }),
  finding({ rule: 'data-flow', categories: ['user.contact.email', 'user.financial.card_security_code'], sink: SINKS.s3!, file: 'src/export.ts', line: 7 }),
  finding({ rule: 'pii-logging', categories: ['user.contact.email'], sink: SINKS.pino!, file: 'src/log.ts', line: 4 }),
  finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.openai!, suppressed: true, suppression: { kind: 'inline', reason: 'dev only' } }),
];

test('a first manifest that validates: only TODO warnings, no errors', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  const loaded = load(text);
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(new Set(loaded.problems.map((p) => p.code))).toEqual(new Set(['todo']));
});

test('datasets grouped by model, in snake_case; PCI SAD left out with a comment', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  const m = load(text).manifest;
  expect(m.datasets.map((d) => [d.id, d.fields.map((f) => `${f.symbol}: ${f.categories.join(', ')}`)])).toEqual([
    ['user', ['User.email: user.contact.email', 'User.firstName: user.name.first']],
    ['payment_details', ['PaymentDetails.cardNumber: user.financial.credit_card']],
    ['patient', ['Patient.diagnosis: user.health_and_medical']],
  ]);
  expect(text).toContain(
    '# left out: PaymentDetails.cvv in src/models/payment.ts:3: user.financial.card_security_code (card security code): PCI sensitive authentication data may never be stored; remove it from the code (PCI DSS 3.3.1)',
  );
});

test('flows grouped by sink with the union of categories (a parent absorbs its children)', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  const m = load(text).manifest;
  expect(m.flows).toEqual([
    { id: 'segment', kind: 'third_party', categories: ['user.contact.email', 'user.name', 'user.unique_id'], countries: ['TODO'] },
    { id: 's3:exports', kind: 'storage', categories: ['user.contact.email'] },
  ]);
  expect(text).toContain('  - id: segment  # Segment (analytics): src/a.ts:5, src/b.ts:9, src/b.ts:12\n');
  expect(text).toContain('# left out: s3:exports from src/export.ts:7: user.financial.card_security_code');
});

test('a purpose skeleton per flow and one for the datasets, with TODOs and a special-category condition where needed', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  const m = load(text).manifest;
  expect(m.purposes.map((p) => ({ id: p.id, flows: p.flows, datasets: p.datasets, categories: p.categories, special: p.specialCategoryCondition }))).toEqual([
    { id: 'segment', flows: ['segment'], datasets: [], categories: ['user.contact.email', 'user.name', 'user.unique_id'], special: undefined },
    { id: 's3:exports', flows: ['s3:exports'], datasets: [], categories: ['user.contact.email'], special: undefined },
    {
      id: 'service',
      flows: [],
      datasets: ['user', 'payment_details', 'patient'],
      categories: ['user.contact.email', 'user.financial.credit_card', 'user.health_and_medical', 'user.name.first'],
      special: 'TODO',
    },
  ]);
  expect(m.purposes.every((p) => p.dataUse === 'TODO' && p.legalBasis === 'TODO' && p.dataSubjects[0] === 'TODO')).toBe(true);
  expect(text).toContain('    dataUse: TODO  # why: a fideslang data use, e.g. analytics.reporting\n');
});

test('logged personal data is listed in comments, not allowed; suppressed findings are left out', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  expect(load(text).manifest.logging.allowedCategories).toEqual([]);
  expect(text).toContain('  #   user.contact.email: src/log.ts:4 (pino)\n');
  expect(text).not.toContain('openai');
});

test('the header says what to do; the schema line points at the published schema', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop', schema: '../schemas/manifest.schema.json' });
  expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/manifest.schema.json');
  expect(text).toContain('# Values marked TODO need a decision only a person can make');
  expect(text).toContain('`privacy-review\n# manifest check` lists each TODO as a warning');
});

test('an empty scan gives an empty, valid manifest', () => {
  const text = initManifest(scanOf([]), { systemName: 'empty' });
  expect(load(text).problems).toEqual([]);
  expect(load(text).manifest).toMatchObject({ system: { name: 'empty' }, datasets: [], flows: [], purposes: [] });
});

test('stable: the same scan gives the same text', () => {
  expect(initManifest(scanOf(FINDINGS), { systemName: 'x' })).toBe(initManifest(scanOf([...FINDINGS]), { systemName: 'x' }));
});
