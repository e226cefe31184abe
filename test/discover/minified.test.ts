import { discover, found, makeTree, reasonFor } from './tree.js';

const longLine = `var a=${Array.from({ length: 400 }, (_, i) => `x${i}=${i}`).join(',')};`;

// Bundles and minified vendor code are not written by the team and drown a report in noise; the reason says which clue was found.
test('*.min.js names are skipped', async () => {
  const root = makeTree({ 'vendor/jquery.min.js': 'x();\n', 'vendor/lib-min.js': 'x();\n' });
  const d = await discover(root);
  expect(found(d)).toEqual([]);
  expect(reasonFor(d, 'vendor/jquery.min.js')).toMatch(/\.min\.js/);
  expect(reasonFor(d, 'vendor/lib-min.js')).toMatch(/\.min\.js/);
});

test('very long average lines mark a file as minified', async () => {
  const root = makeTree({ 'public/bundle.js': `${longLine}\n${longLine}\n`, 'src/a.ts': 'export const a = 1;\n' });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/a.ts']);
  expect(reasonFor(d, 'public/bundle.js')).toMatch(/^minified or bundled \(average line length \d+ characters\)$/);
});

test('one long line in an otherwise normal file does not', async () => {
  const normal = Array.from({ length: 200 }, (_, i) => `export const v${i} = ${i};`).join('\n');
  const root = makeTree({ 'src/data.ts': `${normal}\nexport const icon = "${'A'.repeat(3000)}";\n` });
  expect(found(await discover(root))).toEqual(['src/data.ts']);
});

test('JavaScript ending in a sourceMappingURL comment is compiled output', async () => {
  const root = makeTree({
    'lib/index.js': 'exports.a = 1;\n//# sourceMappingURL=index.js.map\n',
    'src/index.ts': 'export const a = 1;\n//# sourceMappingURL=x.map\n',
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/index.ts']);
  expect(reasonFor(d, 'lib/index.js')).toMatch(/sourceMappingURL/);
});

test('one long comment line does not make a hand-written file look minified; a licence comment before minified code does not hide it', async () => {
  const normal = "import type { User } from './user';\nexport function greet(user: User) {\n  console.log(user.email);\n}\n";
  const root = makeTree({
    'src/leak.ts': `${normal}// ${'x'.repeat(3000)}\n`,
    'public/lib.js': `/*! lib v1 | MIT */${longLine}\n`,
  });
  const d = await discover(root);
  expect(found(d)).toEqual(['src/leak.ts']);
  expect(reasonFor(d, 'public/lib.js')).toMatch(/^minified or bundled/);
});
