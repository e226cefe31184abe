import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from '#ts-morph';
import { scan } from '../../src/engine/scan.js';
import { ANALYZERS } from '../../analyzers/index.js';
import type { Analyzer } from '../../src/engine/analyzer.js';
import type { ScanResult } from '../../src/core/contract.js';

/*
 * One deeply nested file must not end the scan: it is analyzed, or reported in `errors` with its
 * reason, and every other file keeps its findings. The hostile file sorts first, so the other file
 * is parsed, bound and checked after TypeScript has run out of stack on it.
 */

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => fs.rm(r, { recursive: true, force: true }))));

/** Logs an email: the finding every scan below must keep. */
const NORMAL = 'export const logUser = (user: { email: string }) => {\n  console.log("user", user.email);\n};\n';

async function scanWith(hostile: string, analyzers: readonly Analyzer[] = ANALYZERS): Promise<ScanResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-hostile-'));
  roots.push(root);
  await fs.mkdir(path.join(root, 'src'));
  await fs.writeFile(path.join(root, 'src/a-hostile.ts'), hostile);
  await fs.writeFile(path.join(root, 'src/b-normal.ts'), NORMAL);
  return scan({ root, analyzers });
}

/** `export function hostile(user) { <body> }`, with `f` and `a` declared for the shapes that use them. */
function hostileFile(body: string): string {
  return `declare function f(x: unknown): unknown;\ndeclare const a: string;\nexport function hostile(user: { email: string }) {\n${body}\n}\n`;
}

const logged = (result: ScanResult, file: string) => result.findings.filter((f) => f.file === file && f.rule === 'pii-logging');
const errorsOf = (result: ScanResult, file: string) => result.errors.filter((e) => e.file === file);

function expectNormalFindingKept(result: ScanResult): void {
  expect(logged(result, 'src/b-normal.ts')).toEqual([expect.objectContaining({ line: 2, categories: ['user.contact.email'] })]);
}

// Lines: the function body's brace is a level (line 3), the shape starts on line 4.
const PARSER = 'Not analyzed: nested too deeply for the TypeScript parser';
const TOO_DEEP = 'Not analyzed: an expression nested deeper than 256 levels';
const SPLIT = '; split it up into smaller expressions or functions.';
describe.each([
  [
    '100,000 nested parentheses, one per line',
    hostileFile(`  return ${'(\n'.repeat(100_000)}user.email${'\n)'.repeat(100_000)};`),
    259,
    `${PARSER} (brackets nest deeper than 256 levels at line 259)${SPLIT}`,
  ],
  [
    '20,000 nested object literals',
    hostileFile(`  return ${'{ a:\n'.repeat(20_000)}user.email${'\n}'.repeat(20_000)};`),
    259,
    `${PARSER} (brackets nest deeper than 256 levels at line 259)${SPLIT}`,
  ],
  // Arrow functions nest without brackets: no line to point at.
  ['20,000 nested arrow functions', hostileFile(`  return ${'() =>\n'.repeat(20_000)}user.email;`), undefined, `${PARSER}${SPLIT}`],
  // Parsed (TypeScript parses chains without recursion), then refused before binding.
  [
    'a 40,000-term binary expression',
    hostileFile(`  return ${Array(40_000).fill('a').join(' +\n')};`),
    4,
    `${TOO_DEEP} (at line 4)${SPLIT}`,
  ],
  [
    '30,000 nested calls around user.email',
    hostileFile(`  console.log(${'f(\n'.repeat(30_000)}user.email${'\n)'.repeat(30_000)});`),
    258,
    `${PARSER} (brackets nest deeper than 256 levels at line 258)${SPLIT}`,
  ],
  [
    'a 2,000-link method chain',
    hostileFile(`  console.log(user.email${'\n.trim()'.repeat(2_000)});`),
    4,
    `${TOO_DEEP} (at line 4)${SPLIT}`,
  ],
])('%s', (_name, text, line, message) => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scanWith(text);
  });

  test('the scan completes and keeps the other file’s finding', () => {
    expectNormalFindingKept(result);
  });

  test('the file is in errors with the reason and what to do, and has no findings', () => {
    expect(errorsOf(result, 'src/a-hostile.ts')).toEqual([{ file: 'src/a-hostile.ts', ...(line === undefined ? {} : { line }), message }]);
    expect(result.findings.filter((f) => f.file === 'src/a-hostile.ts')).toEqual([]);
  });
});

