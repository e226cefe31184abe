import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ArchiveLimitError, CorruptArchiveError, DEFAULT_LIMITS, UnsafeArchiveError } from '../../../src/app/github/archive-checks.js';
import { extractTarball } from '../../../src/app/github/extract.js';
import { rawTar, rawTarball, type RawEntry } from '../helpers/raw-tar.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * Extraction of downloaded repository tarballs: it must not write outside its directory or
 * exhaust the disk, whatever the archive says.
 */
let root: string;
let dest: string;

/** Errors nobody caught: each one would exit the App. */
const uncaught: unknown[] = [];
const record = (e: unknown) => void uncaught.push(e);
beforeAll(() => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
});
afterAll(() => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
});

beforeEach(async () => {
  uncaught.length = 0;
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-extract-'));
  dest = path.join(root, 'tree');
  await fs.mkdir(dest);
});
afterEach(async () => {
  // A stream's late error or a forgotten promise surfaces a little after the extraction settles.
  await new Promise((r) => setTimeout(r, 50));
  expect(uncaught).toEqual([]);
  await fs.rm(root, { recursive: true, force: true });
});

const extract = (buf: Buffer, limits = DEFAULT_LIMITS) => extractTarball(Readable.from([buf]), dest, limits);
const exists = (p: string) =>
  fs.lstat(p).then(
    () => true,
    () => false,
  );

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
  const tar = rawTarball([
    { path: 'top/ok.txt', body: 'ok' },
    { path: name, body: 'evil' },
  ]);
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
  await expect(extract(tar, { ...DEFAULT_LIMITS, maxFiles: 5 })).rejects.toThrow(
    new ArchiveLimitError("the repository has more than 5 files (the App's limit)"),
  );
});

test('a file over the per-file limit is skipped, not written', async () => {
  const tar = rawTarball([
    { path: 'top/big.json', body: 'x'.repeat(2000) },
    { path: 'top/small.ts', body: 'y' },
  ]);
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

/** What is under `dest`, recursively, without following links. */
async function tree(dir = dest): Promise<string[]> {
  const found: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    found.push(path.relative(dest, p));
    if (e.isDirectory()) found.push(...(await tree(p)));
  }
  return found;
}

/** The extraction settles (either way) within `ms`, or the test fails: a hang is a failure too. */
async function settleWithin<T>(promise: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<T>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`the extraction did not settle within ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const limits = (overrides: Partial<typeof DEFAULT_LIMITS>) => ({ ...DEFAULT_LIMITS, ...overrides });

describe('paths no file system takes', () => {
  test('one file 3,000 directories deep (a 6 KB PAX path): refused with the default limits, nothing made', async () => {
    const deep = `top/${Array.from({ length: 3000 }, () => 'a').join('/')}/deep.ts`;
    const tar = rawTarball([
      { path: 'top/ok.ts', body: 'ok' },
      { path: deep, body: 'x' },
    ]);
    await expect(settleWithin(extract(tar))).rejects.toThrow(
      new ArchiveLimitError(`the repository has a path of 6,007 bytes, over the App's limit of 1,024: "${'a/'.repeat(100)}"…`),
    );
    expect(await exists(path.join(dest, 'a'))).toBe(false);
  });

  test('65 levels deep: refused with the default limits (64, as deep as anyone nests)', async () => {
    const tar = rawTarball([{ path: `top/${'d/'.repeat(64)}f.ts`, body: 'x' }]);
    await expect(extract(tar)).rejects.toThrow(/^the repository has a path 65 levels deep, over the App's limit of 64: "d\/d\/d/);
  });

  test('the depth limit counts directories and the file name', async () => {
    await expect(extract(rawTarball([{ path: 'top/a/b/c/d.ts', body: 'x' }]), limits({ maxPathDepth: 3 }))).rejects.toThrow(
      new ArchiveLimitError('the repository has a path 4 levels deep, over the App\'s limit of 3: "a/b/c/d.ts"'),
    );
    await expect(extract(rawTarball([{ path: 'top/a/b/c.ts', body: 'x' }]), limits({ maxPathDepth: 3 }))).resolves.toMatchObject({
      files: 1,
    });
  });

  test('a path over the byte limit is refused; bytes, not characters, count', async () => {
    const name = `top/${'é'.repeat(30)}.ts`; // 63 bytes inside the repository, 33 characters
    await expect(extract(rawTarball([{ path: name, body: 'x' }]), limits({ maxPathBytes: 62 }))).rejects.toThrow(
      /^the repository has a path of 63 bytes, over the App's limit of 62/,
    );
  });

  test('a name over 255 bytes is refused (the common file-system limit), even in a short path', async () => {
    const tar = rawTarball([{ path: `top/src/${'n'.repeat(256)}.ts`, body: 'x' }]);
    await expect(extract(tar)).rejects.toThrow(
      /^the repository has a file or directory name of 259 bytes, over the App's limit of 255: "nnnn/,
    );
  });

  test('directories and links are held to the same limits', async () => {
    await expect(extract(rawTarball([{ path: `top/${'d/'.repeat(10)}`, type: 'Directory' }]), limits({ maxPathDepth: 5 }))).rejects.toThrow(
      /10 levels deep/,
    );
    await expect(extract(rawTarball([{ path: `top/${'l'.repeat(300)}`, type: 'SymbolicLink', linkpath: 'x' }]))).rejects.toThrow(
      /name of 300 bytes/,
    );
  });

  test('a path the file system itself refuses (limits raised) is a clean failure, not a crash', async () => {
    const deep = `top/${Array.from({ length: 3000 }, () => 'a').join('/')}/deep.ts`;
    const tar = rawTarball([{ path: deep, body: 'x' }]);
    const generous = limits({ maxPathDepth: 10_000, maxPathBytes: 100_000 });
    await expect(settleWithin(extract(tar, generous))).rejects.toThrow(
      /^the repository has a path the file system cannot take \(ENAMETOOLONG\): "a\/a/,
    );
  });

  test('a symbolic link whose target is over the path limit is skipped, not kept', async () => {
    const tar = rawTarball([{ path: 'top/far', type: 'SymbolicLink', linkpath: 'x/'.repeat(600) }]);
    const result = await extract(tar);
    expect(result.skipped).toEqual([{ file: 'far', reason: "symbolic link whose target is over the App's 1024-byte path limit" }]);
    expect(await exists(path.join(dest, 'far'))).toBe(false);
  });
});

