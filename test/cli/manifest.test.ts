import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, runCli } from '../harness/cli.js';
import { CLEAN, LEAKY, STACK_LINE, project } from './project.js';

const VALID = `version: 1
system: {name: demo}
datasets:
  - id: user
    fields:
      - {symbol: User.email, categories: [user.contact.email]}
purposes:
  - {id: accounts, dataUse: essential.service, dataSubjects: [customer], categories: [user.contact.email], legalBasis: contract, datasets: [user]}
`;

/** Code with a flow to Segment, a model and a log line. */
const APP = {
  ...LEAKY,
  'package.json': '{"name": "demo-app"}\n',
  'src/analytics.ts': [
    "import { Analytics } from '@segment/analytics-node';",
    "const analytics = new Analytics({ writeKey: 'k' });",
    'export function track(user: { id: string; email: string }) {',
    '  analytics.identify({ userId: user.id, traits: { email: user.email } });',
    '}',
    '',
  ].join('\n'),
};

describe('manifest check', () => {
  test('the bundled example is valid: exit 0, nothing on stdout', async () => {
    const r = await runCli(['manifest', 'check', 'examples/shop']);
    expect(r.stderr).toBe('examples/shop/.privacy/manifest.yml: valid\n');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  test('errors: one line each as file:line:col: severity code: message — hint, exit 1', async () => {
    const root = project({
      ...CLEAN,
      '.privacy/manifest.yml': VALID.replace('legalBasis: contract', 'legalBasis: contrct').replace(
        'user.contact.email]}\n',
        'user.contact.emial]}\n',
      ),
    });
    const r = await runCli(['manifest', 'check'], { cwd: root });
    expect(r.stdout).toBe(
      '.privacy/manifest.yml:6:43: error unknown-category: unknown data category "user.contact.emial" — did you mean "user.contact.email"?\n' +
        '.privacy/manifest.yml:8:120: error invalid-value: purposes[0].legalBasis must be one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests, TODO, not "contrct" — did you mean "contract"?\n',
    );
    expect(r.stderr).toBe('.privacy/manifest.yml: 2 errors\n');
    expect(r.status).toBe(1);
  });

  test('warnings only: exit 0', async () => {
    const root = project({ ...CLEAN, '.privacy/manifest.yml': VALID.replace('legalBasis: contract', 'legalBasis: TODO') });
    const r = await runCli(['manifest', 'check', root]);
    expect(r.stdout).toMatch(/^.+\/\.privacy\/manifest\.yml:8:120: warning todo: purpose "accounts" legalBasis is still TODO — /);
    expect(r.stderr).toMatch(/: valid \(1 warning\)\n$/);
    expect(r.status).toBe(0);
  });

  test('no manifest: exit 2 and how to create one', async () => {
    const root = project(CLEAN);
    const r = await runCli(['manifest', 'check'], { cwd: root });
    expect(r.stderr).toBe(
      'privacy-review: no manifest at .privacy/manifest.yml: create one with `privacy-review manifest init` (it scans the project and writes a first manifest)\n',
    );
    expect(r.status).toBe(2);
    expect((await runCli(['manifest', 'check', 'nowhere'])).status).toBe(2);
  });

  test('--manifest FILE, relative to the working directory', async () => {
    const root = project({ ...CLEAN, 'docs/privacy.yml': VALID });
    const r = await runCli(['manifest', 'check', '--manifest', 'docs/privacy.yml'], { cwd: root });
    expect(r.stderr).toBe('docs/privacy.yml: valid\n');
    expect(r.status).toBe(0);
  });

  test('custom categories from .privacy-review.yml are known', async () => {
    const manifest = VALID.replace('[user.contact.email]}\n', '[user.contact.email, user.unique_id.loyalty_id]}\n');
    const without = project({ ...CLEAN, '.privacy/manifest.yml': manifest });
    expect((await runCli(['manifest', 'check'], { cwd: without })).status).toBe(1);
    const withConfig = project({
      ...CLEAN,
      '.privacy/manifest.yml': manifest,
      '.privacy-review.yml': 'classifier:\n  categories: [{key: user.unique_id.loyalty_id}]\n',
    });
    expect((await runCli(['manifest', 'check'], { cwd: withConfig })).status).toBe(0);
  });

  test('hostile YAML: errors, no stack trace', async () => {
    let bomb = 'version: 1\nsystem: {name: x}\na: &a [x,x,x,x,x,x,x,x,x]\n';
    for (let i = 0; i < 9; i++)
      bomb += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(',')}]\n`;
    const root = project({ ...CLEAN, '.privacy/manifest.yml': bomb });
    const r = await runCli(['manifest', 'check'], { cwd: root });
    expect(r.stdout).toMatch(/^\.privacy\/manifest\.yml:4:8: error too-many-aliases: /);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(1);
  });
});

describe('manifest init', () => {
  test('without privacy-review in the project, the $schema points at the running installation and says so', async () => {
    const root = project(APP);
    const r = await runCli(['manifest', 'init'], { cwd: root });
    expect(r.status).toBe(0);
    const [wrote, note, ...rest] = r.stderr.split('\n');
    expect(wrote).toMatch(/^wrote \.privacy\/manifest\.yml: /);
    expect(note).toMatch(
      /^note: its \$schema line points at this machine's privacy-review \(\.\.\/.*schemas\/manifest\.schema\.json\); with privacy-review installed in the project \(npm install --save-dev\) it points into node_modules$/,
    );
    expect(rest).toEqual(['']);
  });

  test('scans and writes a valid first manifest; refuses to overwrite without --force', async () => {
    // privacy-review installed in the project: the manifest's $schema points into node_modules, for everyone.
    const root = project({ ...APP, 'node_modules/privacy-review/schemas/manifest.schema.json': '{}\n' });
    const r = await runCli(['manifest', 'init'], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^wrote \.privacy\/manifest\.yml: 1 dataset, 1 flow, 2 purposes; \d+ TODO values to fill in \(privacy-review manifest check lists them\)\n$/,
    );
    const text = readFileSync(path.join(root, '.privacy/manifest.yml'), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=../node_modules/privacy-review/schemas/manifest.schema.json\n');
    expect(text).toContain('  name: demo-app');
    expect(text).toContain('  # Segment (analytics)\n  # src/analytics.ts:4\n  - id: segment\n');
    expect(text).toContain('#   user.authorization.credentials, user.contact.email: src/user.ts:3 (console)');

    const check = await runCli(['manifest', 'check'], { cwd: root });
    expect(check.status).toBe(0);
    expect(
      check.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => / warning todo: /.test(l)),
    ).toBe(true);

    writeFileSync(path.join(root, '.privacy/manifest.yml'), '# mine\n');
    const again = await runCli(['manifest', 'init'], { cwd: root });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'privacy-review: .privacy/manifest.yml already exists; use --force to overwrite it, or `privacy-review manifest suggest` to add what is missing\n',
    );
    expect(readFileSync(path.join(root, '.privacy/manifest.yml'), 'utf8')).toBe('# mine\n');
    expect((await runCli(['manifest', 'init', '--force', '--name', 'other'], { cwd: root })).status).toBe(0);
    expect(readFileSync(path.join(root, '.privacy/manifest.yml'), 'utf8')).toContain('  name: other');
  });
});

describe('manifest suggest', () => {
  test('prints the manifest with entries for undeclared findings; --write saves it; a second run adds nothing', async () => {
    const root = project({ ...APP, '.privacy/manifest.yml': `# hand-written\n${VALID}` });
    const printed = await runCli(['manifest', 'suggest'], { cwd: root });
    expect(printed.status).toBe(0);
    expect(inOrder(`# hand-written\n${VALID}`.split('\n'), printed.stdout.split('\n'))).toBe(true);
    expect(printed.stdout).toContain('  - id: segment\n    kind: third_party\n');
    expect(printed.stderr).toMatch(/^would add \d+ entries to \.privacy\/manifest\.yml \(use --write to save\):\n/);
    expect(printed.stderr).toContain('  + flow segment\n');
    expect(printed.stderr).toContain('  + dataset user: User.password\n');
    // A password in a log is fixed in the code, not allowed.
    expect(printed.stderr).toContain(
      'left undeclared, to fix in the code:\n  ! logging (src/user.ts:3): user.authorization.credentials (account credential), user.contact.email (email address) in a log call: redact it or log an id in the code',
    );
    expect(printed.stderr).toContain('Fill in the new TODO values; privacy-review manifest check lists them.\n');
    expect(readFileSync(path.join(root, '.privacy/manifest.yml'), 'utf8')).toBe(`# hand-written\n${VALID}`);

    const written = await runCli(['manifest', 'suggest', '--write'], { cwd: root });
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(path.join(root, '.privacy/manifest.yml'), 'utf8')).toBe(printed.stdout);
    expect((await runCli(['manifest', 'check'], { cwd: root })).status).toBe(0);

    const third = await runCli(['manifest', 'suggest', '--write'], { cwd: root });
    expect(third.stderr).toMatch(
      /^nothing to add to \.privacy\/manifest\.yml\nleft undeclared, to fix in the code:\n {2}! logging \(src\/user\.ts:3\): /,
    );
    expect(third.stdout).toBe('');
    const clean = project({ ...CLEAN, '.privacy/manifest.yml': VALID });
    expect((await runCli(['manifest', 'suggest'], { cwd: clean })).stderr).toBe(
      'nothing to add: every finding is declared in .privacy/manifest.yml\n',
    );
  });

  test('on a copy of the bundled example: the undeclared OpenAI flow is added, nothing else changes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-shop-'));
    try {
      cpSync(path.join(REPO, 'examples/shop'), dir, { recursive: true });
      const before = readFileSync(path.join(dir, '.privacy/manifest.yml'), 'utf8');
      const r = await runCli(['manifest', 'suggest', dir]);
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith(before.slice(0, before.indexOf('\npurposes:')))).toBe(true);
      expect(r.stderr).toContain('  + flow openai\n');
      expect(r.stderr).toContain('  + purpose openai (TODO: data use, legal basis, data subjects)\n');
      expect(r.stderr).toContain('  ! PaymentDetails.cvv (src/models/payment.ts:3): user.financial.card_security_code');
      expect(existsSync(path.join(dir, '.privacy/manifest.yml'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a manifest with broken YAML is not edited: exit 1 with the problem', async () => {
    const root = project({ ...APP, '.privacy/manifest.yml': 'version: 1\nsystem: {name: x\n' });
    const r = await runCli(['manifest', 'suggest', '--write'], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\.privacy\/manifest\.yml:3:1: error yaml-syntax: /);
    expect(r.stderr).toBe('.privacy/manifest.yml cannot be edited until its YAML is fixed\n');
    expect(readFileSync(path.join(root, '.privacy/manifest.yml'), 'utf8')).toBe('version: 1\nsystem: {name: x\n');
  });
});

/** Every line of `lines` appears in `within`, in order. */
function inOrder(lines: string[], within: string[]): boolean {
  let j = 0;
  for (const l of lines) {
    const k = within.indexOf(l, j);
    if (k < 0) return false;
    j = k + 1;
  }
  return true;
}

test('help lists the three subcommands', async () => {
  const r = await runCli(['manifest', '--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/check \[options\] \[path\]/);
  expect(r.stdout).toMatch(/init \[options\] \[path\]/);
  expect(r.stdout).toMatch(/suggest \[options\] \[path\]/);
  expect((await runCli(['manifest', 'bogus'])).status).toBe(2);
});
