import { problemsOf } from './problems.js';

// Every exception must explain itself: an ignore entry without a reason (or with a blank one) is an error.
test('a missing reason is reported at the entry', () => {
  expect(problemsOf('ignore:\n  - paths: ["test/**"]\n')).toEqual([
    'cfg.yml:2:5: ignore[0] is missing "reason" — say why these findings are acceptable, e.g. reason: "fixtures hold fake data"',
  ]);
});

test('a blank reason is reported at the value', () => {
  expect(problemsOf('ignore:\n  - paths: ["test/**"]\n    reason: "  "\n')).toEqual([
    'cfg.yml:3:13: ignore[0].reason must not be empty — say why these findings are acceptable, e.g. reason: "fixtures hold fake data"',
  ]);
});

test('paths are required and must not be an empty list', () => {
  expect(problemsOf('ignore:\n  - {reason: fake data}\n  - {paths: [], reason: fake data}\n')).toEqual([
    'cfg.yml:2:5: ignore[0] is missing "paths" — write a list of globs, e.g. ["test/**"]',
    'cfg.yml:3:13: ignore[1].paths must list at least 1 item — write a list of globs, e.g. ["test/**"]',
  ]);
});
