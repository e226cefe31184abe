import { discover, found, makeTree, reasonFor } from './tree.js';

// A `.js` name does not make a file text: binary and non-UTF-8 files would only produce parser noise.
test('files with NUL bytes are skipped as binary', async () => {
  const root = makeTree({ 'a.js': Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x02]), 'b.js': 'ok();\n' });
  const d = await discover(root);
  expect(found(d)).toEqual(['b.js']);
  expect(reasonFor(d, 'a.js')).toBe('binary file (contains NUL bytes)');
});

test('files that are not valid UTF-8 are skipped; a UTF-8 BOM is fine and removed', async () => {
  const latin1 = Buffer.from('const café = "é";\n', 'latin1');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const a = 1;\n')]);
  const root = makeTree({ 'latin1.ts': latin1, 'bom.ts': bom });
  const d = await discover(root);
  expect(found(d)).toEqual(['bom.ts']);
  expect(d.sources[0]!.text).toBe('export const a = 1;\n');
  expect(reasonFor(d, 'latin1.ts')).toMatch(/not valid UTF-8/);
});
