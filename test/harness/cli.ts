import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/program.js';

/** The repository root: where the CLI runs when a test gives no `cwd`. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Set for the run ('' sets an empty value, as a shell would). */
  env?: Record<string, string>;
}

/**
 * Runs take turns: each takes over process-wide state (the standard streams, the working directory,
 * the environment). The turn is kept on process.stdout, which every test file of a jest worker shares,
 * so that a run still going after its test timed out delays the next one instead of mixing output.
 */
const TURN = Symbol.for('privacy-review.test.runCli');
type Turns = { [TURN]?: Promise<unknown> };

/**
 * Run the CLI in this process through `run(argv)`, the function the bin calls, and collect what it
 * writes. It sees what the bin sees under a pipe: stdout and stderr are not terminals, NO_COLOR and
 * PRIVACY_REVIEW_DEBUG are cleared unless `env` sets them, and the working directory is `cwd`.
 * Starting a process and loading the engine cost about a second a call; the built bin keeps its own
 * smoke tests (test/cli/bin/).
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const turns = process.stdout as unknown as Turns;
  const mine = (turns[TURN] ?? Promise.resolve()).then(() => runAlone(args, options));
  turns[TURN] = mine.catch(() => undefined);
  return mine;
}

async function runAlone(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restore = [
    capture(process.stdout, stdout),
    capture(process.stderr, stderr),
    setEnv({ NO_COLOR: '', PRIVACY_REVIEW_DEBUG: '', ...options.env }),
    chdir(options.cwd ?? REPO),
  ];
  try {
    const status = await run(['node', 'privacy-review', ...args]);
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/**
 * Warnings of the test runner, not of the CLI, that land on stderr while a run has it: Node's warning
 * that jest's ESM mode uses VM modules (printed at the first dynamic import, which may be the CLI's),
 * and jest's own deprecation warnings (JEST-01 fires when an earlier test file's leftover, such as
 * nock's fetch interceptor, touches a global jest has soft-deleted).
 */
const TEST_RUNNER_WARNING =
  /^\(node:\d+\) ExperimentalWarning: VM Modules is an experimental feature|^\(node:\d+\) \[JEST-\d+\] |^\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n$/;

/** Collect what is written to `stream`, which reports itself as not a terminal (a pipe). */
function capture(stream: NodeJS.WriteStream, into: string[]): () => void {
  const write = Object.getOwnPropertyDescriptor(stream, 'write');
  const isTTY = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  stream.write = ((
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((e?: Error | null) => void),
    done?: (e?: Error | null) => void,
  ) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    if (!TEST_RUNNER_WARNING.test(text)) into.push(text);
    (typeof encoding === 'function' ? encoding : done)?.();
    return true;
  }) as typeof stream.write;
  Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  return () => {
    if (write) Object.defineProperty(stream, 'write', write);
    else delete (stream as { write?: unknown }).write;
    if (isTTY) Object.defineProperty(stream, 'isTTY', isTTY);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

function chdir(dir: string): () => void {
  const before = process.cwd();
  process.chdir(dir);
  return () => process.chdir(before);
}
