import { problemsOf } from './problems.js';

// A configuration comes from a repository, maybe a fork's pull request: hostile YAML must fail fast, not hang or exhaust memory.
test('an alias bomb ("billion laughs") is refused quickly', () => {
  let yaml = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 0; i < 9; i++) {
    const prev = String.fromCharCode(97 + i);
    const name = String.fromCharCode(98 + i);
    yaml += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  }
  const started = Date.now();
  expect(problemsOf(yaml)).toEqual([
    'cfg.yml:2:8: the YAML could not be read: Excessive alias count indicates a resource exhaustion attack — use fewer anchors and aliases (*name); write the values out',
  ]);
  expect(Date.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
});

test('a huge file is refused before parsing', () => {
  const started = Date.now();
  expect(problemsOf(`include:\n${'  - "src/**"\n'.repeat(100_000)}`)).toEqual([
    'cfg.yml:1:1: configuration is over the 262144-byte limit — a configuration is a few kilobytes',
  ]);
  expect(Date.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
});

test('deep nesting within the size limit gives errors, not a stack overflow', () => {
  const started = Date.now();
  expect(problemsOf(`include: ${'['.repeat(50_000)}`).length).toBeGreaterThan(0);
  expect(Date.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
});
