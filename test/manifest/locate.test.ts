import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadManifest, MAX_MANIFEST_BYTES } from '../../src/manifest/load.js';
import { load, VALID } from './helpers.js';

test('locate gives the position of any entity by its document path', () => {
  const loaded = load(VALID);
  expect(loaded.locate(['flows', 0])).toEqual({ file: 'm.yml', line: 10, column: 5 });
  expect(loaded.locate(['flows', 0, 'categories'])).toEqual({ file: 'm.yml', line: 12, column: 17 });
  expect(loaded.locate(['flows', 0, 'categories', 0])).toEqual({ file: 'm.yml', line: 12, column: 18 });
  expect(loaded.locate(['datasets', 0, 'fields', 0])).toEqual({ file: 'm.yml', line: 7, column: 9 });
  expect(loaded.locate(['logging'])).toEqual({ file: 'm.yml', line: 24, column: 3 });
  expect(loaded.locate([])).toEqual({ file: 'm.yml', line: 1, column: 1 });
});

test('a path that does not exist resolves to its nearest ancestor', () => {
  const loaded = load(VALID);
  expect(loaded.locate(['flows', 7])).toEqual(loaded.locate(['flows']));
  expect(loaded.locate(['flows', 0, 'processor'])).toEqual(loaded.locate(['flows', 0]));
});

test('through aliases', () => {
  const loaded = load('version: 1\nsystem: {name: x}\nx: &cats [user.contact.email, user.name]\nlogging:\n  allowedCategories: *cats\n');
  expect(loaded.locate(['logging', 'allowedCategories', 1])).toEqual({ file: 'm.yml', line: 3, column: 31 });
});

test('manifest indexes are document indexes', () => {
  const loaded = load('version: 1\nsystem: {name: x}\nflows:\n  - 1\n  - {id: b, kind: http, categories: []}\n');
  expect(loaded.manifest.flows[1]!.id).toBe('b');
  expect(loaded.locate(['flows', 1]).line).toBe(5);
});

describe('loadManifest', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'pr-manifest-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('reads .privacy/manifest.yml and names it by its path in the project', async () => {
    mkdirSync(path.join(root, '.privacy'));
    writeFileSync(path.join(root, '.privacy/manifest.yml'), VALID.replace('version: 1', 'version: 1\nbogus: 1'));
    const loaded = await loadManifest(root, undefined, { today: '2025-01-01' });
    expect(loaded?.manifest.flows[0]?.id).toBe('segment');
    expect(loaded?.problems).toEqual([
      {
        file: '.privacy/manifest.yml',
        line: 2,
        column: 1,
        severity: 'error',
        code: 'unknown-key',
        message: 'unknown key "bogus"',
        hint: 'allowed keys: version, system, datasets, flows, purposes, logging, exceptions',
      },
    ]);
  });

  test('another path', async () => {
    writeFileSync(path.join(root, 'privacy.yml'), VALID);
    expect((await loadManifest(root, 'privacy.yml'))?.file).toBe('privacy.yml');
  });

  test('no manifest: undefined', async () => {
    expect(await loadManifest(root)).toBeUndefined();
  });

  test('a directory or an oversized file: a problem, not an exception', async () => {
    mkdirSync(path.join(root, '.privacy/manifest.yml'), { recursive: true });
    expect((await loadManifest(root))?.problems.map((p) => p.code)).toEqual(['unreadable']);
    writeFileSync(path.join(root, 'big.yml'), Buffer.alloc(MAX_MANIFEST_BYTES + 1, 'a'));
    expect((await loadManifest(root, 'big.yml'))?.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        code: 'too-large',
        message: `the manifest is ${MAX_MANIFEST_BYTES + 1} bytes, over the 1048576-byte (1 MiB) limit`,
      }),
    ]);
  });

  test('an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads anything
    writeFileSync(path.join(root, 'm.yml'), VALID);
    chmodSync(path.join(root, 'm.yml'), 0o000);
    expect((await loadManifest(root, 'm.yml'))?.problems.map((p) => p.code)).toEqual(['unreadable']);
  });
});
