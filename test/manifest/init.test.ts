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
    stats: {
      files: 3,
      lines: 10,
      durationMs: 1,
      findings: findings.length,
      suppressed: 0,
      byRule: { 'pii-field': 0, 'pii-logging': 0, 'data-flow': 0 },
    },
  };
}

const FINDINGS = [
  finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'User.email', file: 'src/models/user.ts', line: 3 }),
  finding({ rule: 'pii-field', categories: ['user.name.first'], symbol: 'User.firstName', file: 'src/models/user.ts', line: 4 }),
  finding({
    rule: 'pii-field',
    categories: ['user.financial.credit_card'],
    symbol: 'PaymentDetails.cardNumber',
    file: 'src/models/payment.ts',
    line: 2,
  }),
  finding({
    rule: 'pii-field',
    categories: ['user.financial.card_security_code'],
    symbol: 'PaymentDetails.cvv',
    file: 'src/models/payment.ts',
    line: 3,
  }),
  finding({
    rule: 'pii-field',
    categories: ['user.health_and_medical'],
    symbol: 'Patient.diagnosis',
    file: 'src/models/patient.ts',
    line: 2,
  }),
  finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.segment!, file: 'src/a.ts', line: 5 }),
  finding({ rule: 'data-flow', categories: ['user.name.first', 'user.unique_id'], sink: SINKS.segment!, file: 'src/b.ts', line: 9 }),
  finding({ rule: 'data-flow', categories: ['user.name'], sink: SINKS.segment!, file: 'src/b.ts', line: 12 }),
  finding({
    rule: 'data-flow',
    categories: ['user.contact.email', 'user.financial.card_security_code'],
    sink: SINKS.s3!,
    file: 'src/export.ts',
    line: 7,
  }),
  finding({ rule: 'pii-logging', categories: ['user.contact.email'], sink: SINKS.pino!, file: 'src/log.ts', line: 4 }),
  finding({
    rule: 'data-flow',
    categories: ['user.contact.email'],
    sink: SINKS.openai!,
    suppressed: true,
    suppression: { kind: 'inline', reason: 'dev only' },
  }),
];

test('a first manifest that validates: only TODO warnings, no errors', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  const loaded = load(text);
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(new Set(loaded.problems.map((p) => p.code))).toEqual(new Set(['todo']));
});

/** Files of the scanned project, for telling stored models from shapes that pass through. */
const TEXTS: Record<string, string> = {
  'src/models/user.ts': "@Entity('users')\nexport class User { @Column() email: string }",
  'src/models/payment.ts': '@Entity()\nexport class PaymentDetails {}',
  'src/models/patient.ts': 'const PatientSchema = new Schema({ diagnosis: String });',
};
const fileText = (file: string) => TEXTS[file];

test('a dataset per store with one `Model.*` entry per model; PCI SAD left out with a comment', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop', fileText });
  const m = load(text).manifest;
  expect(m.datasets.map((d) => [d.id, d.fields.map((f) => `${f.symbol}: ${f.categories.join(', ')}`)])).toEqual([
    ['typeorm', ['User.*: user.contact.email, user.name.first', 'PaymentDetails.*: user.financial.credit_card']],
    ['mongoose', ['Patient.*: user.health_and_medical']],
  ]);
  expect(text).toContain(
    '# left out: PaymentDetails.cvv in src/models/payment.ts:3: user.financial.card_security_code (card security code): PCI sensitive authentication data may never be stored; remove it from the code (PCI DSS 3.3.1)',
  );
});

test('DTOs, props and other shapes that pass through are covered by path entries, one per area of the code', () => {
  const shapes = [
    finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'LoginDto.email', file: 'src/auth/dto/login.dto.ts' }),
    finding({
      rule: 'pii-field',
      categories: ['user.authorization.credentials'],
      symbol: 'LoginDto.password',
      file: 'src/auth/dto/login.dto.ts',
    }),
    finding({ rule: 'pii-field', categories: ['user.name.first'], symbol: 'ProfileProps.firstName', file: 'src/users/profile.tsx' }),
    // An entity file, but the shape's name says it carries data between layers.
    finding({ rule: 'pii-field', categories: ['user.name.last'], symbol: 'UserResponse.lastName', file: 'src/users/user.entity.ts' }),
    finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'Invite.email', file: 'packages/types/invite.ts' }),
    finding({ rule: 'pii-field', categories: ['user.name'], symbol: 'Survey.name', file: 'packages/types/surveys/survey.ts' }),
  ];
  const m = load(initManifest(scanOf(shapes), { systemName: 'x' })).manifest;
  expect(m.datasets.map((d) => [d.id, d.fields.map((f) => `${f.path}: ${f.categories.join(', ')}`)])).toEqual([
    [
      'in-transit',
      [
        // a package's files share one entry; its sub-directories fold into it
        'packages/types/**: user.contact.email, user.name',
        'src/auth/**: user.authorization.credentials, user.contact.email',
        'src/users/**: user.name.first, user.name.last',
      ],
    ],
  ]);
});

