import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { CLEAN, project } from './project.js';

// --output writes the report to a file (creating folders); stdout stays empty and the summary goes to stderr.
test('--output FILE', async () => {
  const root = project(CLEAN);
  const out = path.join(root, 'reports/nested/privacy.json');
  const r = await runCli(['scan', root, '--format', 'json', '--output', out]);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^No findings · 1 file, \d+ lines? in .+\n$/);
  expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 1, stats: { files: 1 } });
});

test('a relative --output is relative to the working directory', async () => {
  const root = project(CLEAN);
  const r = await runCli(['scan', '.', '--output', 'report.md', '--format', 'markdown'], { cwd: root });
  expect(r.status).toBe(0);
  expect(readFileSync(path.join(root, 'report.md'), 'utf8')).toMatch(/^## Privacy review/);
});
