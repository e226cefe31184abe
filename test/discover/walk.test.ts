import { discover, found, makeTree, reasonFor } from './tree.js';

// The basic contract: which files count as code, how they are split, and that each is read once into `text`.
test('finds TS/JS sources and Prisma schemas, reads their text, ignores other files silently', async () => {
  const root = makeTree({
    'src/a.ts': 'export const a = 1;\n',
    'src/b.tsx': 'export const B = () => null;\n',
    'src/c.mjs': 'export default 1;\n',
    'src/d.cjs': 'module.exports = 1;\n',
    'src/e.jsx': 'export const E = 1;\n',
    'src/f.mts': 'export {};\n',
    'src/g.cts': 'export {};\n',
    'src/h.js': 'console.log(1);\n',
    'prisma/schema.prisma': 'model User { id Int @id }\n',
    'README.md': '# hi\n',
    'package.json': '{}\n',
  });
  const d = await discover(root);
  expect(d.sources.map((f) => f.relative)).toEqual([
    'src/a.ts',
    'src/b.tsx',
    'src/c.mjs',
    'src/d.cjs',
    'src/e.jsx',
    'src/f.mts',
    'src/g.cts',
    'src/h.js',
  ]);
  expect(d.textFiles.map((f) => f.relative)).toEqual(['prisma/schema.prisma']);
  expect(d.sources[0]!.text).toBe('export const a = 1;\n');
  expect(d.sources[0]!.path).toBe(`${d.sources[0]!.path.slice(0, -'src/a.ts'.length)}src/a.ts`);
  expect(d.skipped).toEqual([]);
});

test('declaration files are skipped with a reason', async () => {
  const root = makeTree({
    'types/user.d.ts': 'interface User { email: string }\n',
    'types/x.d.mts': 'export {};\n',
    'src/ok.ts': 'export {};\n',
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/ok.ts']);
  expect(reasonFor(d, 'types/user.d.ts')).toMatch(/declaration/);
  expect(reasonFor(d, 'types/x.d.mts')).toMatch(/declaration/);
});

test('order is by path, independent of creation order', async () => {
  const root = makeTree({ 'z.ts': '', 'a/z.ts': '', 'a-b.ts': '', 'a/b/c.ts': '', 'B.ts': '' });
  const d = await discover(root);
  expect(found(d)).toEqual(['B.ts', 'a-b.ts', 'a/b/c.ts', 'a/z.ts', 'z.ts']);
  expect(d.sources.map((f) => f.relative)).toEqual(['B.ts', 'a-b.ts', 'a/b/c.ts', 'a/z.ts', 'z.ts']);
});

test('a missing root is a clear error', async () => {
  await expect(discover('/nonexistent/privacy-review-root')).rejects.toThrow(/does not exist/);
});