test('two packages with the same store get the package in the dataset id', () => {
  const prisma = [
    finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'User.email', file: 'packages/db/schema.prisma' }),
    finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'Contact.email', file: 'apps/mailer/prisma/schema.prisma' }),
  ];
  const m = load(initManifest(scanOf(prisma), { systemName: 'x' })).manifest;
  expect(m.datasets.map((d) => [d.id, d.description])).toEqual([
    ['db-prisma', 'Prisma models of packages/db'],
    ['mailer-prisma', 'Prisma models of apps/mailer'],
  ]);
});

test('flows grouped by sink with the union of categories (a parent absorbs its children); places listed above, the rest counted', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop' });
  const m = load(text).manifest;
  expect(m.flows).toEqual([
    { id: 'segment', kind: 'third_party', categories: ['user.contact.email', 'user.name', 'user.unique_id'], countries: ['TODO'] },
    { id: 's3:exports', kind: 'storage', categories: ['user.contact.email'] },
  ]);
  expect(text).toContain('  # Segment (analytics)\n  # src/a.ts:5\n  # src/b.ts:9\n  # src/b.ts:12\n  - id: segment\n');
  expect(text).toContain('# left out: s3:exports from src/export.ts:7: user.financial.card_security_code');
  const many = Array.from({ length: 9 }, (_, i) =>
    finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.segment!, file: `src/f${i}.ts`, line: 1 }),
  );
  expect(initManifest(scanOf(many), { systemName: 'x' })).toContain('  # src/f2.ts:1\n  # ... and 6 more\n  - id: segment\n');
});

test('purposes by use: the service holds the stores and internal flows, a vendor kind gets its own; TODOs and a special-category condition where needed', () => {
  const text = initManifest(scanOf(FINDINGS), { systemName: 'shop', fileText });
  const m = load(text).manifest;
  expect(
    m.purposes.map((p) => ({
      id: p.id,
      flows: p.flows,
      datasets: p.datasets,
      categories: p.categories,
      special: p.specialCategoryCondition,
    })),
  ).toEqual([
    {
      id: 'service',
      flows: ['s3:exports'],
      datasets: ['typeorm', 'mongoose'],
      categories: ['user.contact.email', 'user.financial.credit_card', 'user.health_and_medical', 'user.name.first'],
      special: 'TODO',
    },
    {
      id: 'analytics',
      flows: ['segment'],
      datasets: [],
      categories: ['user.contact.email', 'user.name', 'user.unique_id'],
      special: undefined,
    },
  ]);
  expect(m.purposes.every((p) => p.dataUse === 'TODO' && p.legalBasis === 'TODO' && p.dataSubjects[0] === 'TODO')).toBe(true);
  expect(text).toContain('    dataUse: TODO  # why: a fideslang data use, e.g. analytics.reporting\n');
});

test('long lists fold at a readable width and stay one YAML list', () => {
  const keys = [
    'user.contact.email',
    'user.contact.phone_number',
    'user.name.first',
    'user.name.last',
    'user.unique_id',
    'user.device.ip_address',
    'user.account.username',
  ];
  const wide = keys.map((c, i) => finding({ rule: 'pii-field', categories: [c], symbol: `User.f${i}`, file: 'src/user.entity.ts' }));
  const text = initManifest(scanOf(wide), { systemName: 'x' });
  expect(
    Math.max(
      ...text
        .split('\n')
        .filter((l) => !l.trimStart().startsWith('#'))
        .map((l) => l.length),
    ),
  ).toBeLessThanOrEqual(100);
  expect(load(text).manifest.datasets[0]!.fields[0]!.categories).toEqual([...keys].sort());
});

test('init writes nothing check warns about but TODOs: a broad financial key becomes its declarable children', () => {
  const money = [
    finding({ rule: 'pii-field', categories: ['user.financial'], symbol: 'Wallet.funds', file: 'src/wallet.entity.ts' }),
    finding({
      rule: 'pii-field',
      categories: ['user.financial.account_balance'],
      symbol: 'Account.balance',
      file: 'src/account.entity.ts',
    }),
    finding({ rule: 'data-flow', categories: ['user.financial'], sink: SINKS.s3!, file: 'src/export.ts' }),
  ];
  const loaded = load(initManifest(scanOf(money), { systemName: 'x' }));
  expect(new Set(loaded.problems.map((p) => p.code))).toEqual(new Set(['todo']));
  const declared = [
    ...loaded.manifest.datasets.flatMap((d) => d.fields.flatMap((f) => f.categories)),
    ...loaded.manifest.flows.flatMap((f) => f.categories),
  ];
  expect(declared).not.toContain('user.financial');
  expect(declared).not.toContain('user.financial.card_security_code');
  expect(declared).toContain('user.financial.account_balance');
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
