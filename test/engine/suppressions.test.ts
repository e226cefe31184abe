import { parseSuppressions, suppressionFor } from '../../src/engine/suppressions.js';

const parse = (text: string) => parseSuppressions('a.ts', text);

test.each([
  ['// privacy-review-ignore pii-logging -- support tool', 'pii-logging', 2, 'support tool'],
  ['// privacy-review-ignore pii-logging, data-flow -- both are fine', 'data-flow', 2, 'both are fine'],
  ['/* privacy-review-ignore data-flow -- declared in DPA */', 'data-flow', 2, 'declared in DPA'],
  ['// privacy-review-ignore -- every rule', 'pii-field', 2, 'every rule'],
  ['x(); // privacy-review-ignore pii-logging -- same line', 'pii-logging', 1, 'same line'],
])('%s suppresses %s on line %i', (directive, rule, line, reason) => {
  const parsed = parse(`${directive}\ncode();`);
  expect(parsed.problems).toEqual([]);
  expect(suppressionFor(parsed, rule, line)).toEqual({ kind: 'inline', reason });
});

test('a directive for another rule does not suppress', () => {
  const parsed = parse('// privacy-review-ignore pii-logging -- why\ncode();');
  expect(suppressionFor(parsed, 'data-flow', 2)).toBeUndefined();
});

test('a directive two lines above does not suppress', () => {
  const parsed = parse('// privacy-review-ignore pii-logging -- why\n\ncode();');
  expect(suppressionFor(parsed, 'pii-logging', 3)).toBeUndefined();
});

test('a directive without a reason is reported with its line and does not suppress', () => {
  const parsed = parse('const a = 1;\n// privacy-review-ignore pii-logging\ncode();');
  expect(suppressionFor(parsed, 'pii-logging', 3)).toBeUndefined();
  expect(parsed.problems).toEqual([{ file: 'a.ts', line: 2, message: expect.stringContaining('no reason') }]);
});

test('an unknown rule name is reported', () => {
  const parsed = parse('// privacy-review-ignore pii-loging -- typo\ncode();');
  expect(parsed.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('"pii-loging"') });
  expect(suppressionFor(parsed, 'pii-logging', 2)).toBeUndefined();
});
