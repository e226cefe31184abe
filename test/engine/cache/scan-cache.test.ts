import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZERS } from '../../../analyzers/index.js';
import { scan } from '../../../src/engine/scan.js';
import { DiskCache } from '../../../src/engine/cache/store.js';
import { programsBuilt } from '../../../src/engine/program.js';
import { renderJson } from '../../../src/report/json.js';
import { DEFAULT_CONFIG } from '../../../src/config/types.js';
import type { ScanResult } from '../../../src/core/contract.js';

/*
 * A scan answered from the analysis cache is the scan made without it, byte for byte (but for the
 * time, memory and cache counts), and a file is answered from it only while nothing it depends on
 * changed.
 */

const SHOP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/shop');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/models/user.ts': 'export interface User {\n  id: string;\n  email: string;\n  plan: string;\n}\n',
  'src/lib/logger.ts': "import pino from 'pino';\n\nexport const logger = pino();\n",
  'src/lib/describe.ts':
    "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  return user.id;\n}\n",
  'src/services/signup.ts':
    "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\nimport { describe } from '../lib/describe';\n\nexport function signup(user: User) {\n  logger.info(describe(user));\n}\n",
  'src/services/audit.ts':
    "import type { User } from '../models/user';\nimport { logger } from '../lib/logger';\n\nexport function audit(user: User) {\n  // privacy-review-ignore pii-logging -- the audit trail must name the user\n  logger.info({ user }, 'audit');\n  // privacy-review-ignore pii-logging\n  logger.info({ user }, 'again');\n}\n",
  'src/unrelated/inventory.ts': 'export function note(customerEmail: string) {\n  console.log(customerEmail);\n}\n',
  'src/broken.ts': 'export function broken(email: string) {\n  console.log(email\n}\n',
  'prisma/schema.prisma': 'model Customer {\n  id    Int    @id\n  email String\n}\n',
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function temp(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}
function tree(files: Record<string, string>): string {
  const root = temp('pr-cache-tree-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** The result as the JSON report prints it, without what differs between any two runs. */
function stable(r: ScanResult): string {
  const { durationMs: _d, peakRssMb: _p, analyzed: _a, fromCache: _c, ...stats } = r.stats;
  return renderJson({ ...r, root: '<root>', stats: stats as ScanResult['stats'] });
}

const run = (root: string, cache?: DiskCache, config = DEFAULT_CONFIG) =>
  scan({ root, analyzers: ANALYZERS, config, ...(cache ? { cache } : {}) });

/** Entry files of a cache directory. */
function entries(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/^[0-9a-f]{64}$/.test(e.name)) out.push(path.join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

describe.each([
  ['examples/shop', () => SHOP],
  ['a multi-file fixture with a syntax error, suppressions and a schema', () => tree(FILES)],
])('%s', (_name, rootOf) => {
  test('cold and warm scans give the uncached result; a warm one builds no program', async () => {
    const root = rootOf();
    const dir = temp('pr-cache-');
    const plain = await run(root);
    const cold = await run(root, new DiskCache(dir));
    expect(cold.stats).toMatchObject({ analyzed: plain.stats.files, fromCache: 0 });
    const before = programsBuilt();
    const warm = await run(root, new DiskCache(dir));
    expect(programsBuilt()).toBe(before);
    expect(warm.stats).toMatchObject({ analyzed: 0, fromCache: plain.stats.files });
    expect(stable(cold)).toBe(stable(plain));
    expect(stable(warm)).toBe(stable(plain));
    expect(plain.findings.length).toBeGreaterThan(3);
  });
});

test('the fixture round-trips errors and suppressions (the comparison above covers them)', async () => {
  const r = await run(tree(FILES));
  expect(r.errors.map((e) => e.file)).toContain('src/broken.ts');
  expect(r.errors.map((e) => e.file)).toContain('src/services/audit.ts'); // the suppression without a reason
  expect(r.findings.some((f) => f.suppressed && f.suppression?.kind === 'inline')).toBe(true);
  expect(r.findings.some((f) => f.file === 'prisma/schema.prisma')).toBe(true);
});

describe('what a file depends on', () => {
  test('editing a file a file imports analyzes both again; an unrelated file stays cached', async () => {
    const dir = temp('pr-cache-');
    const root = tree(FILES);
    await run(root, new DiskCache(dir));
    // describe() now returns the email: signup's log carries it, though signup.ts did not change.
    writeFileSync(
      path.join(root, 'src/lib/describe.ts'),
      "import type { User } from '../models/user';\n\nexport function describe(user: User): string {\n  return `${user.id} <${user.email}>`;\n}\n",
    );
    const warm = await run(root, new DiskCache(dir));
    const plain = await run(root);
    expect(stable(warm)).toBe(stable(plain));
    expect(plain.findings.some((f) => f.file === 'src/services/signup.ts' && f.rule === 'pii-logging')).toBe(true);
    // describe.ts and signup.ts (its importer) analyzed again; nothing else.
    expect(warm.stats).toMatchObject({ analyzed: 2, fromCache: plain.stats.files - 2 });

    writeFileSync(path.join(root, 'src/unrelated/inventory.ts'), 'export function note(id: string) {\n  console.log(id);\n}\n');
    const again = await run(root, new DiskCache(dir));
    expect(again.stats).toMatchObject({ analyzed: 1, fromCache: plain.stats.files - 1 });
    expect(stable(again)).toBe(stable(await run(root)));
  });

  test('a new file that declares globals invalidates every source', async () => {
    const dir = temp('pr-cache-');
    const root = tree(FILES);
    const cold = await run(root, new DiskCache(dir));
    // A script (no import or export): its top-level names are global.
    writeFileSync(path.join(root, 'src/globals.ts'), 'function legacyLog(message: string) {\n  console.log(message);\n}\n');
    const warm = await run(root, new DiskCache(dir));
    // Every source again (one more now); only the schema, which reads no source, is cached.
    expect(warm.stats).toMatchObject({ analyzed: cold.stats.files, fromCache: 1 });
    expect(stable(warm)).toBe(stable(await run(root)));
  });

  test('the same tree under another root is answered from the cache, with the same result', async () => {
    const dir = temp('pr-cache-');
    const root = tree(FILES);
    await run(root, new DiskCache(dir));
    const copy = temp('pr-cache-copy-');
    cpSync(root, copy, { recursive: true });
    const warm = await run(copy, new DiskCache(dir));
    expect(warm.stats.analyzed).toBe(0);
    expect(stable(warm)).toBe(stable(await run(copy)));
  });

  test('another configuration misses', async () => {
    const dir = temp('pr-cache-');
    const root = tree(FILES);
    const cold = await run(root, new DiskCache(dir));
    const config = { ...DEFAULT_CONFIG, redactors: ['scrub'] };
    const other = await run(root, new DiskCache(dir), config);
    expect(other.stats).toMatchObject({ analyzed: cold.stats.files, fromCache: 0 });
    expect(stable(other)).toBe(stable(await run(root, undefined, config)));
  });

  test('an analyzer of unknown code turns the cache off', async () => {
    const dir = temp('pr-cache-');
    const root = tree(FILES);
    const custom = { ...ANALYZERS[0]!, meta: { ...ANALYZERS[0]!.meta, name: 'custom' }, cacheIdentity: null };
    const r = await scan({ root, analyzers: [...ANALYZERS, custom], cache: new DiskCache(dir) });
    expect(r.stats).toMatchObject({ analyzed: r.stats.files, fromCache: 0 });
    expect(entries(dir)).toEqual([]);
  });
});

describe('bad entries', () => {
  test('a truncated, an altered and an emptied entry are ignored, analyzed again and rewritten', async () => {
    const dir = temp('pr-cache-');
    const root = tree(FILES);
    const plain = await run(root);
    await run(root, new DiskCache(dir));
    const [a, b, c] = entries(dir);
    const text = readFileSync(a!, 'utf8');
    writeFileSync(a!, text.slice(0, text.length - 7));
    const altered = readFileSync(b!, 'utf8');
    writeFileSync(b!, altered.replace(/}$/, ' }')); // still JSON, but not what was written
    writeFileSync(c!, '');
    const cache = new DiskCache(dir);
    const warm = await run(root, cache);
    expect(cache.counts.bad).toBeGreaterThanOrEqual(2); // the emptied one may fail the header already
    expect(warm.stats).toMatchObject({ analyzed: 3, fromCache: plain.stats.files - 3 });
    expect(stable(warm)).toBe(stable(plain));
    const again = await run(root, new DiskCache(dir));
    expect(again.stats).toMatchObject({ analyzed: 0 });
  });
});