describe('floods of entries that are not files', () => {
  const flood = (n: number, entry: (i: number) => RawEntry) => rawTarball(Array.from({ length: n }, (_, i) => entry(i)));

  test('100,001 directories: refused at the entry limit with the default limits, none created', async () => {
    const tar = flood(100_001, (i) => ({ path: `top/d${i}/`, type: 'Directory' }));
    await expect(settleWithin(extract(tar), 30_000)).rejects.toThrow(
      new ArchiveLimitError("the repository archive has more than 100,000 entries (files, directories and links: the App's limit)"),
    );
    expect(await tree()).toEqual([]);
  });

  test('directories count toward the entry limit', async () => {
    await expect(
      extract(
        flood(11, (i) => ({ path: `top/d${i}/`, type: 'Directory' })),
        limits({ maxEntries: 10 }),
      ),
    ).rejects.toThrow(/more than 10 entries/);
    await expect(
      extract(
        flood(10, (i) => ({ path: `top/d${i}/`, type: 'Directory' })),
        limits({ maxEntries: 10 }),
      ),
    ).resolves.toMatchObject({ files: 0 });
  });

  test('symbolic links count toward the entry limit', async () => {
    const tar = flood(11, (i) => ({ path: `top/l${i}`, type: 'SymbolicLink', linkpath: 'target' }));
    await expect(extract(tar, limits({ maxEntries: 10 }))).rejects.toThrow(/more than 10 entries/);
    expect(await tree()).toEqual([]);
  });

  test('a symbolic-link flood is refused at the link limit before any link is made', async () => {
    const tar = flood(10_001, (i) => ({ path: `top/l${i}`, type: 'SymbolicLink', linkpath: 'target' }));
    await expect(settleWithin(extract(tar))).rejects.toThrow(
      new ArchiveLimitError("the repository has more than 10,000 symbolic and hard links (the App's limit)"),
    );
    expect(await tree()).toEqual([]);
  });

  test('links under the limit are made and checked', async () => {
    const tar = flood(200, (i) => ({ path: `top/l${i}`, type: 'SymbolicLink', linkpath: i % 2 ? 'target' : '../outside' }));
    const result = await extract(tar, limits({ maxLinks: 200 }));
    expect(result.skipped).toHaveLength(100);
    expect(await fs.readlink(path.join(dest, 'l1'))).toBe('target');
    expect(await exists(path.join(dest, 'l0'))).toBe(false);
  });

  test('a flood of empty files is refused at the file limit', async () => {
    await expect(
      extract(
        flood(201, (i) => ({ path: `top/e${i}` })),
        limits({ maxFiles: 200 }),
      ),
    ).rejects.toThrow(/more than 200 files/);
  });

  test('FIFOs and devices count toward the entry limit', async () => {
    await expect(
      extract(
        flood(11, (i) => ({ path: `top/p${i}`, type: 'FIFO' })),
        limits({ maxEntries: 10 }),
      ),
    ).rejects.toThrow(/more than 10 entries/);
  });
});

