import { parse } from 'yaml';
import { declarationFor } from '../../src/manifest/snippets.js';
import { finding, load, SINKS } from './helpers.js';

test('a data-flow finding: a flow with the sink id, kind and categories; a third party gets a countries TODO', () => {
  const d = declarationFor(
    finding({ rule: 'data-flow', categories: ['user.contact.email', 'user.name.first'], sink: SINKS.openai!, symbol: 'draftReply' }),
  );
  expect(d.section).toBe('flows');
  expect(d.entry).toEqual({
    id: 'openai',
    kind: 'third_party',
    categories: ['user.contact.email', 'user.name.first'],
    countries: ['TODO'],
  });
  expect(d.yaml).toBe(
    [
      'flows:',
      '  - id: openai',
      '    kind: third_party',
      '    categories: [user.contact.email, user.name.first]',
      '    countries: [TODO]  # where OpenAI processes the data (ISO 3166 codes), e.g. [US]',
      '# and list "openai" under the flows of the purpose it serves (purposes[].flows)',
      '',
    ].join('\n'),
  );
  expect(parse(d.yaml)).toEqual({ flows: [d.entry] });
});

test('other sinks: no countries; ids that need no quoting stay plain', () => {
  const d = declarationFor(finding({ rule: 'data-flow', categories: ['user.contact.phone_number'], sink: SINKS.crm! }));
  expect(d.entry).toEqual({ id: 'http:crm.example.com', kind: 'http', categories: ['user.contact.phone_number'] });
  expect(d.yaml).toContain('  - id: http:crm.example.com\n    kind: http\n');
  expect(parse(d.yaml)).toEqual({ flows: [d.entry] });
});

test('a pii-field finding: a dataset named after the model, with the field', () => {
  const d = declarationFor(finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'PaymentDetails.billingEmail' }));
  expect(d.section).toBe('datasets');
  expect(d.entry).toEqual({
    id: 'payment_details',
    fields: [{ symbol: 'PaymentDetails.billingEmail', categories: ['user.contact.email'] }],
  });
  expect(d.yaml).toBe(
    [
      'datasets:',
      '  - id: payment_details',
      '    fields:',
      '      - symbol: PaymentDetails.billingEmail',
      '        categories: [user.contact.email]',
      '',
    ].join('\n'),
  );
});

test('a pii-logging finding: logging.allowedCategories', () => {
  const d = declarationFor(finding({ rule: 'pii-logging', categories: ['user.name.first', 'user.name.last'], sink: SINKS.pino! }));
  expect(d).toEqual({
    section: 'logging',
    entry: { allowedCategories: ['user.name.first', 'user.name.last'] },
    yaml: 'logging:\n  allowedCategories: [user.name.first, user.name.last]\n',
  });
});

test('PCI sensitive authentication data is left out where it would be stored or logged, and said why', () => {
  const field = declarationFor(
    finding({ rule: 'pii-field', categories: ['user.financial.card_security_code'], symbol: 'PaymentDetails.cvv' }),
  );
  expect(field.never).toEqual(['user.financial.card_security_code']);
  expect(field.yaml).toBe(
    '# not declarable: user.financial.card_security_code (card security code): PCI sensitive authentication data may never be stored; remove it from the code (PCI DSS 3.3.1)\n',
  );
  const logged = declarationFor(
    finding({ rule: 'pii-logging', categories: ['user.contact.address', 'user.financial.card_security_code'], sink: SINKS.pino! }),
  );
  expect(logged.entry).toEqual({ allowedCategories: ['user.contact.address'] });
  expect(logged.yaml.split('\n')[0]).toBe(
    '# left out: user.financial.card_security_code (card security code): PCI sensitive authentication data may never be logged; remove it from the code (PCI DSS 3.3.1)',
  );
  // To a payment processor it may go.
  const sent = declarationFor(
    finding({
      rule: 'data-flow',
      categories: ['user.financial.card_security_code'],
      sink: { kind: 'third_party', id: 'stripe', label: 'Stripe' },
    }),
  );
  expect(sent.entry.categories).toEqual(['user.financial.card_security_code']);
  expect(sent.never).toBeUndefined();
});

test('pure and stable: the same finding gives the same text', () => {
  const f = finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.segment! });
  expect(declarationFor(f)).toEqual(declarationFor({ ...f }));
});

test('pasted into a manifest, the snippets validate (TODO warnings aside)', () => {
  const flow = declarationFor(finding({ rule: 'data-flow', categories: ['user.contact.email'], sink: SINKS.segment! }));
  const field = declarationFor(finding({ rule: 'pii-field', categories: ['user.contact.email'], symbol: 'User.email' }));
  const logging = declarationFor(finding({ rule: 'pii-logging', categories: ['user.name'], sink: SINKS.pino! }));
  const purposes =
    'purposes:\n  - {id: p, dataUse: analytics.reporting, dataSubjects: [customer], categories: [user.contact.email], legalBasis: consent, flows: [segment], datasets: [user]}\n';
  const manifest = `version: 1\nsystem: {name: x}\n${flow.yaml}${field.yaml}${logging.yaml}${purposes}`;
  expect(load(manifest).problems.map((p) => `${p.severity} ${p.code}`)).toEqual(['warning todo']);
});
