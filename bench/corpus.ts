/**
 * A second benchmark corpus of real code that is on disk without the network: the TypeScript and
 * JavaScript sources of packages installed in node_modules (ajv and @mswjs/interceptors ship their
 * TypeScript sources; probot, pino, handlebars, yaml and tar their JavaScript). Each package is copied
 * under one directory with a tsconfig.json, so that the scan and `tsc --noEmit` see the same files.
 * Nothing in it is executed; the copy is static input like any analyzed repository.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_PACKAGES = ['ajv', '@mswjs/interceptors', 'probot', 'pino', 'handlebars', 'yaml', 'tar', '@octokit/webhooks'];

export function makeCorpus(root: string, dir: string): { dir: string; packages: string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packages: string[] = [];
  for (const name of CORPUS_PACKAGES) {
    const from = path.join(root, 'node_modules', name);
    if (!existsSync(from)) continue;
    // nested node_modules are other packages, and not what either tool would read
    cpSync(from, path.join(dir, name.replace('/', '__')), {
      recursive: true,
      filter: (src) => !src.slice(from.length).includes(`${path.sep}node_modules`),
    });
    packages.push(name);
  }
  const compilerOptions = {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    skipLibCheck: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    types: [],
    strict: false,
  };
  // build output (`dist`) and declarations are not what the scan analyzes either
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions,
        include: ['**/*'],
        exclude: ['**/dist/**', '**/build/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'],
      },
      null,
      2,
    ),
  );
  return { dir, packages };
}
