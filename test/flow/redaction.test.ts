import { parsePath, redactedBy } from '../../src/flow/redaction.js';

test.each([
  ['user.email', ['user', 'email']],
  ['req.headers["x-token"]', ['req', 'headers', 'x-token']],
  ["a['b.c'].d", ['a', 'b.c', 'd']],
  ['items[*].email', ['items', '*', 'email']],
  ['*.password', ['*', 'password']],
])('parses %s', (path, segments) => {
  expect(parsePath(path)).toEqual(segments);
});

test.each([
  [['user', 'email'], ['user.email'], true],
  [['user', 'email', 'domain'], ['user.email'], true],
  [['user', 'name'], ['user.email'], false],
  [['email'], ['user.email'], false],
  [['customer', 'password'], ['*.password'], true],
  [['password'], ['*.password'], false],
  [['password'], ['password'], true],
  [[], ['password'], false],
])('source path %j redacted by %j: %s', (sourcePath, paths, expected) => {
  expect(redactedBy(sourcePath, paths)).toBe(expected);
});
