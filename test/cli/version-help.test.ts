import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, runCli } from '../harness/cli.js';

const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

test('--version prints the package version and exits 0', async () => {
  expect(await runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test('--help lists the scan command and examples', async () => {
  const r = await runCli(['--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Usage: privacy-review \[options\] \[command\]/);
  expect(r.stdout).toMatch(/scan \[options\] \[path\]/);
  expect(r.stdout).toContain('Examples:');
});

test('scan --help documents every option, the exit codes and examples', async () => {
  const r = await runCli(['scan', '--help']);
  expect(r.status).toBe(0);
  for (const option of [
    '--format <format>',
    '--output <file>',
    '--config <file>',
    '--fail-on <severity>',
    '--show-suppressed',
    '--no-progress',
  ])
    expect(r.stdout).toContain(option);
  expect(r.stdout.replace(/\s+/g, ' ')).toContain('choices: "text", "json", "sarif", "markdown"');
  expect(r.stdout).toContain('Exit codes: 0');
  expect(r.stdout).toContain('$ privacy-review scan --format sarif --output privacy.sarif');
});
