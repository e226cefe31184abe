import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { CLEAN, STACK_LINE, project } from './project.js';

// Bad usage exits with 2 and one clear line on stderr: no stack trace, nothing on stdout.
test.each([
  [['scan', '/nonexistent/project'], /^privacy-review: path not found: \/nonexistent\/project$/m],
  [
    ['scan', '--format', 'xml'],
    /error: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, markdown\./,
  ],
  [['scan', '--fail-on', 'critical'], /argument 'critical' is invalid\. Allowed choices are high, medium, low, none\./],
  [['scan', '--colour'], /error: unknown option '--colour'/],
  [['scna'], /error: unknown command 'scna'/],
  [['scan', 'a', 'b'], /error: too many arguments for 'scan'/],
  [['scan', '--files-per-program', '0'], /argument '0' is invalid\. expected a whole number of files, at least 1\./],
  [['scan', '--files-per-program', '2.5'], /argument '2\.5' is invalid\. expected a whole number of files, at least 1\./],
])('%j → exit 2', async (args, message) => {
  const r = await runCli(args);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).toBe('');
});

test('a file instead of a directory', async () => {
  const root = project(CLEAN);
  const r = await runCli(['scan', path.join(root, 'src/math.ts')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/src\/math\.ts is a file; pass the directory to scan/);
});

test('PRIVACY_REVIEW_DEBUG=1 adds the stack trace', async () => {
  const r = await runCli(['scan', '/nonexistent/project'], { env: { PRIVACY_REVIEW_DEBUG: '1' } });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(STACK_LINE);
});

test('an unwritable --output path is a usage error, not a crash', async () => {
  const root = project(CLEAN);
  writeFileSync(path.join(root, 'taken'), '');
  const r = await runCli(['scan', root, '--output', path.join(root, 'taken/report.txt')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^privacy-review: cannot write the report to .*taken\/report\.txt: (ENOTDIR|EEXIST)$/m);
  expect(r.stderr).not.toMatch(STACK_LINE);
});

test('errors of the scan command point to its own help', async () => {
  expect((await runCli(['scan', '--format'])).stderr).toBe(
    "error: option '-f, --format <format>' argument missing\n(run privacy-review scan --help for usage)\n",
  );
});
