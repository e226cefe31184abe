import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMITS } from '../app/e2e/fixture-repo.js';

/**
 * The fixture repository of the App's end-to-end walk as a real git clone (what actions/checkout
 * with `fetch-depth: 0` leaves): `main` at the base, and the pull request's three pushes on
 * `feature`, with their real commit shas.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Clone {
  dir: string;
  sha: { base: string; v1: string; v2: string; v3: string };
}

export function makeClone(): Clone {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-action-clone-'));
  const run = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'dev',
        GIT_AUTHOR_EMAIL: 'dev@example.test',
        GIT_COMMITTER_NAME: 'dev',
        GIT_COMMITTER_EMAIL: 'dev@example.test',
      },
    }).trim();
  run('init', '-q', '-b', 'main');
  const commit = (files: Record<string, string>, message: string) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    run('add', '-A');
    run('commit', '-q', '-m', message);
    return run('rev-parse', 'HEAD');
  };
  const base = commit(COMMITS.base.files, 'base');
  run('checkout', '-q', '-b', 'feature');
  const v1 = commit(COMMITS.v1.files, 'v1');
  const v2 = commit(COMMITS.v2.files, 'v2');
  const v3 = commit(COMMITS.v3.files, 'v3');
  return { dir, sha: { base, v1, v2, v3 } };
}

/** Check out a commit, as the workflow's checkout step would. */
export function checkout(clone: Clone, sha: string): void {
  execFileSync('git', ['checkout', '-q', '--detach', sha], { cwd: clone.dir });
}

export interface ActionRun {
  code: number | null;
  output: string;
  summary: string;
  outputs: Record<string, string>;
}

/**
 * The action's entry point (src/action/main.ts through tsx, as `node dist/src/action/main.js`
 * runs it once built) in a process of its own, with the environment a runner gives a step: the
 * event name and payload file, the token, the API URL, the workspace, the summary and output files.
 */
export async function runActionProcess(event: string, payload: object, env: Record<string, string>): Promise<ActionRun> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-action-run-'));
  const files = { event: path.join(tmp, 'event.json'), summary: path.join(tmp, 'summary.md'), output: path.join(tmp, 'output.txt') };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/action/main.ts')], {
    cwd: ROOT, // tsx resolves from here; the action reads the clone from GITHUB_WORKSPACE
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      RUNNER_TEMP: tmp,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, output, summary: readFileSync(files.summary, 'utf8'), outputs: parseOutputs(readFileSync(files.output, 'utf8')) };
}

/** The runner's output file: `name<<DELIMITER`, the value, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(\S+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}
