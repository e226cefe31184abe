import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, ensureBuilt, runBin } from '../../harness/bin.js';
import { REPO } from '../../harness/cli.js';
import { CLEAN, LEAKY, STACK_LINE, project } from '../project.js';

beforeAll(ensureBuilt);

// The built bin as users run it: the other CLI tests call the same `run(argv)` in-process.
const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

test('--version prints the package version and exits 0', () => {
  expect(runBin(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test('a scan exits 1 on a finding at the default threshold, 0 on a clean project, the report on stdout', () => {
  const leaky = runBin(['scan', project(LEAKY)]);
  expect(leaky.status).toBe(1);
  expect(leaky.stdout).toMatch(/pii-logging/);
  expect(leaky.stdout).toMatch(/user\.password/);
  expect(leaky.stderr).toBe('');
  const clean = runBin(['scan', '.', '--format', 'json'], { cwd: project(CLEAN) });
  expect(clean.status).toBe(0);
  expect(JSON.parse(clean.stdout)).toMatchObject({ version: 1, findings: [], stats: { files: 1 } });
});

test('bad usage exits 2 with one line on stderr and no stack trace', () => {
  const r = runBin(['scan', '/nonexistent/project']);
  expect(r).toEqual({ status: 2, stdout: '', stderr: 'privacy-review: path not found: /nonexistent/project\n' });
  const unknown = runBin(['scna']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/error: unknown command 'scna'/);
  expect(unknown.stderr).not.toMatch(STACK_LINE);
});

// --version must stay instant: the engine (ts-morph, the TypeScript compiler) is loaded only by a scan.
test('--version does not load ts-morph, typescript or the CLI libraries', () => {
  // Preloaded module that lists, at exit, the CommonJS modules loaded (ts-morph and typescript are CommonJS).
  const probe = `data:text/javascript,${encodeURIComponent(
    'import { createRequire } from "node:module"; const cache = createRequire("/").cache;' +
      'process.on("exit", () => process.stderr.write(Object.keys(cache).join("\\n") + "\\n"));',
  )}`;
  const loaded = (arg: string) =>
    spawnSync(process.execPath, ['--import', probe, BIN, arg], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(loaded('--help').stderr).toMatch(/commander/); // the probe works: it sees what was loaded
  const out = loaded('--version');
  expect(out.status).toBe(0);
  expect(out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  expect(out.stderr).not.toMatch(/ts-morph|typescript|commander/);
});
