import { runCli } from '../harness/cli.js';
import { STACK_LINE, CLEAN, project } from './project.js';

// A broken configuration stops the scan with exit 2 and file:line:column problems an editor can jump to.
test('invalid .privacy-review.yml: every problem on its own line, exit 2', async () => {
  const root = project({ ...CLEAN, '.privacy-review.yml': 'failOn: hgih\nexcludes: [a]\n' });
  const r = await runCli(['scan', '.'], { cwd: root });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(
    'privacy-review: invalid configuration\n' +
      '.privacy-review.yml:1:9: failOn must be one of high, medium, low, not "hgih" — did you mean "high"?\n' +
      '.privacy-review.yml:2:1: unknown key "excludes" — did you mean "exclude"?\n',
  );
  expect(r.stdout).toBe('');
});

test('a missing --config file', async () => {
  const root = project(CLEAN);
  const r = await runCli(['scan', '.', '--config', 'nope.yml'], { cwd: root });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('privacy-review: invalid configuration\nnope.yml:1:1: configuration file not found — check the --config path\n');
});

test('YAML syntax errors too', async () => {
  const root = project({ ...CLEAN, '.github/privacy-review.yml': 'include: [src\n' });
  const r = await runCli(['scan', root]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/privacy-review\.yml:2:1: .* — fix the YAML syntax at this position/);
  expect(r.stderr).not.toMatch(STACK_LINE);
});
