import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZERS } from '../../analyzers/index.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { scan } from '../../src/engine/scan.js';
import type { Finding, ScanResult } from '../../src/core/contract.js';
import { scanSides } from '../../src/review/scan-sides.js';

/*
 * No speed bought with missed findings: a file analyzed the fast way (a program of just that file,
 * its importers and what they import, as a pull request review builds it) has exactly the findings
 * the whole-project scan gives it, traces and all, on every fixture file and the bundled example.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECTS = [
  'test/fixtures/pii-field',
  'test/fixtures/pii-logging',
  'test/fixtures/data-flow',
  'test/fixtures/monorepo',
  'examples/shop',
];

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(?:[cm]?[tj]sx?|prisma)$/.test(f) && !f.includes('node_modules'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

describe.each(PROJECTS)('%s', (project) => {
  const dir = path.join(ROOT, project);
  let full: ScanResult;
  let fastPaths = 0;
  beforeAll(async () => {
    full = await scan({ root: dir, analyzers: ANALYZERS });
  });

  test('the project has findings to compare', () => {
    expect(full.findings.length).toBeGreaterThan(5);
  });

  afterAll(() => {
    // the comparison is about the fast path: most files must have taken it (scripts declaring globals do not)
    expect(fastPaths).toBeGreaterThan(sourceFiles(dir).length / 2);
  });

  test.each(sourceFiles(dir))('%s: same findings alone as in the whole project', async (file) => {
    // without early cutoff: the same text on both sides would otherwise cut every importer off
    const { head, scope } = await scanSides({
      baseDir: dir,
      headDir: dir,
      config: DEFAULT_CONFIG,
      analyzers: ANALYZERS,
      changed: [file],
      cutoff: false,
    });
    const of = (findings: readonly Finding[], name: string) => findings.filter((f) => f.file === name);
    expect(of(head.findings, file)).toEqual(of(full.findings, file));
    // the files that import it were analyzed too, each with the whole project's findings
    for (const other of new Set(head.findings.map((f) => f.file))) expect(of(head.findings, other)).toEqual(of(full.findings, other));
    if (scope.mode === 'changed') fastPaths++;
  });
});

/*
 * The scan's own shortcuts (the program built with the compiler API over texts already read, a
 * method call resolved only when some project class declares the name, no look at a receiver's
 * type for names that are nothing) against the straightforward path: ts-morph's Project and the
 * type checker asked every time.
 */
test.each(PROJECTS)('%s: the fast scan finds exactly what the reference path finds', async (project) => {
  const dir = path.join(ROOT, project);
  const [fast, reference] = [
    await scan({ root: dir, analyzers: ANALYZERS }),
    await scan({ root: dir, analyzers: ANALYZERS, reference: true }),
  ];
  expect(fast.findings.length).toBeGreaterThan(5);
  expect(fast.findings).toEqual(reference.findings);
  expect(fast.errors).toEqual(reference.errors);
});

/* A large scan is split into programs that each load only what their files import: same findings. */
test.each(PROJECTS)('%s: the scan split into programs of 2 files finds exactly what one program finds', async (project) => {
  const dir = path.join(ROOT, project);
  const [whole, split] = [
    await scan({ root: dir, analyzers: ANALYZERS }),
    await scan({ root: dir, analyzers: ANALYZERS, filesPerProgram: 2 }),
  ];
  expect(whole.findings.length).toBeGreaterThan(5);
  expect(split.findings).toEqual(whole.findings);
  expect(split.errors).toEqual(whole.errors);
  expect(split.skipped).toEqual(whole.skipped);
  expect(split.stats.lines).toBe(whole.stats.lines);
});

test('partition: parts of the requested size load what their files import; a part that would load most files ends the split', async () => {
  const { partition } = await import('../../src/engine/partition.js');
  const file = (relative: string, text: string) => ({ path: `/r/${relative}`, relative, text });
  const lib = file('lib.ts', 'export const x = 1;');
  const apps = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => file(`${n}.ts`, "import { x } from './lib';"));
  const all = [lib, ...apps];
  const parts = partition(all, apps, {}, '/r', 2);
  expect(parts.map((p) => [p.analyze.map((f) => f.relative), p.load.map((f) => f.relative)])).toEqual([
    [
      ['a.ts', 'b.ts'],
      ['lib.ts', 'a.ts', 'b.ts'],
    ],
    [
      ['c.ts', 'd.ts'],
      ['lib.ts', 'c.ts', 'd.ts'],
    ],
    [
      ['e.ts', 'f.ts'],
      ['lib.ts', 'e.ts', 'f.ts'],
    ],
  ]);
  expect(partition(all, apps, {}, '/r', 4)).toHaveLength(1); // 6 files: not worth splitting into 4 + 2
  const barrel = file('index.ts', apps.map((a) => `export * from './${a.relative.replace('.ts', '')}';`).join('\n'));
  const everyone = [lib, barrel, ...apps.map((a) => file(a.relative, "import './index';"))];
  expect(partition(everyone, everyone.slice(2), {}, '/r', 2)).toEqual([{ load: everyone, analyze: everyone.slice(2) }]);
});
