import { fingerprint } from '../../src/engine/fingerprint.js';
import type { SinkRef } from '../../src/core/contract.js';

const base = {
  rule: 'pii-logging' as const,
  file: 'src/a.ts',
  symbol: 'UserService.register',
  categories: ['user.contact.email', 'user.name'],
  sink: { kind: 'logger', id: 'pino' } as SinkRef,
  discriminator: 'pino logger.info',
};

test('does not depend on category order or discriminator whitespace and quotes', () => {
  expect(fingerprint({ ...base, categories: ['user.name', 'user.contact.email'] })).toBe(fingerprint(base));
  expect(fingerprint({ ...base, discriminator: 'pino  logger.info' })).toBe(fingerprint(base));
});

test.each([
  ['rule', { rule: 'data-flow' as const }],
  ['file', { file: 'src/b.ts' }],
  ['symbol', { symbol: 'UserService.login' }],
  ['categories', { categories: ['user.contact.email'] }],
  ['sink', { sink: { kind: 'logger', id: 'winston' } as SinkRef }],
  ['discriminator', { discriminator: 'pino logger.warn' }],
])('changes when the %s changes', (_name, change) => {
  expect(fingerprint({ ...base, ...change })).not.toBe(fingerprint(base));
});

test('repeats in one file are told apart by occurrence', () => {
  expect(fingerprint(base, 1)).not.toBe(fingerprint(base, 0));
  expect(fingerprint(base, 0)).toMatch(/^[0-9a-f]{32}$/);
});
