import { linkBuilder } from '../../src/render/links.js';

// Links are built from PR-controlled paths: they must stay one well-formed Markdown link destination.
test('repoUrl/blob/sha/path#Lline', () => {
  const link = linkBuilder({ repoUrl: 'https://github.com/acme/shop/', headSha: 'abc123' });
  expect(link('src/a.ts', 12)).toBe('https://github.com/acme/shop/blob/abc123/src/a.ts#L12');
  expect(link('src/a.ts')).toBe('https://github.com/acme/shop/blob/abc123/src/a.ts');
});

test('path segments are percent-encoded, parentheses and spaces included', () => {
  const link = linkBuilder({ repoUrl: 'https://github.com/acme/shop', headSha: 'abc' });
  expect(link('src/my file (1)#?.ts', 3)).toBe('https://github.com/acme/shop/blob/abc/src/my%20file%20%281%29%23%3F.ts#L3');
  expect(link('a)](javascript:alert(1)', 1)).not.toMatch(/[()\s]/);
});

test('only http(s) repository URLs; query and fragment are dropped', () => {
  expect(() => linkBuilder({ repoUrl: 'javascript:alert(1)', headSha: 'a' })).toThrow(RangeError);
  expect(() => linkBuilder({ repoUrl: 'not a url', headSha: 'a' })).toThrow(RangeError);
  expect(linkBuilder({ repoUrl: 'https://ghe.acme.io/o/r?x=1#y', headSha: 'a' })('f.ts')).toBe('https://ghe.acme.io/o/r/blob/a/f.ts');
});

test('without links there are none', () => {
  expect(linkBuilder(undefined)('src/a.ts', 1)).toBeUndefined();
});
