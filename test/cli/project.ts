import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fixtures: string[] = [];
afterAll(() => {
  for (const f of fixtures) rmSync(f, { recursive: true, force: true });
});

/** A temporary project directory with these files; removed after the test file. */
export function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pr-cli-'));
  fixtures.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Code with personal data written to a log: the analyzers must report it (see analyzers/index.ts). */
export const LEAKY = {
  'src/user.ts': [
    'interface User { id: string; email: string; password: string }',
    'export function register(user: User) {',
    '  console.log("registering", user.email, user.password);',
    '}',
    '',
  ].join('\n'),
};

/** Code without personal data. */
export const CLEAN = { 'src/math.ts': 'export const add = (a: number, b: number): number => a + b;\n' };

/** A stack trace line, which users must not see unless they ask for it. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
