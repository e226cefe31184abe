import { suggestManifest } from '../../src/manifest/suggest.js';
import { finding, load, SINKS, VALID } from './helpers.js';

/** A hand-written manifest with comments, blank lines, odd spacing, both list styles and quoting. */
const HAND = `# yaml-language-server: $schema=../schemas/manifest.schema.json
# Shop manifest, owned by @acme/privacy

version: 1
system:
  name: shop   # the storefront
  description: "Online shop"
  owner: '@acme/shop'

datasets:
  - id: users
    retention: P2Y
    fields:
      - { symbol: User.email, categories: [user.contact.email] }
      - symbol: User.firstName
        categories:
          - user.name.first

flows:
  # analytics
  - id: segment
    kind: third_party
    categories: [user.contact.email, user.unique_id]   # keep small
    countries: [US]
    transferMechanism: dpf
    description: >-
      Product analytics, folded
      long text here.

  - id: stripe
    kind: third_party
    categories:
      - user.name
    countries: ["US"]
    transferMechanism: scc

purposes:
  - id: analytics
    dataUse: analytics.reporting
    dataSubjects: [customer]
    categories: [user.contact.email, user.unique_id]
    legalBasis: consent
    flows: [segment]
    datasets: [users]
  - id: payments
    dataUse: essential.service.payment_processing
    dataSubjects: [customer]
    categories: [user.name]
    legalBasis: contract
    flows: [stripe]

logging:
  redactors: [maskEmail]
exceptions: []
# end of file
`;

const UNDECLARED = [
  finding({ rule: 'data-flow', categories: ['user.contact.email', 'user.name.first'], sink: SINKS.segment! }),
  finding({
    rule: 'data-flow',
    categories: ['user.contact.email'],
    sink: { kind: 'third_party', id: 'stripe', label: 'Stripe', service: 'payments' },
  }),
  finding({ rule: 'data-flow', categories: ['user.contact.email', 'user.demographic.date_of_birth'], sink: SINKS.openai! }),
  finding({ rule: 'data-flow', categories: ['user.name.first'], sink: SINKS.openai! }),
  finding({ rule: 'pii-field', categories: ['user.contact.phone_number'], symbol: 'User.phone' }),
  finding({ rule: 'pii-field', categories: ['user.name.first', 'user.name.last'], symbol: 'User.firstName' }),
  finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'Customer.email' }),
  finding({
    rule: 'pii-field',
    categories: ['user.financial.card_security_code'],
    symbol: 'PaymentDetails.cvv',
    file: 'src/payment.ts',
    line: 3,
  }),
  finding({ rule: 'pii-logging', categories: ['user.name.first'], sink: SINKS.pino! }),
];

/**
 * Lines of `before` that are not in `after`, in order and unchanged. A flow list that grew at its end
 * (`[a, b]` → `[a, b, c]`, with what followed it kept) counts as kept.
 */
function lostLines(before: string, after: string): string[] {
  const out = after.split('\n');
  const lost: string[] = [];
  let j = 0;
  for (const line of before.split('\n')) {
    const end = line.lastIndexOf(']');
    const grown = (l: string) => end > 0 && l.startsWith(line.slice(0, end)) && l.endsWith(line.slice(end)) && l.length > line.length;
    const k = out.findIndex((l, i) => i >= j && (l === line || grown(l)));
    if (k >= 0) j = k + 1;
    else lost.push(line);
  }
  return lost;
}

test('adds entries without touching comments, blank lines, key order, spacing or quoting', () => {
  const { text } = suggestManifest(HAND, UNDECLARED);
  // Only the lists that were widened changed, and they only grew at their end.
  expect(lostLines(HAND, text)).toEqual([]);
  // The three widened lists, in place: two flow lists and a block list.
  expect(text).toContain('    categories: [user.contact.email, user.unique_id, user.name.first]\n    legalBasis: consent\n');
  expect(text).toContain('    categories: [user.name, user.contact.email]\n    legalBasis: contract\n');
  expect(text).toContain('    categories: [user.contact.email, user.unique_id, user.name.first]   # keep small\n');
  expect(text.startsWith(HAND.slice(0, HAND.indexOf('datasets:')))).toBe(true);
  expect(text.endsWith('exceptions: []\n# end of file\n')).toBe(true);
});

