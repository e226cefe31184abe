import { runCli } from '../harness/cli.js';
import { LEAKY, project } from './project.js';

// A scan split into programs of one file each finds what the whole-project scan finds, across files.
test('--files-per-program splits the scan without changing its findings', async () => {
  const root = project({
    ...LEAKY,
    'src/audit.ts': 'export function audit(entry: unknown) { console.info("audit", entry); }\n',
    'src/signup.ts':
      "import { audit } from './audit';\nexport function signup(email: string, phone: string) { audit({ email, phone }); }\n",
    'src/profile.ts': 'export interface Profile { firstName: string; dateOfBirth: Date }\n',
  });
  const findings = async (extra: string[]) => {
    const r = await runCli(['scan', root, '--format', 'json', '--fail-on', 'none', ...extra]);
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as { findings: { id: string; file: string; line: number }[] }).findings.map(
      (f) => `${f.file}:${f.line} ${f.id}`,
    );
  };
  const whole = await findings([]);
  expect(whole.length).toBeGreaterThanOrEqual(4);
  expect(whole.some((f) => f.startsWith('src/signup.ts:2 '))).toBe(true); // reaches console through audit() in another file
  expect(await findings(['--files-per-program', '1'])).toEqual(whole);
});
