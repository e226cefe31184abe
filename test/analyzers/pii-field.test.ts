import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { piiFieldAnalyzer } from '../../analyzers/pii-field/index.js';
import { parsePrisma } from '../../analyzers/pii-field/prisma.js';
import { createModelReporter, type FieldDecl } from '../../analyzers/pii-field/report-field.js';
import { Classifier, type TypeHint } from '../../src/classifier/classifier.js';
import type { FindingInput } from '../../src/core/analyzer.js';
import type { FileContext } from '../../src/engine/analyzer.js';
import { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import { scan } from '../../src/engine/scan.js';
import type { Finding, ScanResult } from '../../src/core/contract.js';
import type { FixtureReport } from '../harness/fixtures.js';
import { scanFixture } from './fixture-scan.js';

let result: ScanResult;
let report: FixtureReport;

beforeAll(async () => {
  ({ result, report } = await scanFixture('pii-field', [piiFieldAnalyzer], ['pii-field']));
});

const find = (file: string, symbol: string): Finding => {
  const f = result.findings.find((x) => x.file === file && x.symbol === symbol);
  if (!f)
    throw new Error(
      `no finding ${symbol} in ${file}; have: ${result.findings
        .filter((x) => x.file === file)
        .map((x) => x.symbol)
        .join(', ')}`,
    );
  return f;
};

test('every annotated line of the pii-field fixtures is found, and nothing else', () => {
  if (report.problems.length) console.log(report.problems.join('\n'));
  expect(report.problems).toEqual([]);
  expect(report.truePositives).toBeGreaterThan(100);
});

test('every fixture file is analysed without errors and contributes findings', () => {
  expect(result.errors).toEqual([]);
  expect(result.skipped).toEqual([]);
  const files = new Set(result.findings.map((f) => f.file));
  for (const file of [
    'interfaces.ts',
    'typeorm.ts',
    'class-validator.ts',
    'mongoose.ts',
    'sequelize.ts',
    'drizzle.ts',
    'knex.ts',
    'zod.ts',
    'yup-joi.ts',
    'schema.prisma',
    'plain.js',
    'component.tsx',
    'module.mts',
  ]) {
    expect([file, files.has(file)]).toEqual([file, true]);
  }
});

test('a finding names the field, the data and what to do, in the developer terms of the spec', () => {
  const f = find('interfaces.ts', 'User.email');
  expect(f.message).toBe('User.email stores an email address (user.contact.email). Declare it in the data-flow manifest dataset for User.');
  expect(f.remediation).toMatch(/\.privacy\/manifest\.yml/);
  expect(f.remediation).toMatch(/privacy-review-ignore pii-field -- /);
  expect(f).toMatchObject({ rule: 'pii-field', categories: ['user.contact.email'], confidence: 'high', sink: null, trace: [] });
  // Reported at the field name, not the whole declaration.
  expect(f.endLine).toBe(f.line);
  expect(f.endColumn - f.column).toBe('email'.length);
});

test('symbols name the owner: type, table or schema variable, with nested paths', () => {
  expect(find('typeorm.ts', 'UserEntity.email').categories).toEqual(['user.contact.email']);
  expect(find('drizzle.ts', 'users.email').categories).toEqual(['user.contact.email']);
  expect(find('knex.ts', 'users.email').categories).toEqual(['user.contact.email']);
  expect(find('mongoose.ts', 'UserSchema.email').categories).toEqual(['user.contact.email']);
  expect(find('mongoose.ts', 'UserSchema.name.first')).toBeDefined();
  expect(find('mongoose.ts', 'UserSchema.profile.avatar')).toBeDefined();
  expect(find('zod.ts', 'UserSchema.address.street')).toBeDefined();
  expect(find('zod.ts', 'AdminSchema.officePhone')).toBeDefined();
  expect(find('interfaces.ts', 'Customer.address.street')).toBeDefined();
  expect(find('interfaces.ts', 'Order.customer.name')).toBeDefined();
  expect(find('mongoose.ts', 'Patient.diagnosis')).toBeDefined();
  expect(find('schema.prisma', 'User.email')).toBeDefined();
});

test('a nested object is reported by its leaves, or as a whole when no leaf says anything', () => {
  expect(result.findings.some((f) => f.symbol === 'Customer.address')).toBe(false);
  expect(find('interfaces.ts', 'Customer.homeAddress').categories).toEqual(['user.contact.address']);
});

test('severity comes from the taxonomy: special categories are high, contact data medium', () => {
  expect(find('mongoose.ts', 'Patient.diagnosis').severity).toBe('high');
  expect(find('mongoose.ts', 'Patient.diagnosis').message).toMatch(/special-category data \(GDPR Art\. 9\)/);
  expect(find('interfaces.ts', 'User.email').severity).toBe('medium');
});

test('validators that say what a value is give high confidence whatever the field is called', () => {
  for (const [file, symbol] of [
    ['zod.ts', 'UserSchema.primary'],
    ['class-validator.ts', 'ContactRequest.replyTo'],
    ['mongoose.ts', 'UserSchema.recovery'],
  ] as const) {
    expect([symbol, find(file, symbol).confidence, find(file, symbol).categories]).toEqual([symbol, 'high', ['user.contact.email']]);
  }
});

test('Prisma findings point at the field name in the .prisma file', async () => {
  const f = find('schema.prisma', 'User.email');
  const lines = (await fs.readFile(path.join(result.root, 'schema.prisma'), 'utf8')).split('\n');
  const line = lines[f.line - 1]!;
  expect(line.slice(f.column - 1, f.endColumn - 1)).toBe('email');
});

test('the Prisma reader handles comments, strings, @map, @@map, enums and composite types', () => {
  const blocks = parsePrisma(
    [
      'model User { // trailing comment',
      '  id Int @id',
      '  website String @default("https://x.io//y") // comment',
      '  // commented String',
      '  email String @default("x//y") @map(name: "email_address")',
      '  @@map("users")',
      '  @@index([email])',
      '}',
      'enum Role { A }',
      'type Address {',
      '  city String',
      '}',
    ].join('\n'),
  );
  expect(blocks.map((b) => [b.kind, b.name, b.map])).toEqual([
    ['model', 'User', 'users'],
    ['enum', 'Role', undefined],
    ['type', 'Address', undefined],
  ]);
  expect(blocks[0]!.fields.map((f) => [f.name, f.type, f.line, f.column, f.map])).toEqual([
    ['id', 'Int', 2, 3, undefined],
    ['website', 'String', 3, 3, undefined],
    ['email', 'String', 5, 3, 'email_address'],
  ]);
});

test('the type is asked for only when the name classifies, and once per field', () => {
  const asked: string[] = [];
  const reports: FindingInput[] = [];
  const ctx = {
    classifier: Classifier.default(),
    taxonomy: Taxonomy.default(),
    report: (f: FindingInput) => reports.push(f),
  } as unknown as FileContext;
  const field = (name: string, hint: TypeHint): FieldDecl => ({ name, at: { line: 1, column: 1 }, hint: () => (asked.push(name), hint) });
  const report = createModelReporter(ctx);
  report({
    owner: 'User',
    fields: [field('createdAt', 'date'), field('total', 'number'), field('email', 'string'), field('phone', 'boolean')],
  });
  // `Server.address` is classified twice (bare and as "server address"); the checker is asked once.
  report({ owner: 'Server', fields: [field('address', 'string')] });
  expect(asked).toEqual(['email', 'phone', 'address']);
  expect(reports.map((r) => r.symbol)).toEqual(['User.email']);
});

describe('fingerprints', () => {
  const source = ['export interface Patient {', '  email: string;', '  ssn: string;', '}', ''].join('\n');
  const scanText = async (text: string): Promise<Finding[]> => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pii-field-'));
    try {
      await fs.writeFile(path.join(dir, 'patient.ts'), text);
      return (await scan({ root: dir, analyzers: [piiFieldAnalyzer] })).findings;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  };

  test('stay the same when lines are inserted above, and differ between fields', async () => {
    const before = await scanText(source);
    const after = await scanText(`// a new comment\nimport type { X } from './x';\n\n${source}`);
    expect(before.map((f) => f.symbol)).toEqual(['Patient.email', 'Patient.ssn']);
    expect(after.map((f) => f.line)).toEqual(before.map((f) => f.line + 3));
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    expect(new Set(before.map((f) => f.id)).size).toBe(2);
  });

  test('change when the field is renamed to other data', async () => {
    const [before] = await scanText(source);
    const [after] = await scanText(source.replace('email', 'workEmail'));
    expect(after!.symbol).toBe('Patient.workEmail');
    expect(after!.id).not.toBe(before!.id);
  });
});

test('classifier.ignore silences a name on every model, also where the owner qualifies it (`Order.email` read as "order email")', () => {
  const reports: FindingInput[] = [];
  const classifier = new Classifier(undefined, { ignore: ['email'] });
  const ctx = { classifier, taxonomy: Taxonomy.default(), report: (f: FindingInput) => reports.push(f) } as unknown as FileContext;
  const report = createModelReporter(ctx);
  report({
    owner: 'User',
    fields: [
      { name: 'email', at: { line: 1, column: 1 } },
      { name: 'phone', at: { line: 2, column: 1 } },
    ],
  });
  report({
    owner: 'Order',
    fields: [
      { name: 'email', at: { line: 3, column: 1 } },
      { name: 'contact', at: { line: 4, column: 1 }, children: [{ name: 'email', at: { line: 5, column: 1 } }] },
    ],
  });
  expect(reports.map((r) => r.symbol)).toEqual(['User.phone']);
});
