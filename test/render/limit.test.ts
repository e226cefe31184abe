import { cutToLength, openBlocks, tidy } from '../../src/render/limit.js';
import { expectWellFormed } from './structure.js';

// The last resort when even the smallest checklist is too long: cut, but close what is open.
test('cutting inside a code block closes the fence and the open <details>', () => {
  const doc = [
    '# T',
    '',
    '<details><summary>s</summary>',
    '',
    '```yaml',
    ...Array.from({ length: 50 }, (_, i) => `line: ${i}`),
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
  const cut = cutToLength(doc, 200);
  expect(cut.length).toBeLessThanOrEqual(200);
  expectWellFormed(cut);
  expect(cut).toContain('line: 0');
  expect(cut.trimEnd().endsWith('_… cut to fit the size limit._')).toBe(true);
  expect(openBlocks(cut)).toEqual({ fence: undefined, details: 0 });
});

test('text under the limit is left alone; a limit below the note gives nothing', () => {
  expect(cutToLength('short\n', 100)).toBe('short\n');
  expect(cutToLength('x'.repeat(50), 5)).toBe('');
});

test('tidy collapses blank lines and trailing spaces outside code, never inside', () => {
  expect(tidy('\n\na  \n\n\n\nb\n```\nkeep  \n\n\n\n```\n\n\n')).toBe('a\n\nb\n```\nkeep  \n\n\n\n```\n');
});
