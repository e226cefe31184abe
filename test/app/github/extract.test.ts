import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ArchiveLimitError, DEFAULT_LIMITS, extractTarball, UnsafeArchiveError } from '../../../src/app/github/extract.js';
import { rawTarball } from '../helpers/raw-tar.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * Extraction of downloaded repository tarballs: it must not write outside its directory or
 * exhaust the disk, whatever the archive says.
 */
let root: string;
let dest: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-extract-'));
  dest = path.join(root, 'tree');
  await fs.mkdir(dest);
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

const extract = (buf: Buffer, limits = DEFAULT_LIMITS) => extractTarball(Readable.from([buf]), dest, limits);
const exists = (p: string) => fs.lstat(p).then(() => true, () => false);

test('a GitHub-style tarball: top directory stripped, files written', async () => {
  const tar = await makeTarball({ 'src/a.ts': 'export const a = 1;\n', 'package.json': '{}' });
  const result = await extract(tar);
  expect(await fs.readFile(path.join(dest, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
  expect(result).toMatchObject({ files: 2, skipped: [] });
});

test.each([
  ['a .. path', 'top/../../escape.txt'],
  ['a .. path inside the tree', 'top/src/../../../escape.txt'],
  ['an absolute path', '/tmp/escape.txt'],
])('%s aborts the extraction and writes nothing outside', async (_name, name) => {
  const tar = rawTarball([{ path: 'top/ok.txt', body: 'ok' }, { path: name, body: 'evil' }]);
  await expect(extract(tar)).rejects.toBeInstanceOf(UnsafeArchiveError);
  expect(await exists(path.join(root, 'escape.txt'))).toBe(false);
  expect(await exists('/tmp/escape.txt')).toBe(false);
});

test('symbolic links that leave the tree are dropped, also through other links; inside ones stay', async () => {
  const tar = rawTarball([
    { path: 'top/src/a.ts', body: 'a' },
    { path: 'top/inside', type: 'SymbolicLink', linkpath: 'src/a.ts' },
    { path: 'top/abs', type: 'SymbolicLink', linkpath: '/etc/passwd' },
    { path: 'top/up', type: 'SymbolicLink', linkpath: '../..' },
    // Created first while `src/l` does not exist yet: only the final check can catch it.
    { path: 'top/chain', type: 'SymbolicLink', linkpath: 'src/l/..' },
    { path: 'top/src/l', type: 'SymbolicLink', linkpath: '..' },
  ]);
  const result = await extract(tar);
  expect(await fs.readFile(path.join(dest, 'inside'), 'utf8')).toBe('a');
  expect(await exists(path.join(dest, 'abs'))).toBe(false);
  expect(await exists(path.join(dest, 'up'))).toBe(false);
  expect(await exists(path.join(dest, 'chain'))).toBe(false);
  expect(result.skipped.map((s) => s.file).sort()).toEqual(['abs', 'chain', 'up']);
});

test('nothing is written through a symbolic link', async () => {
  const outside = path.join(root, 'outside');
  await fs.mkdir(outside);
  const tar = rawTarball([
    { path: 'top/dir', type: 'SymbolicLink', linkpath: '../outside' },
    { path: 'top/dir/planted', type: 'SymbolicLink', linkpath: 'x' },
    { path: 'top/dir/file.txt', body: 'through the link' },
  ]);
  await extract(tar).catch(() => undefined);
  expect(await fs.readdir(outside)).toEqual([]);
});

test('hard links become copies of files in the tree; others are dropped', async () => {
  const tar = rawTarball([
    { path: 'top/a.txt', body: 'A' },
    { path: 'top/b.txt', type: 'Link', linkpath: 'top/a.txt' },
    { path: 'top/c.txt', type: 'Link', linkpath: '/etc/passwd' },
    { path: 'top/d.txt', type: 'Link', linkpath: 'top/../../x' },
  ]);
  const result = await extract(tar);
  expect(await fs.readFile(path.join(dest, 'b.txt'), 'utf8')).toBe('A');
  expect((await fs.lstat(path.join(dest, 'b.txt'))).nlink).toBe(1);
  expect(result.skipped.map((s) => s.file).sort()).toEqual(['c.txt', 'd.txt']);
});

test('devices and FIFOs are skipped; node_modules is not extracted', async () => {
  const tar = rawTarball([
    { path: 'top/pipe', type: 'FIFO' },
    { path: 'top/node_modules/x/index.js', body: 'x' },
  ]);
  const result = await extract(tar);
  expect(result.skipped).toEqual([{ file: 'pipe', reason: 'not a regular file (FIFO)' }]);
  expect(await exists(path.join(dest, 'node_modules'))).toBe(false);
});

test('too many files: a limit error that says so', async () => {
  const tar = rawTarball(Array.from({ length: 6 }, (_, i) => ({ path: `top/f${i}.ts`, body: 'x' })));
  await expect(extract(tar, { ...DEFAULT_LIMITS, maxFiles: 5 })).rejects.toThrow(new ArchiveLimitError('the repository has more than 5 files (the App\'s limit)'));
});

test('a file over the per-file limit is skipped, not written', async () => {
  const tar = rawTarball([{ path: 'top/big.json', body: 'x'.repeat(2000) }, { path: 'top/small.ts', body: 'y' }]);
  const result = await extract(tar, { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
  expect(result.skipped).toEqual([{ file: 'big.json', reason: expect.stringContaining('per-file download limit') }]);
  expect(await exists(path.join(dest, 'big.json'))).toBe(false);
  expect(await exists(path.join(dest, 'small.ts'))).toBe(true);
});

test('a gzip bomb stops at the uncompressed limit', async () => {
  const tar = rawTarball([{ path: 'top/zeros.bin', body: Buffer.alloc(5 * 1024 * 1024) }]);
  expect(tar.length).toBeLessThan(100 * 1024);
  await expect(extract(tar, { ...DEFAULT_LIMITS, maxTotalBytes: 1024 * 1024 })).rejects.toBeInstanceOf(ArchiveLimitError);
});

test('the download limit counts compressed bytes', async () => {
  const tar = await makeTarball({ 'a.txt': 'random '.repeat(10) + Math.random() });
  await expect(extract(tar, { ...DEFAULT_LIMITS, maxDownloadBytes: 10 })).rejects.toThrow(/download limit/);
});
