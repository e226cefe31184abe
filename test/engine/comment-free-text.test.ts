import { ts } from '#ts-morph';
import { CommentFreeText } from '../../src/engine/comment-free-text.js';

const text = (source: string, file = 'a.tsx') => {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return new CommentFreeText(sf).slice(0, sf.end);
};

test('comments and layout are left out of TypeScript; strings, templates, regexes and JSX text are kept', () => {
  expect(text('// head\nexport const a = 1; // trailing\n/** doc */\nexport interface U {\n  /* inline */ email: string;\n}\n')).toBe(
    'export const a = 1; export interface U { email: string; }',
  );
  expect(text("const url = 'http://x'; const t = `//${url}// y`; const r = /a\\/\\/b/;")).toBe(
    "const url = 'http://x'; const t = `//${url}// y`; const r = /a\\/\\/b/;",
  );
  expect(text('export const C = () => <div>see http://x // not a comment<b>{/* gone */ value}</b></div>;')).toBe(
    'export const C = () => <div>see http://x // not a comment<b>{ value}</b></div>;',
  );
});

test('JavaScript keeps its comments: JSDoc gives types there', () => {
  expect(text('/** @type {string} */\nexport const email = x;\n', 'a.js')).toBe('/** @type {string} */ export const email = x;');
});