test('widens existing flows, fields and purposes instead of duplicating them, and says what it added', () => {
  const { text, added, skipped } = suggestManifest(HAND, UNDECLARED);
  expect(added).toEqual([
    'flow segment: +user.name.first',
    'flow stripe: +user.contact.email',
    'dataset users: User.firstName +user.name.last',
    'dataset users: User.phone',
    'purpose analytics: +user.name.first',
    'purpose payments: +user.contact.email',
    'dataset customer: Customer.email',
    'flow openai',
    'purpose openai (TODO: data use, legal basis, data subjects)',
    'purpose customer (TODO: data use, legal basis, data subjects)',
  ]);
  expect(skipped).toEqual([
    'PaymentDetails.cvv (src/payment.ts:3): user.financial.card_security_code (card security code): PCI sensitive authentication data may never be stored; remove it from the code (PCI DSS 3.3.1)',
    'logging (src/a.ts:1): user.name.first (first name) in a log call: redact it or log an id in the code; allow it in logging.allowedCategories by hand only if these logs must carry it',
  ]);
  const m = load(text).manifest;
  expect(m.flows.map((f) => f.id)).toEqual(['segment', 'stripe', 'openai']);
  expect(m.flows[1]!.categories).toEqual(['user.name', 'user.contact.email']);
  expect(m.flows[2]).toEqual({
    id: 'openai',
    kind: 'third_party',
    categories: ['user.contact.email', 'user.demographic.date_of_birth', 'user.name.first'],
    countries: ['TODO'],
  });
  expect(m.datasets[0]!.fields.map((f) => [f.symbol, f.categories])).toEqual([
    ['User.email', ['user.contact.email']],
    ['User.firstName', ['user.name.first', 'user.name.last']],
    ['User.phone', ['user.contact.phone_number']],
  ]);
  // Logged data is never allowed by a suggestion: the log call stays in the review.
  expect(m.logging).toEqual({ redactors: ['maskEmail'], allowedCategories: [] });
});

test("new entries follow the author's style: block lists stay block lists, blank lines between flows", () => {
  const { text } = suggestManifest(HAND, UNDECLARED);
  expect(text).toContain('        categories:\n          - user.name.first\n          - user.name.last\n');
  expect(text).toContain('    categories:\n      - user.name\n      - user.contact.email\n    countries: ["US"]\n');
  expect(text).toContain('    transferMechanism: scc\n\n  - id: openai\n    kind: third_party\n');
  expect(text).toContain(
    '  - id: openai\n    kind: third_party\n    categories: [user.contact.email, user.demographic.date_of_birth, user.name.first]\n    countries: [TODO]  # where OpenAI processes the data',
  );
});

test('the result validates: no errors; TODO warnings, and a warning where a dataset now holds more than its purposes say', () => {
  const { text } = suggestManifest(HAND, UNDECLARED);
  const problems = load(text).problems;
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(problems.filter((p) => p.code !== 'todo').map((p) => p.message)).toEqual([
    'dataset "users" holds user.name.last, which no purpose naming this dataset lists',
    'dataset "users" holds user.contact.phone_number, which no purpose naming this dataset lists',
  ]);
});

test('idempotent: running it again adds nothing', () => {
  const once = suggestManifest(HAND, UNDECLARED);
  const twice = suggestManifest(once.text, UNDECLARED);
  expect(twice.added).toEqual([]);
  expect(twice.text).toBe(once.text);
});

test('nothing undeclared: the text is returned as it was', () => {
  expect(suggestManifest(HAND, [])).toEqual({ text: HAND, added: [], skipped: [] });
});

