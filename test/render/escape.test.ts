import { code, codeBlock, html, md, mdCode, neutralize } from '../../src/render/escape.js';

// The building blocks every string from code goes through before it reaches the checklist.
test('code spans are fenced by a longer backtick run than the text holds', () => {
  expect(code('user.email')).toBe('`user.email`');
  expect(code('a`b')).toBe('``a`b``');
  expect(code('x``y```')).toBe('```` x``y``` ````');
  expect(code('')).toBe('`\u00a0`');
  expect(code('line\nbreak')).toBe('`line break`');
});

test('code blocks are fenced so no line inside can close them', () => {
  expect(codeBlock('yaml', 'a: 1\n')).toBe('```yaml\na: 1\n```');
  expect(codeBlock('yaml', 'a: |\n  ```\n  ````x')).toBe('`````yaml\na: |\n  ```\n  ````x\n`````');
  expect(codeBlock('ya`ml x', 'a')).toBe('```yamlx\na\n```');
});

test('mentions, issue references and bare URLs are broken with a zero-width space', () => {
  expect(neutralize('@acme/team and user@example.com fix #12 see https://x.io www.y.io')).toBe(
    '@&#8203;acme/team and user@&#8203;example.com fix #&#8203;12 see https:&#8203;//x.io www&#8203;.y.io',
  );
  expect(md('@team <b>')).toBe('@&#8203;team \\<b\\>');
});

test('mdCode keeps code spans verbatim and neutralises only the text around them', () => {
  expect(mdCode('ping @team via `@team/pkg`')).toBe('ping @&#8203;team via `@team/pkg`');
});

test('html escapes for raw HTML and neutralises mentions', () => {
  expect(html('<a href="x">\'@t\'</a> & more')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;@&#8203;t&#39;&lt;/a&gt; &amp; more');
});

test('text from code is truncated before it is escaped, so an escape is never cut in half', () => {
  const out = md('<'.repeat(400), 10);
  expect(out).toBe(`${'\\<'.repeat(9)}…`);
});
