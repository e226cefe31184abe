import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'pr-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

// Where the configuration comes from, and what a valid one turns into.
test('no file: the defaults', async () => {
  expect(await loadConfig(root, { cwd: root })).toEqual({ config: DEFAULT_CONFIG });
});

test('.privacy-review.yml at the root wins over .github/privacy-review.yml', async () => {
  write('.github/privacy-review.yml', 'failOn: low\n');
  expect(await loadConfig(root, { cwd: root })).toMatchObject({ config: { failOn: 'low' }, file: '.github/privacy-review.yml' });
  write('.privacy-review.yml', 'failOn: medium\n');
  expect(await loadConfig(root, { cwd: root })).toMatchObject({ config: { failOn: 'medium' }, file: '.privacy-review.yml' });
});

test('values replace the defaults; unset keys keep them', async () => {
  write(
    '.privacy-review.yml',
    'include: ["src/**/*.ts"]\nignore:\n  - {paths: ["test/**"], rules: [pii-field], reason: fake data}\nsinks:\n  - {id: acme, kind: third_party, package: "@acme/sdk", call: track, args: [1]}\n',
  );
  const { config } = await loadConfig(root, { cwd: root });
  expect(config).toEqual({
    ...DEFAULT_CONFIG,
    include: ['src/**/*.ts'],
    ignore: [{ paths: ['test/**'], rules: ['pii-field'], reason: 'fake data' }],
    sinks: [{ id: 'acme', kind: 'third_party', package: '@acme/sdk', call: 'track', args: [1] }],
  });
});

test('an explicit --config file is used, and a missing one is an error', async () => {
  write('conf/pr.yml', 'maxFileBytes: 5\n');
  expect((await loadConfig(root, { configFile: 'conf/pr.yml', cwd: root })).config.maxFileBytes).toBe(5);
  const missing = loadConfig(root, { configFile: 'conf/nope.yml', cwd: root });
  await expect(missing).rejects.toBeInstanceOf(ConfigError);
  await expect(missing).rejects.toThrow('conf/nope.yml:1:1: configuration file not found — check the --config path');
});

test('errors name the file relative to the working directory', async () => {
  write('.privacy-review.yml', 'failOn: never\n');
  await expect(loadConfig(root, { cwd: root })).rejects.toThrow(/^\.privacy-review\.yml:1:9: failOn must be one of/);
});
