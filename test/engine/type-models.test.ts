import { scanFixture } from '../analyzers/fixture-scan.js';
import { ANALYZERS } from '../../analyzers/index.js';
import { TYPE_MODELS, typeModelFilesFor, typeModelFor, typeModelTexts } from '../../src/ts/type-models.js';

/*
 * Types inferred from schemas (`z.infer<typeof ZContact>`, `InferSelectModel<typeof users>`,
 * `typeof users.$inferSelect`) are computed by the checker through the bundled type models, since the
 * scan reads no node_modules: values of those types carry the schema's personal fields.
 */
test('values typed with schema-inferred types carry the schema fields, and only personal ones', async () => {
  const { result, report } = await scanFixture('schema-inferred-types', ANALYZERS, ['data-flow']);
  expect(report.problems).toEqual([]);
  expect(report.truePositives).toBe(6);
  expect(result.errors).toEqual([]);
});

test('the trace names the schema the fields come from', async () => {
  const { result } = await scanFixture('schema-inferred-types', ANALYZERS, ['data-flow']);
  const steps = result.findings.filter((f) => f.rule === 'data-flow').flatMap((f) => (f.trace ?? []).map((t) => t.note ?? ''));
  expect(steps.some((s) => /user: users holds/.test(s))).toBe(true);
  expect(steps.some((s) => /contact: Contact holds/.test(s))).toBe(true);
});

test.each([
  ['zod', 'zod.d.ts'],
  ['zod/v4', 'zod.d.ts'],
  ['drizzle-orm', 'drizzle-orm.d.ts'],
  ['drizzle-orm/mysql-core', 'drizzle-orm-core.d.ts'],
])('%s is answered by the model %s', (specifier, file) => {
  expect(typeModelFor(specifier)).toMatch(new RegExp(`/${file.replace('.', '\\.')}$`));
});

test('a package without a model stays unresolved', () => {
  expect(typeModelFor('drizzle-orm/node-postgres')).toBeUndefined();
  expect(typeModelFor('zodiac')).toBeUndefined();
});

test('a program gets the models its sources name, with the models they import, and no others', () => {
  const files = typeModelFilesFor(["import { pgTable } from 'drizzle-orm/pg-core';"])
    .map((f) => f.split('/').pop())
    .sort();
  expect(files).toEqual(['drizzle-orm-core.d.ts', 'drizzle-orm.d.ts']);
  expect(typeModelFilesFor(["import express from 'express';"])).toEqual([]);
});

test('every model file a row names is shipped', () => {
  const shipped = new Set([...typeModelTexts().keys()].map((f) => f.split('/').pop()));
  for (const m of TYPE_MODELS) for (const f of [m.file, ...(m.uses ?? [])]) expect(shipped).toContain(f);
});