test('sections that are missing, empty or written as [] are created in place', () => {
  const base = 'version: 1\nsystem:\n    name: x\nflows: []   # none yet\ndatasets:\npurposes: ~\n';
  const { text } = suggestManifest(base, [
    finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.crm! }),
    finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'User.email' }),
    finding({ rule: 'pii-logging', categories: ['user.device.ip_address'], sink: SINKS.pino! }),
  ]);
  expect(load(text).manifest.logging.allowedCategories).toEqual([]);
  expect(text).toBe(
    [
      'version: 1',
      'system:',
      '    name: x',
      'flows:   # none yet',
      '    - id: http:crm.example.com',
      '      kind: http',
      '      categories: [user.contact.email]',
      'datasets:',
      '    - id: user',
      '      fields:',
      '          - symbol: User.email',
      '            categories: [user.contact.email]',
      'purposes:',
      '    - id: http:crm.example.com',
      '      dataUse: TODO  # why: a fideslang data use, e.g. essential.service',
      '      dataSubjects: [TODO]  # whose data, e.g. [customer]',
      '      categories: [user.contact.email]',
      '      legalBasis: TODO  # GDPR Art. 6(1), e.g. contract or consent (check lists all six)',
      '      flows: [http:crm.example.com]',
      '    - id: user',
      '      dataUse: TODO  # why: a fideslang data use, e.g. essential.service',
      '      dataSubjects: [TODO]  # whose data, e.g. [customer]',
      '      categories: [user.contact.email]',
      '      legalBasis: TODO  # GDPR Art. 6(1), e.g. contract or consent (check lists all six)',
      '      datasets: [user]',
      '',
    ].join('\n'),
  );
  expect(load(text).problems.filter((p) => p.severity === 'error')).toEqual([]);
});

test('sequences written without indentation under their key, and flow sequences of mappings (most lists here are [a, b])', () => {
  const base =
    'version: 1\nsystem: {name: x}\nflows:\n- id: a\n  kind: http\n  categories:\n  - user.name\npurposes: [{id: p, dataUse: essential.service, dataSubjects: [customer], categories: [user.name], legalBasis: contract, flows: [a]}]\n';
  const { text } = suggestManifest(base, [
    finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: { kind: 'http', id: 'a' } }),
    finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: { kind: 'queue', id: 'kafka:events' } }),
  ]);
  expect(text).toContain(
    'flows:\n- id: a\n  kind: http\n  categories:\n  - user.name\n  - user.contact.email\n- id: kafka:events\n  kind: queue\n  categories: [user.contact.email]\n',
  );
  expect(text).toContain(
    'purposes: [{id: p, dataUse: essential.service, dataSubjects: [customer], categories: [user.name, user.contact.email], legalBasis: contract, flows: [a]}, {id: kafka:events, dataUse: TODO, dataSubjects: [TODO], categories: [user.contact.email], legalBasis: TODO, flows: [kafka:events]}]\n',
  );
  expect(load(text).problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(load(text).manifest.purposes[1]).toMatchObject({
    id: 'kafka:events',
    flows: ['kafka:events'],
    categories: ['user.contact.email'],
  });
});

test("an entry that already stands for the field grows: its model's `Model.*`, or a path over its file", () => {
  const base =
    'version: 1\nsystem: {name: x}\ndatasets:\n  - id: accounts\n    fields:\n      - symbol: User.*\n        categories: [user.contact]\n  - id: shapes\n    fields:\n      - path: "src/dto/**"\n        categories: [user.name]\n';
  const covered = suggestManifest(base, [finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'User.email' })]);
  expect(covered.added).toEqual([]);
  const more = suggestManifest(base, [finding({ rule: 'pii-field', categories: ['user.name'], symbol: 'User.fullName' })]);
  expect(more.added).toEqual(['dataset accounts: User.* +user.name']);
  expect(more.text).toContain('      - symbol: User.*\n        categories: [user.contact, user.name]\n');
  const dto = suggestManifest(base, [
    finding({ rule: 'pii-field', categories: ['user.contact.phone_number'], symbol: 'SignupDto.phone', file: 'src/dto/signup.dto.ts' }),
  ]);
  expect(dto.added).toEqual(['dataset shapes: src/dto/** +user.contact.phone_number']);
  expect(dto.text).toContain('      - path: "src/dto/**"\n        categories: [user.name, user.contact.phone_number]\n');
  expect(load(dto.text).manifest.datasets).toHaveLength(2);
});

