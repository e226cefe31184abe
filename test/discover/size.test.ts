import { discover, found, makeTree, reasonFor } from './tree.js';

// Very large files are almost never hand-written code and would dominate scan time.
test('files over maxFileBytes are skipped with their size, smaller ones analyzed', async () => {
  const root = makeTree({ 'big.ts': `export const x = "${'a'.repeat(2000)}";\n`, 'small.ts': 'export {};\n' });
  const d = await discover(root, { maxFileBytes: 1000 });
  expect(found(d)).toEqual(['small.ts']);
  expect(reasonFor(d, 'big.ts')).toMatch(/larger than maxFileBytes \(2021 bytes > 1000\)/);
  expect(found(await discover(root, { maxFileBytes: 5000 }))).toEqual(['big.ts', 'small.ts']);
});
