import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * CLI tests run the built bin, as users do. `npm test` builds first; when jest is run directly this
 * rebuilds dist/ if any source is newer than the bin, under a lock so parallel test files build once.
 */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(REPO, 'dist/src/cli/main.js');
const LOCK = path.join(REPO, 'dist/.build-lock');

export function ensureBuilt(): void {
  if (!isStale()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // another test file is building; a lock older than 5 minutes is left over from a crash
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!isStale()) return;
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, encoding: 'utf8' });
    // Type errors elsewhere are `npm run typecheck`'s to report; the tests need the emitted JavaScript.
    if (!existsSync(BIN) || isStale()) throw new Error(`build failed:\n${tsc.stdout}${tsc.stderr}`);
    chmodSync(BIN, 0o755);
  } finally {
    rmdirSync(LOCK);
  }
}

function isStale(): boolean {
  const built = statSync(BIN, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return true;
  const inputs = [path.join(REPO, 'tsconfig.json'), path.join(REPO, 'tsconfig.build.json'), ...tsFiles(path.join(REPO, 'src')), ...tsFiles(path.join(REPO, 'analyzers'))];
  return inputs.some((f) => statSync(f).mtimeMs > built);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node dist/src/cli/main.js ...args`; NO_COLOR and CI are cleared so output is what a pipe gets. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const env = { ...process.env, NODE_OPTIONS: '', NO_COLOR: '', PRIVACY_REVIEW_DEBUG: '', ...options.env };
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
