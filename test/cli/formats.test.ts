import '@microsoft/jest-sarif';
import { runCli } from '../harness/cli.js';
import { CLEAN, project } from './project.js';

// Each format end to end on a project without personal data: exit 0 and a well-formed report on stdout.
let root: string;
beforeAll(async () => {
  root = project({ ...CLEAN, 'dist/bundle.js': 'x();\n' });
});

test('text (default)', async () => {
  const r = await runCli(['scan', root]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Skipped 1 file:\n {2}dist {2}directory is build or cache output/);
  expect(r.stdout).toMatch(/\n✔ No findings · 1 skipped · 1 file, \d+ lines? in \d+(\.\d)? m?s\n$/);
  expect(r.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour
  expect(r.stderr).toBe('');
});

test('json', async () => {
  const r = await runCli(['scan', root, '--format', 'json']);
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout);
  expect(result).toMatchObject({
    version: 1,
    tool: { name: 'privacy-review' },
    findings: [],
    skipped: [{ file: 'dist' }],
    stats: { files: 1 },
  });
});

test('sarif', async () => {
  const r = await runCli(['scan', root, '--format', 'sarif']);
  expect(r.status).toBe(0);
  const log = JSON.parse(r.stdout);
  expect(log).toBeValidSarifLog();
  expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(
    expect.arrayContaining(['pii-logging/high', 'pii-logging/medium', 'pii-logging/low']),
  );
});

test('markdown', async () => {
  const r = await runCli(['scan', root, '--format', 'markdown']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^## Privacy review: no findings\n\n\| Severity \| Findings \|/);
});
