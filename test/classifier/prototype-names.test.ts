import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANALYZERS } from '../../analyzers/index.js';
import { scan } from '../../src/engine/scan.js';

/**
 * Names that an object's prototype answers (`constructor`, `toString`, `__proto__`, ...) are
 * ordinary identifiers in analyzed code: every table looked up by a word from the code must answer
 * only its own entries, or one such name fails the analysis of the whole file.
 */
const NAMES = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
];
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'proto-names-'));
  mkdirSync(path.join(root, 'src'));
  const fields = NAMES.map((n) => `  ${JSON.stringify(n)}: string;`).join('\n');
  writeFileSync(
    path.join(root, 'src/a.ts'),
    `export interface User {\n${fields}\n  email: string;\n}\n` +
      `export function logIt(x: User) {\n  console.log(x.constructor.name, x.email);\n  const constructor = x.email;\n  console.log(constructor);\n}\n`,
  );
  writeFileSync(path.join(root, 'schema.prisma'), 'model constructor {\n  id Int @id\n  email String\n  toString toString\n}\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('prototype names in fields, properties, locals and Prisma types are analyzed like any other name', async () => {
  const r = await scan({ root, analyzers: ANALYZERS });
  expect(r.errors).toEqual([]);
  const got = r.findings.map((f) => `${f.rule} ${f.file}:${f.line}`);
  expect(got).toEqual(
    expect.arrayContaining(['pii-logging src/a.ts:14', 'pii-logging src/a.ts:16', 'pii-field src/a.ts:11', 'pii-field schema.prisma:3']),
  );
});
