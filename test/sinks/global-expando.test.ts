import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANALYZERS } from '../../analyzers/index.js';
import { scan } from '../../src/engine/scan.js';

/**
 * In JavaScript, an assignment to a member of a global (`console.debug = function () {}`,
 * `localStorage.debug = 'app:*'`) makes the binder declare that global in the assigning file. It
 * stays the global everywhere: one such line must not turn console or localStorage off as a sink
 * for the whole project.
 */
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'global-expando-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(
    path.join(root, 'src/setup.js'),
    "import debug from 'debug';\nconsole.debug = function () {};\nlocalStorage.debug = 'app:*';\nwindow.analytics = debug;\nexport {};\n",
  );
  writeFileSync(
    path.join(root, 'src/profile.ts'),
    "export function remember(user: { email: string }) {\n  console.log(user.email);\n  console.debug(user.email);\n  localStorage.setItem('email', user.email);\n}\n",
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('console and localStorage stay sinks after a file assigns a member of them', async () => {
  const r = await scan({ root, analyzers: ANALYZERS });
  expect(r.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.sink?.id}`).sort()).toEqual([
    'data-flow src/profile.ts:4 localStorage',
    'pii-logging src/profile.ts:2 console',
    'pii-logging src/profile.ts:3 console',
  ]);
});
