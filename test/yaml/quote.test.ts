import { MAX_QUOTED_CHARS, inline, oneLine, quote } from '../../src/yaml/quote.js';

test('an ordinary value is itself in double quotes', () => {
  expect(quote('segment')).toBe('"segment"');
  expect(quote(42)).toBe('42');
  expect(quote(null)).toBe('null');
  expect(quote(['a', 1])).toBe('["a",1]');
});

test('line breaks and controls are escaped, so a message stays on one line', () => {
  expect(quote('a\nb\r\nc')).toBe('"a\\nb\\r\\nc"');
  expect(quote('ls\u2028ps\u2029nel\u0085')).toBe('"ls\\u2028ps\\u2029nel\\u0085"');
  expect(quote('\u001b[31mred\u202e')).toBe('"\\u001b[31mred\\u202e"');
  expect(inline('Loyalty\nid')).toBe('Loyalty\\nid');
  expect(oneLine(`${'x'.repeat(200)}\n`)).toBe(`${'x'.repeat(200)}\\n`);
});

test('a long value is cut, without splitting a character', () => {
  expect(quote('x'.repeat(1000))).toBe(`"${'x'.repeat(MAX_QUOTED_CHARS)}…"`);
  const emoji = `${'x'.repeat(MAX_QUOTED_CHARS - 1)}😀`;
  expect(quote(emoji)).toBe(`"${'x'.repeat(MAX_QUOTED_CHARS - 1)}…"`);
});
