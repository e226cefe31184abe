import { parseConfig } from '../../src/config/load.js';
import { problemsOf } from './problems.js';

// A configuration can come from a fork's pull request: bounded work, one-line problems.
test('a mapping of 20,000 keys is refused quickly', () => {
  const yaml = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
  parseConfig('failOn: high\n', 'cfg.yml'); // warm up
  const started = cpuMs();
  const problems = problemsOf(yaml);
  expect(cpuMs() - started).toBeLessThan(2_500); // was about 4 s; about 0.5 s on an idle machine
  expect(problems).toEqual([
    'cfg.yml:5001:1: a mapping has 20000 keys, over the limit of 5000 — no real file has that many keys in one mapping; check that this is the right file',
  ]);
});

test('a node-count bomb is refused', () => {
  expect(problemsOf(`exclude: [${'a,'.repeat(120_000)}a]\n`)).toEqual([
    'cfg.yml:1:200005: the YAML holds more than 50000 values — no real file is that large; check that this is the right file',
  ]);
  expect(problemsOf(`exclude:\n${'-\n'.repeat(60_000)}`)).toEqual([
    'cfg.yml:49999:2: the YAML holds more than 50000 values — no real file is that large; check that this is the right file',
  ]);
});

test('a newline in a value is quoted in the message, which stays on one line', () => {
  const problems = problemsOf('failOn: "high\\ncfg.yml:1:1: fake"\n"evil\\nkey": 1\n');
  expect(problems[0]).toBe(
    'cfg.yml:1:9: failOn must be one of high, medium, low, not "high\\ncfg.yml:1:1: fake" — use one of high, medium, low (use --fail-on none on the command line to never fail)',
  );
  expect(problems.some((p) => p.startsWith('cfg.yml:2:1: unknown key "evil\\nkey"'))).toBe(true);
  for (const p of problems) expect(p).not.toMatch(/[\n\r]/);
});

test('an invalid regular expression with a newline: the pattern quoted, the reason kept', () => {
  expect(problemsOf('classifier:\n  patterns:\n    user.government_id: ["(\\n["]\n')).toEqual([
    'cfg.yml:3:26: classifier.patterns["user.government_id"][0] is not a valid regular expression ("(\\n[": Unterminated character class) — use JavaScript regular expression syntax, quoted, e.g. "^nir$"',
  ]);
});

/** This process's CPU time: other processes on a loaded machine do not count against it. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
