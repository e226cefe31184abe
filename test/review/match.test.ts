import { matchFindings } from '../../src/review/match.js';
import { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import type { Flow, Purpose } from '../../src/manifest/types.js';
import { finding, loaded, manifest } from './factory.js';

const taxonomy = Taxonomy.default();
const today = '2026-11-26';

const segment: Flow = { id: 'segment', kind: 'third_party', categories: ['user.contact', 'user.unique_id'], countries: ['US'] };
const analytics: Purpose = {
  id: 'product-analytics',
  dataUse: 'analytics.reporting',
  dataSubjects: ['customer'],
  categories: ['user.contact.email', 'user.unique_id'],
  legalBasis: 'legitimate_interests',
  flows: ['segment'],
  datasets: [],
};

const judge = (f: ReturnType<typeof finding>, m = manifest({ flows: [segment], purposes: [analytics] })) =>
  matchFindings([f], loaded(m), { taxonomy, today }).findings[0]!;

describe('data-flow findings', () => {
  test('declared when a flow matches the sink, covers the categories (by hierarchy) and a purpose links them', () => {
    const m = judge(finding('data-flow', ['user.contact.email'], { sinkId: 'segment' }));
    expect(m).toMatchObject({ declared: true, declaration: { kind: 'flow', id: 'segment', purposes: ['product-analytics'] } });
    expect(m.declaration!.location).toEqual({ file: '.privacy/manifest.yml', line: 12, column: 3 });
  });

  test.each([
    [['user.contact.phone_number'], 'segment', /no purpose of flow `segment` covers user\.contact\.phone_number/],
    [['user.name'], 'segment', /flow `segment` is declared, but not for user\.name/],
    [['user.contact.email'], 'mixpanel', /no flow in the manifest matches `mixpanel`/],
  ])('%j to %s is undeclared: %s', (categories, sinkId, reason) => {
    const m = judge(finding('data-flow', categories, { sinkId }));
    expect(m.declared).toBe(false);
    expect(m.reason).toMatch(reason);
  });

  test('a flow with no purpose does not declare', () => {
    const m = judge(finding('data-flow', ['user.contact.email'], { sinkId: 'segment' }), manifest({ flows: [segment] }));
    expect(m).toMatchObject({ declared: false, reason: expect.stringMatching(/no purpose lists it/) });
  });

  test.each([
    [{ id: 'kafka', kind: 'queue' }, 'kafka:user-events', true],
    [{ id: 'events', kind: 'queue', match: { sinks: ['kafka'] } }, 'kafka:user-events', true],
    [{ id: 'events', kind: 'queue', match: { topics: ['user-events'] } }, 'kafka:user-events', true],
    [{ id: 'events', kind: 'queue', match: { topics: ['orders'] } }, 'kafka:user-events', false],
    [{ id: 'crm', kind: 'http', match: { hosts: ['*.example.com'] } }, 'http:crm.example.com', true],
    [{ id: 'crm', kind: 'http', match: { hosts: ['crm.example.com'] } }, 'http:api.example.com', false],
    [{ id: 'kafka-other', kind: 'queue' }, 'kafka:user-events', false],
  ])('flow %j matches sink %s: %s', (flow, sinkId, expected) => {
    const f = { ...flow, categories: ['user'] } as Flow;
    const p = { ...analytics, categories: ['user'], flows: [f.id] };
    const m = judge(finding('data-flow', ['user.contact.email'], { sinkId }), manifest({ flows: [f], purposes: [p] }));
    expect(m.declared).toBe(expected);
  });
});

describe('pii-field findings', () => {
  const m = manifest({
    datasets: [
      {
        id: 'users',
        fields: [
          { symbol: 'User.email', categories: ['user.contact.email'] },
          { symbol: 'Profile.*', categories: ['user'] },
          { path: 'prisma/**', categories: ['user'] },
        ],
      },
    ],
  });

  test.each([
    ['User.email', 'src/user.ts', ['user.contact.email'], true],
    ['User.email', 'src/user.ts', ['user.contact.phone_number'], false],
    ['User.phone', 'src/user.ts', ['user.contact.phone_number'], false],
    ['Profile.address.street', 'src/profile.ts', ['user.contact.address'], true],
    ['Customer.email', 'prisma/schema.prisma', ['user.contact.email'], true],
  ])('%s in %s as %j declared: %s', (symbol, file, categories, declared) => {
    expect(judge(finding('pii-field', categories, { symbol, file }), m).declared).toBe(declared);
  });

  test('the reason names the dataset and the missing category', () => {
    expect(judge(finding('pii-field', ['user.name'], { symbol: 'User.email' }), m).reason).toBe(
      'dataset `users` declares `User.email`, but not as user.name',
    );
  });
});

describe('pii-logging findings', () => {
  test('declared only when the logging policy allows every category', () => {
    const m = manifest({ logging: { allowedCategories: ['user.device.ip_address'], redactors: [] } });
    expect(judge(finding('pii-logging', ['user.device.ip_address']), m).declared).toBe(true);
    expect(judge(finding('pii-logging', ['user.device.ip_address', 'user.contact.email']), m)).toMatchObject({
      declared: false,
      reason: 'the logging policy does not allow user.contact.email in logs',
    });
  });
});

test('PCI sensitive authentication data is never declared, however broad the key', () => {
  const m = manifest({ logging: { allowedCategories: ['user.financial', 'user'], redactors: [] } });
  expect(judge(finding('pii-logging', ['user.financial.card_security_code']), m)).toMatchObject({
    declared: false,
    reason: expect.stringMatching(/card_security_code/),
  });
  expect(judge(finding('pii-logging', ['user.financial.credit_card']), m).declared).toBe(true);
});

describe('exceptions and suppressions', () => {
  const exception = {
    id: 'legacy-export',
    rule: 'pii-logging' as const,
    paths: ['src/legacy/**'],
    reason: 'removed in Q1',
    expires: '2026-12-31',
  };

  test('a live exception accepts a matching finding', () => {
    const m = judge(
      finding('pii-logging', ['user.contact.email'], { file: 'src/legacy/export.ts' }),
      manifest({ exceptions: [exception] }),
    );
    expect(m).toMatchObject({ declared: true, declaration: { kind: 'exception', id: 'legacy-export' } });
  });

  test('an expired exception or one for other paths does not', () => {
    expect(
      judge(
        finding('pii-logging', ['user.contact.email'], { file: 'src/legacy/export.ts' }),
        manifest({ exceptions: [{ ...exception, expires: '2026-11-25' }] }),
      ).declared,
    ).toBe(false);
    expect(
      judge(finding('pii-logging', ['user.contact.email'], { file: 'src/api.ts' }), manifest({ exceptions: [exception] })).declared,
    ).toBe(false);
  });

  test('a suppressed finding is accepted by its reason', () => {
    const f = finding('pii-logging', ['user.contact.email'], {
      suppressed: true,
      suppression: { kind: 'inline', reason: 'operator terminal only' },
    });
    expect(judge(f, manifest())).toMatchObject({ declared: true, declaration: { kind: 'suppression', id: 'operator terminal only' } });
  });

  test('without a manifest nothing personal is declared', () => {
    const [m] = matchFindings([finding('data-flow', ['user.contact.email'], { sinkId: 'segment' })], undefined, {
      taxonomy,
      today,
    }).findings;
    expect(m).toMatchObject({ declared: false, reason: 'there is no data-flow manifest yet' });
  });
});

test('declarations with no evidence in the code are stale, with their location', () => {
  const m = manifest({
    flows: [segment, { id: 'intercom', kind: 'third_party', categories: ['user'], countries: ['US'] }],
    purposes: [analytics],
    datasets: [{ id: 'users', fields: [{ symbol: 'User.fax', categories: ['user.contact'] }] }],
  });
  const result = matchFindings([finding('data-flow', ['user.contact.email'], { sinkId: 'segment' })], loaded(m), { taxonomy, today });
  expect(result.stale.map((s) => [s.kind, s.id])).toEqual([
    ['flow', 'intercom'],
    ['dataset-field', 'users:User.fax'],
  ]);
  expect(result.stale[0]!.location).toEqual({ file: '.privacy/manifest.yml', line: 12, column: 3 });
});