describe('hard links', () => {
  const links = (n: number, bytes: number) =>
    rawTarball([
      { path: 'top/big.bin', body: Buffer.alloc(bytes) },
      ...Array.from({ length: n }, (_, i): RawEntry => ({ path: `top/copy${i}.bin`, type: 'Link', linkpath: 'top/big.bin' })),
    ]);

  test('each copy counts toward the size limit: a 10 KiB archive cannot write 1.2 GB', async () => {
    const tar = links(1200, 1024 * 1024);
    expect(tar.length).toBeLessThan(16 * 1024);
    await expect(settleWithin(extract(tar))).rejects.toThrow(
      new ArchiveLimitError("the repository is over the App's 1024 MB size limit (hard links count as copies)"),
    );
    const written = await Promise.all((await tree()).map(async (f) => (await fs.stat(path.join(dest, f))).size));
    expect(written.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1024 * 1024);
  });

  test('each copy counts as a file', async () => {
    await expect(extract(links(3, 10), limits({ maxFiles: 3 }))).rejects.toThrow(/more than 3 files/);
  });

  test('copies under the limits are written and counted', async () => {
    const result = await extract(links(2, 1000));
    expect(result.files).toBe(3);
    expect(result.bytes).toBeGreaterThanOrEqual(3000);
    expect(await fs.readFile(path.join(dest, 'copy1.bin'))).toEqual(Buffer.alloc(1000));
  });

  test('hard links count toward the link limit', async () => {
    await expect(extract(links(6, 10), limits({ maxLinks: 5 }))).rejects.toThrow(/more than 5 symbolic and hard links/);
  });

  test('a hard link over an existing file is refused', async () => {
    const tar = rawTarball([
      { path: 'top/a.txt', body: 'A' },
      { path: 'top/b.txt', body: 'B' },
      { path: 'top/b.txt', type: 'Link', linkpath: 'top/a.txt' },
    ]);
    await expect(extract(tar)).rejects.toThrow(
      new UnsafeArchiveError('archive entry collides with another entry of the same path: "b.txt"'),
    );
    expect(await fs.readFile(path.join(dest, 'b.txt'), 'utf8')).toBe('B');
  });
});

