import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO, type CliOptions, type CliRun } from './cli.js';

/**
 * The built bin, for the few tests that need a process of its own (a pipe closed early, a terminal,
 * what `--version` loads). `npm test` builds first; when jest is run directly this rebuilds dist/ if
 * any source is newer than the bin, under a lock so parallel test files build once.
 */
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
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: REPO,
      encoding: 'utf8',
    });
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
  const inputs = [
    path.join(REPO, 'tsconfig.json'),
    path.join(REPO, 'tsconfig.build.json'),
    ...tsFiles(path.join(REPO, 'src')),
    ...tsFiles(path.join(REPO, 'analyzers')),
  ];
  return inputs.some((f) => statSync(f).mtimeMs > built);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Run `node dist/src/cli/main.js ...args`; NO_COLOR and PRIVACY_REVIEW_DEBUG are cleared so output is what a pipe gets. */
export function runBin(args: string[], options: CliOptions = {}): CliRun {
  const env = { ...process.env, NODE_OPTIONS: '', NO_COLOR: '', PRIVACY_REVIEW_DEBUG: '', ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
