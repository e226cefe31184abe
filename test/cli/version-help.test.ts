import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, REPO, ensureBuilt, runCli } from './bin.js';

beforeAll(ensureBuilt);

const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

test('--version prints the package version and exits 0', () => {
  expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test('--help lists the scan command and examples', () => {
  const r = runCli(['--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Usage: privacy-review \[options\] \[command\]/);
  expect(r.stdout).toMatch(/scan \[options\] \[path\]/);
  expect(r.stdout).toContain('Examples:');
});

test('scan --help documents every option, the exit codes and examples', () => {
  const r = runCli(['scan', '--help']);
  expect(r.status).toBe(0);
  for (const option of ['--format <format>', '--output <file>', '--config <file>', '--fail-on <severity>', '--show-suppressed', '--no-progress']) expect(r.stdout).toContain(option);
  expect(r.stdout.replace(/\s+/g, ' ')).toContain('choices: "text", "json", "sarif", "markdown"');
  expect(r.stdout).toContain('Exit codes: 0');
  expect(r.stdout).toContain('$ privacy-review scan --format sarif --output privacy.sarif');
});

// --version must stay instant: the engine (ts-morph, the TypeScript compiler) is loaded only by a scan.
test('--version does not load ts-morph, typescript or the CLI libraries', () => {
  // Preloaded module that lists, at exit, the CommonJS modules loaded (ts-morph and typescript are CommonJS).
  const probe = `data:text/javascript,${encodeURIComponent(
    'import { createRequire } from "node:module"; const cache = createRequire("/").cache;' +
      'process.on("exit", () => process.stderr.write(Object.keys(cache).join("\\n") + "\\n"));',
  )}`;
  const loaded = (arg: string) => spawnSync(process.execPath, ['--import', probe, BIN, arg], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(loaded('--help').stderr).toMatch(/commander/); // the probe works: it sees what was loaded
  const out = loaded('--version');
  expect(out.status).toBe(0);
  expect(out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  expect(out.stderr).not.toMatch(/ts-morph|typescript|commander/);
});