describe('corrupt archives fail cleanly, never hang', () => {
  const corrupt = /^the repository archive (is corrupt|is not a valid tar archive|is not valid gzip data)/;
  // Sizes in base 256: a first byte of 0x80 starts a positive number, 0xff a negative one.

  test.each<[string, RawEntry]>([
    ['a size field of garbage', { path: 'top/a.ts', body: 'x'.repeat(600), sizeField: 'zzzzzzzzzzz' }],
    ['a negative size', { path: 'top/a.ts', body: 'x'.repeat(600), sizeField: Buffer.from([0xff, ...Array(10).fill(0xff), 0xfe]) }],
    [
      'a size beyond any integer',
      { path: 'top/a.ts', body: 'x', sizeField: Buffer.from([0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) },
    ],
    ['a malformed base-256 size', { path: 'top/a.ts', body: 'x', sizeField: Buffer.from([0x81, 1, 2]) }],
    ['a size larger than the data', { path: 'top/a.ts', body: 'hello', size: 100_000 }],
    [
      'a huge size (2^48 bytes) with one byte of data',
      { path: 'top/a.ts', body: 'x', sizeField: Buffer.from([0x80, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]) },
    ],
    ['an infinite PAX size', { path: 'top/a.ts', body: 'x', pax: { size: 'Infinity' } }],
    ['a PAX size of 10^30', { path: 'top/a.ts', body: 'x', pax: { size: '1000000000000000000000000000000' } }],
  ])('%s', async (_name, entry) => {
    const tar = rawTarball([{ path: 'top/ok.ts', body: 'ok' }, entry]);
    await expect(settleWithin(extract(tar))).rejects.toThrow(corrupt);
  });

  test('each failure is a CorruptArchiveError with a one-line message', async () => {
    const error = await extract(rawTarball([{ path: 'top/a.ts', body: 'hello', size: 100_000 }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptArchiveError);
    expect((error as Error).message).toMatch(
      /^the repository archive is not a valid tar archive \(TAR_BAD_ARCHIVE: Truncated input \(needed \d+ more bytes, only 0 available\)\)$/,
    );
  });

  test('a file being written when the archive breaks off: its write ends, the extraction rejects', async () => {
    const tar = rawTar([{ path: 'top/big.bin', body: Buffer.alloc(200_000, 1) }]);
    await expect(settleWithin(extract(gzipSync(tar.subarray(0, 100_000))))).rejects.toThrow(corrupt);
  });

  test('a gzip stream cut off mid-way', async () => {
    const gz = rawTarball([{ path: 'top/a.bin', body: Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251)) }]);
    await expect(settleWithin(extract(gz.subarray(0, gz.length / 2)))).rejects.toThrow(
      /^the repository archive is not valid gzip data \(unexpected end of file\)/,
    );
  });

  test.each([
    ['not gzip at all', Buffer.from('<html>Service unavailable</html>')],
    ['gzip of something that is not tar', gzipSync(Buffer.alloc(4096, 7))],
    ['an empty download', Buffer.alloc(0)],
  ])('%s', async (_name, bytes) => {
    await expect(settleWithin(extract(bytes))).rejects.toBeInstanceOf(CorruptArchiveError);
  });
});

describe('bombs', () => {
  test('a gzip bomb (64 MB of zeros in 64 KB) stops at the uncompressed limit, having written no more than it', async () => {
    const tar = gzipSync(rawTar([{ path: 'top/zeros.bin', body: Buffer.alloc(64 * 1024 * 1024) }]));
    expect(tar.length).toBeLessThan(128 * 1024);
    await expect(settleWithin(extract(tar, limits({ maxTotalBytes: 8 * 1024 * 1024, maxFileBytes: 128 * 1024 * 1024 })))).rejects.toThrow(
      new ArchiveLimitError("the repository is over the App's 8 MB size limit"),
    );
    expect((await fs.stat(path.join(dest, 'zeros.bin'))).size).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  test('a tarball compressed twice is refused: the inner layer would escape the size limit', async () => {
    const inner = rawTarball([{ path: 'top/zeros.bin', body: Buffer.alloc(5 * 1024 * 1024) }]);
    await expect(extract(gzipSync(inner), limits({ maxTotalBytes: 1024 * 1024 }))).rejects.toThrow(
      new CorruptArchiveError('the repository archive is compressed twice (GitHub compresses once)'),
    );
    expect(await tree()).toEqual([]);
  });

  test('many empty files with big headers stop at the size limit too', async () => {
    const tar = rawTarball(Array.from({ length: 3000 }, (_, i) => ({ path: `top/${String(i).padStart(90, '0')}` })));
    await expect(extract(tar, limits({ maxTotalBytes: 1024 * 1024 }))).rejects.toThrow(/size limit/);
  });
});

test('an abort stops the extraction with its reason, and nothing is written afterwards', async () => {
  const controller = new AbortController();
  const reason = new Error('superseded');
  const body = new Readable({ read() {} });
  body.push(rawTarball([{ path: 'top/a.ts', body: 'a' }]).subarray(0, 20));
  const extraction = extractTarball(body, dest, DEFAULT_LIMITS, controller.signal);
  setTimeout(() => controller.abort(reason), 20);
  await expect(settleWithin(extraction)).rejects.toBe(reason);
  expect(body.destroyed).toBe(true);
});

test('a download that fails before the extraction listens (while it waits for the file system) is a rejection, not an uncaught error', async () => {
  const dest = await fs.mkdtemp(path.join(os.tmpdir(), 'early-error-'));
  const source = new PassThrough();
  const pending = extractTarball(source, dest);
  // Synchronously, before extractTarball's first await settles: as an aborted download does.
  source.destroy(new Error('Not Found'));
  await expect(pending).rejects.toThrow('Not Found');
  await fs.rm(dest, { recursive: true, force: true });
});
