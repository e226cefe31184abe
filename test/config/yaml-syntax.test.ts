import { problemsOf } from './problems.js';

// YAML mistakes are reported where the parser found them, before any validation.
test('an unclosed flow sequence', () => {
  expect(problemsOf('include: [src\nexclude: []\n')[0]).toMatch(/^cfg\.yml:2:1: .*\] — fix the YAML syntax at this position$/);
});

test('duplicate keys, which YAML would otherwise resolve silently to the last one', () => {
  expect(problemsOf('failOn: high\nfailOn: low\n')).toEqual(['cfg.yml:2:1: map keys must be unique — remove one of the two entries']);
});

test('tabs as indentation', () => {
  expect(problemsOf('include:\n\t- a\n')).toEqual(['cfg.yml:2:1: tabs are not allowed as indentation — indent with spaces']);
});

test('several documents in one file', () => {
  expect(problemsOf('failOn: high\n---\nfailOn: low\n')).toEqual([
    'cfg.yml:2:1: the file holds more than one YAML document — keep a single YAML document (remove the extra "---")',
  ]);
});

test('an empty file or a file of comments means the defaults', () => {
  expect(problemsOf('')).toEqual([]);
  expect(problemsOf('# nothing yet\n')).toEqual([]);
});
