import { problemsOf } from './problems.js';

// Wrong value types are reported at the value, with what was found and an example of what is expected.
test('a string where a number is expected', () => {
  expect(problemsOf('maxFileBytes: big\n')).toEqual([
    'cfg.yml:1:15: maxFileBytes must be a whole number, not a string — write a whole number of bytes, e.g. maxFileBytes: 2000000',
  ]);
});

test('a single glob where a list is expected', () => {
  expect(problemsOf('include: src/**/*.ts\n')).toEqual([
    'cfg.yml:1:10: include must be a list, not a string — write a list of globs, e.g. ["src/**/*.ts"]',
  ]);
});

test('an empty value is reported at its key', () => {
  expect(problemsOf('exclude:\ngitignore: yes\n')).toEqual([
    'cfg.yml:1:1: exclude is empty; it must be a list — write a list of globs, e.g. ["src/generated/**"]',
    'cfg.yml:2:12: gitignore must be true or false, not a string — write true or false',
  ]);
});

test('a document that is not a mapping', () => {
  expect(problemsOf('- include\n')).toEqual([
    'cfg.yml:1:1: the configuration must be a mapping, not a list — the file must be a mapping of settings, e.g. "failOn: medium"',
  ]);
});

test('negative sizes and non-integer argument positions', () => {
  expect(problemsOf('maxFileBytes: 0\nsinks:\n  - {id: a, kind: http, package: p, call: c, args: [1.5]}\n')).toEqual([
    'cfg.yml:1:15: maxFileBytes must be at least 1, not 0 — write a whole number of bytes, e.g. maxFileBytes: 2000000',
    'cfg.yml:3:53: sinks[0].args[0] must be a whole number, not a number — argument positions are whole numbers from 0, e.g. [0, 1]',
  ]);
});
