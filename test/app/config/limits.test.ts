import { parseAppConfigFile } from '../../../src/app/config/parse.js';
import { ConfigError, formatProblem } from '../../../src/config/errors.js';

// The App configuration goes through the same bounded loader as the CLI's.
function problemsOf(yaml: string): string[] {
  try {
    parseAppConfigFile(yaml, 'a.yml');
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map(formatProblem);
  }
}

test('a mapping of 20,000 keys is refused quickly, parsed once', () => {
  const yaml = `mode: block\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n')}`;
  problemsOf('mode: warn\n'); // warm up
  const started = cpuMs();
  const problems = problemsOf(yaml);
  expect(cpuMs() - started).toBeLessThan(1_000); // was about 8 s
  expect(problems).toEqual([
    'a.yml:5001:1: a mapping has 20001 keys, over the limit of 5000 — no real file has that many keys in one mapping; check that this is the right file',
  ]);
});

test('a node-count bomb is refused', () => {
  expect(problemsOf(`reviewers:\n  users: [${'a,'.repeat(110_000)}a]\n`)).toEqual([
    'a.yml:2:200001: the YAML holds more than 50000 values — no real file is that large; check that this is the right file',
  ]);
});

test('a newline in a value is quoted in the message, which stays on one line', () => {
  const problems = problemsOf('mode: "warn\\na.yml:1:1: approved"\nreviewers:\n  users: ["bad\\nuser"]\n  "x\\ny": 1\n');
  expect(problems).toEqual([
    'a.yml:1:7: mode must be block or warn, not "warn\\na.yml:1:1: approved" — block: approval required before merging; warn: report only',
    'a.yml:3:11: reviewers.users[0] "bad\\nuser" is not a GitHub login — write a login, e.g. alice',
    'a.yml:4:3: unknown key "x\\ny" in reviewers — allowed keys: users, teams, required',
  ]);
});

/** This process's CPU time: other processes on a loaded machine do not count against it. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
