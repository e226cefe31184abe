import path from 'node:path';
import type { PackageManifest } from './workspace.js';

/**
 * Which source file an import of a workspace package means, statically: the package's `exports`
 * (subpath patterns, any condition), else `types`/`source`/`module`/`main`, else `index` or
 * `src/index`. A target that points at build output (`./dist/index.d.ts`, `./dist/src/x.js`) is
 * mapped back to the source it is built from (`src/index.ts`, `src/x.ts`), since the repository holds
 * the sources and not the build.
 */
export function packageEntryCandidates(manifest: PackageManifest, subpath: string): string[] {
  const key = subpath ? `./${subpath}` : '.';
  const targets = exportTargets(manifest.exports, key);
  // With an exports map, a subpath it does not list cannot be imported (Node and bundlers refuse it).
  if (subpath && manifest.exports !== undefined && targets.length === 0) return [];
  if (!subpath)
    for (const field of [manifest.source, manifest.types, manifest.typings, manifest.module, manifest.main])
      if (typeof field === 'string') targets.push(field);
  // No exports map: a deep import names a file of the package (`@acme/ui/button`).
  if (subpath && manifest.exports === undefined) targets.push(subpath);
  const out: string[] = [];
  for (const t of targets) for (const c of sourcesFor(t)) if (!out.includes(c)) out.push(c);
  for (const fallback of subpath ? [subpath, `src/${subpath}`] : ['index', 'src/index'])
    for (const c of withExtensions(fallback)) if (!out.includes(c)) out.push(c);
  return out;
}

/** Build output directories, and the source directory they are usually built from. */
const OUT_DIRS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'es', 'module', 'types']);
const OUTPUT_EXTENSION = /(?:\.d)?\.[cm]?[jt]sx?$/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];

/** A target path, then the sources it may be built from: `dist/a/b.js` → `dist/a/b.ts`, `src/a/b.ts`, `a/b.ts`. */
function sourcesFor(target: string): string[] {
  const rel = path.posix.normalize(target.replace(/^\.\//, ''));
  if (rel.startsWith('..') || path.posix.isAbsolute(rel)) return [];
  const out = [rel];
  const stem = rel.replace(OUTPUT_EXTENSION, '');
  const stems = [stem];
  const [first, ...rest] = stem.split('/');
  if (first && OUT_DIRS.has(first) && rest.length) {
    const inner = rest.join('/');
    stems.push(inner.startsWith('src/') ? inner : `src/${inner}`, inner);
  }
  for (const s of stems) out.push(...withExtensions(s));
  return out;
}

function withExtensions(stem: string): string[] {
  return [...SOURCE_EXTENSIONS.map((e) => stem + e), ...SOURCE_EXTENSIONS.map((e) => `${stem}/index${e}`)];
}

/**
 * Every target of an `exports` entry, in the order of its conditions (all of them: which one a
 * bundler picks does not matter when they are builds of the same source). `*` patterns substitute.
 */
function exportTargets(exports: unknown, key: string): string[] {
  if (exports === undefined || exports === null) return [];
  if (typeof exports === 'string' || Array.isArray(exports)) return key === '.' ? flatten(exports) : [];
  if (typeof exports !== 'object') return [];
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  // Conditions at the top level (`{ import, require }`) stand for ".".
  if (!keys.some((k) => k.startsWith('.'))) return key === '.' ? flatten(map) : [];
  if (Object.hasOwn(map, key)) return flatten(map[key]);
  for (const k of keys) {
    const star = k.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [k.slice(0, star), k.slice(star + 1)];
    if (key.length >= before.length + after.length && key.startsWith(before) && key.endsWith(after)) {
      const part = key.slice(before.length, key.length - after.length);
      return flatten(map[k]).map((t) => t.split('*').join(part));
    }
  }
  return [];
}

function flatten(value: unknown, depth = 0): string[] {
  if (depth > 8) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).flatMap((v) => flatten(v, depth + 1));
  return [];
}
