import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package as `npm pack` makes it (needs `npm run build` first, as `npm test` does): it ships
 * what runs and nothing else, and what it ships runs in a fresh project: `privacy-review scan`
 * and `manifest init`, whose `$schema` names a file that exists there.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = (args: string[], cwd = ROOT) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let tmp: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-pack-'));
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp])) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(tmp, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the package ships what runs: the built code, its data and the docs, not tests, benchmarks or sources', () => {
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'app.yml',
    'action.yml',
    'dist/src/cli/main.js',
    'dist/src/app/main.js',
    'dist/src/action/main.js',
    'dist/analyzers/index.js',
    'lib/ts-morph.cjs',
    'schemas/manifest.schema.json',
    'schemas/privacy-review-config.schema.json',
    'templates/checklist.md.hbs',
  ]) {
    expect(files).toContain(needed);
  }
  const outside = files.filter(
    (f) =>
      !/^(dist\/(src|analyzers)\/|lib\/|type-models\/|schemas\/|templates\/)/.test(f) &&
      !['package.json', 'README.md', 'LICENSE', 'app.yml', 'action.yml', '.env.example'].includes(f),
  );
  expect(outside).toEqual([]);
  expect(files.filter((f) => f.endsWith('.map') || (/\.ts$/.test(f) && !f.endsWith('.d.ts')))).toEqual([]);
  expect(files.length).toBeLessThan(400);
});

test('dependencies declare no Node.js floor above the engines field (npm ci warns EBADENGINE)', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } | string[] }>;
  };
  const floor = pkg.engines.node.replace(/^>=\s*/, '');
  const semver = requireSemver();
  const above = Object.entries(lock.packages)
    .filter(([, p]) => !Array.isArray(p.engines) && typeof p.engines?.node === 'string' && !semver.satisfies(floor, p.engines.node))
    .map(([name, p]) => `${name} ${(p.engines as { node: string }).node}`);
  expect(above).toEqual([]);
});

test('the packed tarball runs in a fresh project: scan finds the leak, manifest init names a schema that exists', () => {
  const project = path.join(tmp, 'project');
  const modules = path.join(project, 'node_modules');
  mkdirSync(path.join(project, 'src'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{ "name": "shop", "private": true }\n');
  writeFileSync(path.join(project, 'src/signup.ts'), 'export function signup(user: { email: string }) {\n  console.log(user.email);\n}\n');
  // npm install without the registry: the tarball unpacked where npm puts it, its dependencies
  // taken from this repository's node_modules (the CI-only test below installs from the registry).
  const pkgDir = path.join(modules, 'privacy-review');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  for (const dep of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (dep === '.bin' || dep === 'privacy-review' || dep.startsWith('.')) continue;
    symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(modules, dep));
  }
  const bin = path.join(pkgDir, 'dist/src/cli/main.js');
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8' });

  const scan = run(['scan', '.', '--format', 'json', '--fail-on', 'low']);
  expect(scan.status).toBe(1); // a finding: the e-mail address in a log
  const report = JSON.parse(scan.stdout) as { findings: { rule: string; file: string }[] };
  expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'pii-logging', file: 'src/signup.ts' })]));

  const init = run(['manifest', 'init', '.']);
  expect(init.status).toBe(0);
  const manifest = readFileSync(path.join(project, '.privacy/manifest.yml'), 'utf8');
  const ref = /\$schema=(\S+)/.exec(manifest)?.[1];
  expect(ref).toBe('../node_modules/privacy-review/schemas/manifest.schema.json');
  expect(existsSync(path.resolve(project, '.privacy', ref!))).toBe(true);
}, 120_000);

// A real `npm install` of the tarball needs the registry for its dependencies' metadata (npm's
// cache holds tarballs, not the metadata an install of a new project resolves): CI only.
(process.env.CI ? test : test.skip)(
  'npm install of the packed tarball puts privacy-review on the PATH of npm scripts',
  () => {
    const project = path.join(tmp, 'installed');
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "name": "shop", "private": true }\n');
    writeFileSync(
      path.join(project, 'src/signup.ts'),
      'export function signup(user: { email: string }) {\n  console.log(user.email);\n}\n',
    );
    npm(['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    const scan = spawnSync(path.join(project, 'node_modules/.bin/privacy-review'), ['scan', '.', '--fail-on', 'none'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(scan.status).toBe(0);
    expect(scan.stdout).toContain('pii-logging');
  },
  600_000,
);

/** semver, as npm itself compares engines (installed with jest and ts-jest in every checkout of this project). */
function requireSemver(): { satisfies(version: string, range: string): boolean } {
  return createRequire(path.join(ROOT, 'package.json'))('semver') as { satisfies(version: string, range: string): boolean };
}