test('personal data inside 30 parentheses is found: wrappers cost no depth', async () => {
  const result = await scanWith(hostileFile(`  console.log(${'('.repeat(30)}user.email${')'.repeat(30)});`));
  expect(logged(result, 'src/a-hostile.ts')).toEqual([expect.objectContaining({ line: 4, categories: ['user.contact.email'] })]);
  expect(result.errors).toEqual([]);
  expectNormalFindingKept(result);
});

test('as many `as`, `!` and `satisfies` around personal data cost no depth either', async () => {
  const wrapped = `${'('.repeat(10)}user.email${' as string)!'.repeat(5)}${' satisfies string)'.repeat(5)}`;
  const result = await scanWith(hostileFile(`  console.log(${'('.repeat(20)}${wrapped}${')'.repeat(20)});`));
  expect(logged(result, 'src/a-hostile.ts')).toEqual([expect.objectContaining({ line: 4, categories: ['user.contact.email'] })]);
  expect(result.errors).toEqual([]);
});

test('10,000 parentheses around personal data are reported, never passed over in silence', async () => {
  const result = await scanWith(hostileFile(`  console.log(${'(\n'.repeat(10_000)}user.email${'\n)'.repeat(10_000)});`));
  expect(logged(result, 'src/a-hostile.ts').length + errorsOf(result, 'src/a-hostile.ts').length).toBeGreaterThan(0);
  expect(errorsOf(result, 'src/a-hostile.ts')).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/nested too deeply.*split it up/) }),
  ]);
  expectNormalFindingKept(result);
});

test('personal data at the start of a 1,000-term concatenation is found (a chain costs no depth)', async () => {
  const result = await scanWith(hostileFile(`  console.log(user.email${' +\n a'.repeat(1_000)});`));
  expect(logged(result, 'src/a-hostile.ts')).toEqual([expect.objectContaining({ line: 4, categories: ['user.contact.email'] })]);
  expect(result.errors).toEqual([]);
});

test('data nested deeper than the flow engine follows is reported as not fully analyzed, with its line', async () => {
  // 30 object literals inside each other: each is a level the flow engine follows the data through.
  const result = await scanWith(hostileFile(`  console.log(${'{ a:\n'.repeat(30)}user.email${'\n}'.repeat(30)});`));
  expect(logged(result, 'src/a-hostile.ts')).toEqual([]);
  expect(errorsOf(result, 'src/a-hostile.ts')).toEqual([
    {
      file: 'src/a-hostile.ts',
      line: expect.any(Number),
      message: expect.stringMatching(
        /^Not fully analyzed: data is followed through 24 nested expressions.*personal data inside it may be missed/,
      ),
    },
  ]);
  const line = errorsOf(result, 'src/a-hostile.ts')[0]!.line!;
  expect(line).toBeGreaterThan(4);
  expect(line).toBeLessThanOrEqual(4 + 30);
  expectNormalFindingKept(result);
});

test('a file that runs the analysis out of stack is reported, and the files after it are still analyzed', async () => {
  const overflowing: Analyzer = {
    meta: { id: 'pii-logging', name: 'overflow', shortDescription: '', help: '' },
    create: (ctx) => (ctx.file === 'src/a-hostile.ts' ? { [ts.SyntaxKind.FunctionDeclaration]: () => overflow() } : {}),
  };
  const result = await scanWith(hostileFile('  console.log(user.email);'), [overflowing, ...ANALYZERS]);
  expect(errorsOf(result, 'src/a-hostile.ts')).toEqual([
    {
      file: 'src/a-hostile.ts',
      message: expect.stringMatching(/^Not analyzed: nested too deeply to analyze \(Maximum call stack size exceeded\); split it up/),
    },
  ]);
  expect(result.findings.filter((f) => f.file === 'src/a-hostile.ts')).toEqual([]);
  expectNormalFindingKept(result);
});

function overflow(): number {
  return overflow() + 1;
}
