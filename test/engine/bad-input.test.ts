import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import { ANALYZERS } from '../../analyzers/index.js';
import type { ScanResult } from '../../src/core/contract.js';

/** One project with every kind of awkward input; the scan must report each and lose no finding. */
let root: string;
let result: ScanResult;

const files: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true, } ',
  'src/broken.ts': 'export function f(user: { email: string }) {\n  console.log(user.email);\n  const x = ;\n}\n',
  'src/esm.mts': 'export const log = (email: string) => console.info(email);\n',
  'src/cjs.cts':
    'const pino = require("pino");\nconst logger = pino();\nexport function g(phoneNumber: string) { logger.warn(phoneNumber); }\n',
  'src/view.jsx': 'export function View({ user }) {\n  console.log(user.email);\n  return <p>{user.email}</p>;\n}\n',
  'src/plain.js': 'function h(req) { console.log(req.body.ssn); }\nmodule.exports = { h };\n',
  'src/types.d.ts': 'declare const x: { email: string };\n',
  'src/suppress.ts': 'export function s(email: string) {\n  // privacy-review-ignore pii-logging\n  console.log(email);\n}\n',
};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-bad-input-'));
  for (const [rel, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  }
  result = await scan({ root, analyzers: ANALYZERS });
});

afterAll(() => fs.rm(root, { recursive: true, force: true }));

const logged = (file: string) =>
  result.findings.filter((f) => f.file === file && f.rule === 'pii-logging').map((f) => f.categories.join(','));

test('a broken tsconfig.json is reported with its position and the scan goes on', () => {
  const e = result.errors.find((x) => x.file === 'tsconfig.json');
  expect(e?.message).toMatch(/tsconfig\.json could not be used/);
  expect(e?.line).toBeGreaterThan(0);
});

test('a file with a syntax error is reported with its line and still analyzed', () => {
  expect(result.errors.find((x) => x.file === 'src/broken.ts')).toMatchObject({
    line: 3,
    message: expect.stringMatching(/^Syntax error: [^]*[^.]\. The rest of the file/),
  });
  expect(logged('src/broken.ts')).toEqual(['user.contact.email']);
});

test.each([
  ['src/esm.mts', 'user.contact.email'],
  ['src/cjs.cts', 'user.contact.phone_number'],
  ['src/view.jsx', 'user.contact.email'],
  ['src/plain.js', 'user.government_id.national_identification_number'],
])('%s is analyzed', (file, category) => {
  expect(logged(file)).toEqual([category]);
});

test('declaration files are not analyzed as sources', () => {
  expect(result.findings.filter((f) => f.file === 'src/types.d.ts')).toEqual([]);
});

test('a suppression without a reason does not suppress and is reported with its line', () => {
  const f = result.findings.find((x) => x.file === 'src/suppress.ts')!;
  expect(f.suppressed).toBe(false);
  expect(result.errors).toContainEqual({ file: 'src/suppress.ts', line: 2, message: expect.stringMatching(/no reason/) });
});
