import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayers, importGraph } from '../scripts/layers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));
const LAYERS = [['src/core'], ['src/sinks'], ['src/flow', 'src/other']];

test('the shipped code imports only its own layer or lower ones, and no files import each other in a circle', () => {
  const problems = checkLayers(importGraph(ROOT));
  expect(problems.map((p) => p.message)).toEqual([]);
});

test('the import graph is the compiler’s: it holds the contract, the rules and imports through the #ts-morph import map', () => {
  const g = importGraph(ROOT);
  expect(g.get('src/engine/scan.ts')).toContain('src/core/contract.ts');
  expect(g.get('analyzers/index.ts')).toContain('analyzers/data-flow/index.ts');
  expect(g.get('src/ts/syntax.ts')).toContain('lib/ts-morph.d.cts');
  expect([...g.keys()].some((f) => f.startsWith('test/'))).toBe(false);
});

test('an import of a higher layer is reported with both files', () => {
  const problems = checkLayers(graph({ 'src/sinks/a.ts': ['src/flow/b.ts'], 'src/flow/b.ts': [] }), LAYERS);
  expect(problems).toEqual([expect.objectContaining({ kind: 'uphill', files: ['src/sinks/a.ts', 'src/flow/b.ts'] })]);
});

test('imports within a layer and down are allowed', () => {
  const problems = checkLayers(
    graph({
      'src/flow/a.ts': ['src/other/b.ts', 'src/core/c.ts'],
      'src/other/b.ts': ['src/sinks/d.ts'],
      'src/sinks/d.ts': [],
      'src/core/c.ts': [],
    }),
    LAYERS,
  );
  expect(problems).toEqual([]);
});

test('a circle of imports is reported once, with every file in it, even within one folder', () => {
  const problems = checkLayers(
    graph({
      'src/flow/a.ts': ['src/flow/b.ts'],
      'src/flow/b.ts': ['src/flow/c.ts'],
      'src/flow/c.ts': ['src/flow/a.ts'],
      'src/flow/d.ts': ['src/flow/a.ts'],
    }),
    LAYERS,
  );
  expect(problems).toHaveLength(1);
  expect(problems[0]!.kind).toBe('cycle');
  expect([...problems[0]!.files].sort()).toEqual(['src/flow/a.ts', 'src/flow/b.ts', 'src/flow/c.ts']);
});

test('a file in no layer is reported, so a new folder gets a place in the picture', () => {
  const problems = checkLayers(graph({ 'src/new/a.ts': [] }), LAYERS);
  expect(problems).toEqual([expect.objectContaining({ kind: 'unplaced', files: ['src/new/a.ts'] })]);
});
