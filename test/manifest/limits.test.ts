import { parseManifest } from '../../src/manifest/load.js';
import { formatManifestProblem } from '../../src/manifest/problems.js';
import { load, problemsOf, withSection } from './helpers.js';

// Work per manifest is bounded: a pull request must not be able to make every review of it slow.
const keys = (n: number) => Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join('\n');

test('a mapping of 20,000 keys is refused quickly, at the first key over the limit', () => {
  const yaml = `version: 1\nsystem: {name: x}\n${keys(20_000).replace(/^ {2}/gm, '')}\n`;
  load('version: 1\n'); // warm up: the time below is the parse, not loading the modules
  const started = cpuMs();
  const problems = problemsOf(yaml);
  const elapsed = cpuMs() - started;
  expect(problems).toEqual([
    'm.yml:5001:1: error too-many-keys: a mapping has 20002 keys, over the limit of 5000 — no real file has that many keys in one mapping; check that this is the right file',
  ]);
  expect(elapsed).toBeLessThan(1_000); // was 2-4 s with the yaml library's quadratic uniqueKeys check
});

test('5,000 keys in one mapping are read', () => {
  expect(load(withSection('system', `system:\n  name: x\n${keys(4_999)}`)).problems.map((p) => p.code)).not.toContain('too-many-keys');
});

test('a node-count bomb is refused before it is parsed', () => {
  const yaml = `version: 1\nsystem: {name: x}\nlogging:\n  allowedCategories: [${'a,'.repeat(450_000)}a]\n`;
  const started = cpuMs();
  const problems = load(yaml).problems;
  expect(cpuMs() - started).toBeLessThan(5_000); // parsing it would take seconds
  expect(problems.map((p) => `${p.line} ${p.code}: ${p.message}`)).toEqual(['4 too-many-nodes: the YAML holds more than 200000 values']);
});

test('a document just over the node limit is refused after parsing', () => {
  const yaml = `version: 1\nsystem: {name: x}\nflows:\n${'-\n'.repeat(200_100)}`;
  expect(load(yaml).problems.map((p) => p.code)).toEqual(['too-many-nodes']);
});

test('a newline in a value is quoted in the message, which stays on one line', () => {
  const yaml = withSection(
    'flows',
    'flows:\n  - id: "evil\\nm.yml:1:1: error fake: injected"\n    kind: "http\\nx"\n    categories: ["user.contact\\nemail"]',
  );
  const problems = parseManifest(yaml, 'm.yml', { today: '2025-06-01' }).problems.map(formatManifestProblem);
  expect(problems.some((p) => p.includes('not "http\\nx"'))).toBe(true);
  expect(problems.some((p) => p.includes('unknown data category "user.contact\\nemail"'))).toBe(true);
  expect(problems.some((p) => p.includes('flow "evil\\nm.yml:1:1: error fake: injected" is not named by any purpose'))).toBe(true);
  for (const p of problems) expect(p).not.toMatch(/[\n\r]/);
});

test('long unknown values get no "did you mean" (an edit distance is quadratic), and no slow check', () => {
  const long = Array.from({ length: 50 }, (_, i) => `user.${'x'.repeat(4_000)}${i}`);
  load('version: 1\n'); // warm up
  const started = cpuMs();
  const problems = load(withSection('logging', `logging:\n  allowedCategories: [${long.join(', ')}]`)).problems.filter(
    (p) => p.code === 'unknown-category',
  );
  expect(cpuMs() - started).toBeLessThan(2_000); // was about 7 s: 130 ms a value
  expect(problems).toHaveLength(50);
  expect(problems[0]!.message).toBe(`unknown data category "user.${'x'.repeat(75)}…"`);
});

/** This process's CPU time: other processes on a loaded machine do not count against it. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
