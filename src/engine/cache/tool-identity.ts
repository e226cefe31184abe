import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from '#ts-morph';
import { TOOL_VERSION } from '../version.js';

let identity: string | undefined;

/**
 * The tool as the cache keys it: its version, TypeScript's, and a hash of its own code and data
 * (the rules, catalogues, classifier words, type models). A version alone would let a build from
 * changed sources, or a patched install, answer with results of other code.
 */
export function toolIdentity(): string {
  if (identity) return identity;
  // src/engine/cache (or dist/src/engine/cache) -> the folder holding src/ and analyzers/.
  const base = fileURLToPath(new URL('../../../', import.meta.url));
  const packageRoot = [base, path.dirname(base)].find((d) => isToolRoot(d)) ?? base;
  const h = createHash('sha256');
  for (const dir of [
    path.join(base, 'src'),
    path.join(base, 'analyzers'),
    path.join(packageRoot, 'type-models'),
    path.join(packageRoot, 'lib'),
  ]) {
    for (const file of codeFiles(dir))
      h.update(`${path.relative(base, file)}\u0000`)
        .update(readFileSync(file))
        .update('\u0000');
  }
  identity = `${TOOL_VERSION}+ts${ts.version}+${h.digest('hex')}`;
  return identity;
}

function isToolRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'privacy-review';
  } catch {
    return false;
  }
}

const CODE = /\.(?:[cm]?[jt]s|json)$/;

/** Code and data files under `dir`, sorted; none when it does not exist. */
function codeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (CODE.test(e.name) && !e.name.endsWith('.map')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
