import { matchPattern, normalizePath, parsePattern, renderPath } from '../../src/sinks/path-pattern.js';

describe('path patterns', () => {
  test.each([
    ['chat.completions.create', ['chat', 'completions', 'create'], false, 'create'],
    ['^console.log', ['console', 'log'], true, 'log'],
    ['createWriteStream().write', ['createWriteStream', '()', 'write'], false, 'write'],
    ['^()', ['()'], true, '()'],
    ['^', [], true, ''],
    ['', [], true, ''],
    ['*.create', ['*', 'create'], false, 'create'],
    ['^().begin.=>', ['()', 'begin', '=>'], true, '=>'],
    ['[]', ['[]'], false, '[]'],
  ])('parse %s', (text, segments, exact, key) => {
    expect(parsePattern(text)).toMatchObject({ segments, exact, key });
  });

  test.each(['a.*', 'a..b', 'a.(b)', 'a b'])('invalid pattern %s throws', (text) => {
    expect(() => parsePattern(text)).toThrow();
  });

  test.each([
    ['info', ['createLogger', '()', 'info'], true],
    ['info', ['info'], true],
    ['info', ['infos'], false],
    ['^get', ['get'], true],
    ['^get', ['get', '()', 'headers', 'get'], false],
    ['*.create', ['PrismaClient', 'user', 'create'], true],
    ['*.create', ['findFirst', '()', 'create'], false],
    ['producer().send', ['Kafka', 'producer', '()', 'send'], true],
    ['producer().send', ['Kafka', 'producer', 'send'], false],
    ['^', [], true],
    ['^', ['x'], false],
    ['chat.completions.create', ['completions', 'create'], false],
  ])('%s vs %j → %s', (text, path, expected) => {
    expect(matchPattern(parsePattern(text), path)).toBe(expected);
  });

  test('normalization drops new and default, keeps calls and callbacks', () => {
    expect(normalizePath(['default', 'new', 'chat', '()', 'x', '=>', 'y'])).toEqual(['chat', '()', 'x', '=>', 'y']);
  });

  test('rendering', () => {
    expect(renderPath(['producer', '()', 'send'])).toBe('producer().send');
    expect(renderPath(['withScope', '=>', 'setUser'])).toBe('withScope(=>).setUser');
    expect(renderPath(['()'])).toBe('()');
  });
});
