import { MAX_MANIFEST_BYTES } from '../../src/manifest/load.js';
import { MAX_PROBLEMS } from '../../src/manifest/problems.js';
import { codesOf, load, problemsOf } from './helpers.js';

// A manifest comes from a pull request, maybe from a fork: hostile YAML must give errors quickly, never a crash or a hang.

test('an alias bomb ("billion laughs") is refused quickly', () => {
  let yaml = 'version: 1\nsystem: {name: x}\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 0; i < 9; i++) {
    const prev = String.fromCharCode(97 + i);
    const name = String.fromCharCode(98 + i);
    yaml += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  }
  const started = performance.now();
  const loaded = load(yaml);
  expect(performance.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
  expect(loaded.problems.map((p) => `${p.line}:${p.column} ${p.code}: ${p.message}`)).toEqual([
    '4:8 too-many-aliases: the YAML could not be read: Excessive alias count indicates a resource exhaustion attack',
  ]);
  expect(loaded.manifest.flows).toEqual([]);
});

test('a few aliases are fine', () => {
  const yaml =
    'version: 1\nsystem: {name: x}\nlogging:\n  allowedCategories: &ip [user.device.ip_address]\nexceptions:\n  - {id: a, reason: r, expires: 2030-01-01, categories: *ip}\n';
  expect(problemsOf(yaml)).toEqual([]);
  expect(load(yaml).manifest.exceptions[0]?.categories).toEqual(['user.device.ip_address']);
});

test('a huge document is refused before parsing', () => {
  const yaml = `version: 1\nsystem: {name: x}\nflows:\n${'  - {id: a, kind: http, categories: []}\n'.repeat(40_000)}`;
  expect(yaml.length).toBeGreaterThan(MAX_MANIFEST_BYTES);
  const started = performance.now();
  expect(problemsOf(yaml)).toEqual([
    `m.yml:1:1: error too-large: the manifest is ${Buffer.byteLength(yaml)} bytes, over the 1048576-byte (1 MiB) limit — a manifest is a few hundred lines; check that this is the right file`,
  ]);
  expect(performance.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
});

test('deep nesting gives an error, not a stack overflow', () => {
  for (const yaml of [
    `version: 1\nsystem: {name: x}\nflows: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    `version: 1\nsystem: {name: x}\nflows: ${'['.repeat(50_000)}\n`,
    `version: 1\nsystem: {name: x}\nflows:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i + 2)}- `).join('\n')}x\n`,
    `version: 1\nsystem: {name: x}\nflows: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`,
  ]) {
    const started = performance.now();
    const codes = codesOf(yaml);
    expect(performance.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
    expect(codes.some((c) => / error (too-deep|yaml-syntax)$/.test(c))).toBe(true);
  }
});

test('wrong types everywhere: errors, a usable manifest, no crash', () => {
  const yaml = [
    'version: "1"',
    'system: [shop]',
    'datasets: {users: 1}',
    'flows: [1, "x", null, {id: 5, kind: [], categories: "user"}, {id: a, kind: http, categories: [1, {x: y}], countries: US}]',
    'purposes: 7',
    'logging: [a]',
    'exceptions: [{id: [], reason: {}, expires: 20250101}]',
    '',
  ].join('\n');
  const loaded = load(yaml);
  expect(loaded.problems.length).toBeGreaterThan(10);
  expect(loaded.problems.every((p) => p.line >= 1 && p.column >= 1)).toBe(true);
  // Indexes stay those of the document, so locate() and the manifest agree.
  expect(loaded.manifest.flows).toHaveLength(5);
  expect(loaded.manifest.flows[3]).toMatchObject({ id: '5', categories: [] });
  expect(loaded.manifest.flows[4]).toMatchObject({ id: 'a', kind: 'http', categories: ['', ''] });
  expect(loaded.manifest.purposes).toEqual([]);
  expect(loaded.manifest.logging).toEqual({ allowedCategories: [], redactors: [] });
  expect(codesOf(yaml).slice(0, 3)).toEqual(['1:10 error wrong-type', '2:9 error wrong-type', '3:11 error wrong-type']);
});

test('thousands of problems: described up to a limit, the rest counted', () => {
  const yaml = `version: 1\nsystem: {name: x}\nlogging:\n  allowedCategories: [${Array.from({ length: 5000 }, (_, i) => `user.nope${i}`).join(', ')}]\n`;
  const started = performance.now();
  const problems = load(yaml).problems;
  // Well under a second on its own; generous for a loaded CI machine running tests in parallel.
  expect(performance.now() - started).toBeLessThan(15_000); // a guard against hangs, not a benchmark: generous for a loaded 2-core CI machine
  expect(problems).toHaveLength(MAX_PROBLEMS + 1);
  expect(problems[MAX_PROBLEMS]).toMatchObject({ code: 'too-many-problems', message: `${5000 - MAX_PROBLEMS} more problems not shown` });
});
