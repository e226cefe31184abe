import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { LEAKY, project } from './project.js';
import type { ScanResult } from '../../src/core/contract.js';

const json = (stdout: string) => JSON.parse(stdout) as ScanResult;
const args = (root: string) => ['scan', root, '--format', 'json', '--fail-on', 'none', '--no-progress'];

test('--cache keeps results under node_modules/.cache/privacy-review of the working directory; a second scan answers from it', async () => {
  const root = project(LEAKY);
  const cold = await runCli([...args(root), '--cache'], { cwd: root });
  expect(cold.status).toBe(0);
  expect(existsSync(path.join(root, 'node_modules/.cache/privacy-review/v1'))).toBe(true);
  const warm = await runCli([...args(root), '--cache'], { cwd: root });
  expect(json(cold.stdout).stats).toMatchObject({ files: 1, analyzed: 1, fromCache: 0 });
  expect(json(warm.stdout).stats).toMatchObject({ files: 1, analyzed: 0, fromCache: 1 });
  expect(json(warm.stdout).findings).toEqual(json(cold.stdout).findings);
});

test('--cache-dir DIR, and without a flag no cache', async () => {
  const root = project(LEAKY);
  const dir = path.join(root, 'cache-here');
  await runCli([...args(root), '--cache-dir', dir]);
  const warm = await runCli([...args(root), '--cache-dir', dir]);
  expect(json(warm.stdout).stats).toMatchObject({ analyzed: 0, fromCache: 1 });
  const off = await runCli(args(root), { cwd: root });
  expect(json(off.stdout).stats).toMatchObject({ analyzed: 1, fromCache: 0 });
  expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
});

test('a --cache-dir that is a file is a usage error', async () => {
  const root = project(LEAKY);
  const file = path.join(root, 'not-a-dir');
  writeFileSync(file, '');
  const r = await runCli([...args(root), '--cache-dir', file]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/--cache-dir .*not-a-dir is not a directory/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});
