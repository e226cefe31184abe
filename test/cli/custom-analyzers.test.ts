import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, runCli } from '../harness/cli.js';
import { STACK_LINE, project } from './project.js';

/**
 * Custom analyzers from the command line: `--analyzer`, or `analyzers:` in a configuration the
 * user passes with --config. A configuration found in the scanned directory is the scanned code's
 * own and may not choose code to run.
 */
const EXAMPLE = path.join(REPO, 'examples/custom-analyzer/acme-telemetry.mjs');
const APP = {
  'src/signup.ts': [
    "import { telemetry } from '@acme/telemetry';",
    'export function onSignup(user: { email: string }) {',
    "  telemetry.emit('signup', { email: user.email });",
    '}',
    '',
  ].join('\n'),
};
const flowsTo = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { rule: string; sink: { id: string } | null }[] }).findings.filter(
    (f) => f.sink?.id === 'acme-telemetry',
  );

test('--analyzer runs a custom analyzer beside the built-in rules', async () => {
  const root = project(APP);
  const r = await runCli(['scan', '--analyzer', EXAMPLE, '--format', 'json', '--fail-on', 'none'], { cwd: root });
  expect(r.status).toBe(0);
  expect(flowsTo(r.stdout)).toEqual([
    expect.objectContaining({ rule: 'data-flow', sink: expect.objectContaining({ id: 'acme-telemetry' }) }),
  ]);
});

test('analyzers: in a configuration passed with --config are loaded, relative to that file', async () => {
  const root = project(APP);
  const config = project({ 'review.yml': '' });
  writeFileSync(path.join(config, 'review.yml'), `analyzers: [${JSON.stringify(`./${path.relative(config, EXAMPLE)}`)}]\n`);
  const r = await runCli(['scan', '--config', path.join(config, 'review.yml'), '--format', 'json', '--fail-on', 'none'], { cwd: root });
  expect(r.stderr).toBe('');
  expect(flowsTo(r.stdout)).toHaveLength(1);
});

test("analyzers: in the scanned directory's own configuration are refused with what to do", async () => {
  const root = project({ ...APP, '.privacy-review.yml': 'analyzers: [./tools/evil.mjs]\n', 'tools/evil.mjs': "throw new Error('ran');\n" });
  const r = await runCli(['scan', '--format', 'json'], { cwd: root });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(
    /^privacy-review: the configuration in the scanned directory names analyzers \(\.\/tools\/evil\.mjs\); custom analyzers are code, .* pass the configuration with --config, or name them with --analyzer\n$/,
  );
  expect(r.stderr).not.toContain('ran');
});

test('a custom analyzer that cannot be loaded: exit 2, one line, no stack trace', async () => {
  const root = project(APP);
  const r = await runCli(['scan', '--analyzer', './missing.mjs'], { cwd: root });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^privacy-review: custom analyzer \.\/missing\.mjs: .*missing\.mjs does not exist; check the path/);
  expect(r.stderr).not.toMatch(STACK_LINE);
});
