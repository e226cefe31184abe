import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA = 'schemas/manifest.schema.json';

/**
 * The `$schema` a new manifest names for editors (yaml-language-server), relative to the manifest,
 * so that completion works: privacy-review as the project installed it, found the way Node finds a
 * package (the nearest `node_modules/privacy-review` from the manifest's directory up, as in a
 * workspace whose packages share the root's); else the schema of the running installation (a
 * global install, or a checkout), which exists on this machine. `shared` says whether the path
 * holds for anyone who installs the project.
 */
export function manifestSchemaRef(manifestFile: string, installation = runningInstallation()): { ref: string; shared: boolean } {
  const from = path.dirname(path.resolve(manifestFile));
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'privacy-review', SCHEMA);
    if (existsSync(candidate)) return { ref: relative(from, candidate), shared: true };
    if (path.dirname(dir) === dir) break;
  }
  return { ref: relative(from, path.join(installation, SCHEMA)), shared: false };
}

/** The package root of the code that runs: two levels above src/manifest, three above dist/src/manifest. */
function runningInstallation(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const up2 = path.resolve(here, '../..');
  return existsSync(path.join(up2, SCHEMA)) ? up2 : path.resolve(here, '../../..');
}

function relative(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