test('CRLF files keep CRLF; a file without a final newline gets none added in the middle', () => {
  const crlf = 'version: 1\r\nsystem:\r\n  name: x\r\nflows:\r\n  - id: a\r\n    kind: http\r\n    categories:\r\n      - user.name\r\n';
  const { text } = suggestManifest(crlf, [
    finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: { kind: 'http', id: 'a' } }),
  ]);
  expect(
    text.startsWith(
      'version: 1\r\nsystem:\r\n  name: x\r\nflows:\r\n  - id: a\r\n    kind: http\r\n    categories:\r\n      - user.name\r\n      - user.contact.email\r\n',
    ),
  ).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  const bare = suggestManifest('version: 1\nsystem: {name: x}\nflows: [{id: a, kind: http, categories: [user.name]}]', [
    finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: { kind: 'http', id: 'a' } }),
  ]);
  expect(
    bare.text.startsWith('version: 1\nsystem: {name: x}\nflows: [{id: a, kind: http, categories: [user.name, user.contact.email]}]\n'),
  ).toBe(true);
});

test('personal data in logs is never allowed by a suggestion, so the log call stays in the review', () => {
  const r = suggestManifest(VALID, [
    finding({ rule: 'pii-logging', categories: ['user.contact.email'], sink: SINKS.pino!, file: 'src/log.ts', line: 4 }),
  ]);
  expect(r.added).toEqual([]);
  expect(r.text).toBe(VALID);
  expect(r.skipped).toEqual([
    'logging (src/log.ts:4): user.contact.email (email address) in a log call: redact it or log an id in the code; allow it in logging.allowedCategories by hand only if these logs must carry it',
  ]);
});

test('a manifest it cannot edit safely is returned unchanged, with the reason', () => {
  const broken = 'version: 1\nsystem: {name: x\n';
  const r = suggestManifest(broken, [finding({ rule: 'pii-logging', categories: ['user.name'], sink: SINKS.pino! })]);
  expect(r.text).toBe(broken);
  expect(r.added).toEqual([]);
  expect(r.skipped[0]).toMatch(/^nothing added: .+ \(line \d+\); fix it first \(privacy-review manifest check\)$/);
});

describe('in any style, the result keeps every line, validates and is stable', () => {
  const variants: Record<string, string> = {
    'the hand-written one': HAND,
    'four-space indentation, lists not indented, block lists': [
      'version: 1',
      'system:',
      '    name: shop',
      'datasets:',
      '-   id: users',
      '    fields:',
      '    -   symbol: User.email',
      '        categories:',
      '        - user.contact.email',
      'flows:',
      '-   id: segment',
      '    kind: third_party',
      '    categories:',
      '    - user.contact.email',
      '    countries:',
      '    - US',
      '    transferMechanism: dpf',
      'purposes:',
      '-   id: analytics',
      '    dataUse: analytics.reporting',
      '    dataSubjects:',
      '    - customer',
      '    categories:',
      '    - user.contact.email',
      '    legalBasis: consent',
      '    flows:',
      '    - segment',
      '',
    ].join('\n'),
    'sections in another order, with trailing comments': `version: 1 # v\nexceptions: [] # none\nlogging: # policy\n  allowedCategories: [] # none\npurposes: [] # later\nflows: [] # none\ndatasets: [] # none\nsystem: {name: shop} # s\n`,
    CRLF: HAND.replace(/\n/g, '\r\n'),
  };
  test.each(Object.entries(variants))('%s', (_, text) => {
    expect(load(text).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const once = suggestManifest(text, UNDECLARED);
    // An empty `key: []` that receives entries becomes `key:` with a block under it (its comment stays).
    expect(lostLines(text.replace(/\r/g, ''), once.text.replace(/\r/g, '')).filter((l) => !/^\w+: \[\]/.test(l))).toEqual([]);
    expect(load(once.text).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(once.added.length).toBeGreaterThan(5);
    expect(suggestManifest(once.text, UNDECLARED).text).toBe(once.text);
    if (text.includes('\r\n')) expect(once.text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
