import { closureHashes, contentHash } from '../../../src/engine/cache/closure-hashes.js';
import { fileKeys } from '../../../src/engine/cache/file-keys.js';
import { scanIdentity } from '../../../src/engine/cache/keys.js';
import { decodeEntry, encodeEntry, type FileOutcome } from '../../../src/engine/cache/entry.js';

const graph = (edges: Record<string, string[]>) => (f: string) => edges[f] ?? [];
const contents = (files: Record<string, string>) => new Map(Object.entries(files).map(([f, t]) => [f, contentHash(t)]));

describe('closure hashes', () => {
  const edges = { a: ['b'], b: ['c'], c: ['b'], d: [], e: ['a', 'd'] };
  const files = { a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' };

  test('a change reaches exactly the files that import it, through cycles', () => {
    const before = closureHashes(contents(files), graph(edges));
    const after = closureHashes(contents({ ...files, c: 'C2' }), graph(edges));
    const changed = Object.keys(files).filter((f) => before.get(f) !== after.get(f));
    expect(changed).toEqual(['a', 'b', 'c', 'e']);
  });

  test('a new edge changes the importer; order of discovery does not matter', () => {
    const before = closureHashes(contents(files), graph(edges));
    const reordered = new Map([...contents(files)].reverse());
    expect(closureHashes(reordered, graph(edges))).toEqual(before);
    const after = closureHashes(contents(files), graph({ ...edges, d: ['c'] }));
    expect(Object.keys(files).filter((f) => before.get(f) !== after.get(f))).toEqual(['d', 'e']);
  });

  test('a renamed file changes its importers, though no content changed', () => {
    const before = closureHashes(contents({ a: 'A', b: 'B' }), graph({ a: ['b'] }));
    const after = closureHashes(contents({ a: 'A', b2: 'B' }), graph({ a: ['b2'] }));
    expect(after.get('a')).not.toBe(before.get('a'));
  });

  test('a chain of 20,000 imports does not overflow the stack', () => {
    const n = 20_000;
    const many = new Map(Array.from({ length: n }, (_, i) => [`f${i}`, String(i)]));
    const hashes = closureHashes(many, (f) => (f === `f${n - 1}` ? [] : [`f${Number(f.slice(1)) + 1}`]));
    expect(hashes.size).toBe(n);
  });
});

describe('keys', () => {
  const inputs = { tool: '1.0.0+abc', config: { include: ['**/*.ts'] }, resolution: '{}' };
  test('tool, configuration and resolution are each part of the scan identity', () => {
    const id = scanIdentity(inputs);
    expect(scanIdentity({ ...inputs, tool: '1.0.1+abc' })).not.toBe(id);
    expect(scanIdentity({ ...inputs, config: { include: ['**/*.tsx'] } })).not.toBe(id);
    expect(scanIdentity({ ...inputs, resolution: '{"paths":{}}' })).not.toBe(id);
    expect(scanIdentity({ ...inputs })).toBe(id);
  });

  test('a configuration that is not plain data is not cached', () => {
    expect(scanIdentity({ ...inputs, config: { f: () => 1 } })).toBeUndefined();
  });

  test('file keys cover the analyzers, the globals and the path', () => {
    const base = {
      scan: 's',
      sources: [
        { relative: 'a.ts', text: 'import "./b"' },
        { relative: 'b.ts', text: 'export {}' },
        { relative: 'g.ts', text: 'var x = 1' },
      ],
      analyzed: [{ relative: 'a.ts', text: 'import "./b"' }],
      textFiles: [{ relative: 's.prisma', text: 'model A {}' }],
      dependencies: graph({ 'a.ts': ['b.ts'] }),
      declaresGlobals: (f: string) => f === 'g.ts',
      analyzersFor: () => [{ meta: { id: 'pii-field', name: 'PII fields' } }],
    };
    const keys = fileKeys(base);
    expect([...keys.keys()]).toEqual(['a.ts', 's.prisma']);
    const other = (over: Partial<typeof base>) => fileKeys({ ...base, ...over }).get('a.ts');
    expect(other({ analyzersFor: () => [{ meta: { id: 'pii-field', name: 'PII fields' }, cacheIdentity: 'x' }] } as never)).not.toBe(
      keys.get('a.ts'),
    );
    expect(other({ sources: [...base.sources.slice(0, 2), { relative: 'g.ts', text: 'var x = 2' }] })).not.toBe(keys.get('a.ts'));
    expect(other({ sources: [base.sources[0]!, { relative: 'b.ts', text: 'export const b = 1' }, base.sources[2]!] })).not.toBe(
      keys.get('a.ts'),
    );
    expect(other({ sources: [...base.sources, { relative: 'c.ts', text: 'export {}' }] })).toBe(keys.get('a.ts'));
  });
});

describe('entries', () => {
  const outcome: FileOutcome = {
    findings: [],
    problems: [{ error: { file: 'a.ts', line: 1, message: 'Syntax error' } }, { cut: { file: 'b.ts', line: 3, limit: 24 } }],
    skipped: [],
    lines: 3,
  };
  const key = 'a'.repeat(64);

  test('round-trip', () => {
    expect(decodeEntry(key, encodeEntry(key, outcome))).toEqual(outcome);
  });

  test('another key, a truncation, a changed byte or a wrong shape is refused', () => {
    const text = encodeEntry(key, outcome);
    expect(decodeEntry('b'.repeat(64), text)).toBeUndefined();
    expect(decodeEntry(key, text.slice(0, -1))).toBeUndefined();
    expect(decodeEntry(key, text.replace('"lines":3', '"lines":4'))).toBeUndefined();
    const wrong = encodeEntry(key, { ...outcome, lines: 'many' } as never);
    expect(decodeEntry(key, wrong)).toBeUndefined();
  });
});
