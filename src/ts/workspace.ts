import path from 'node:path';
import { parseBoundedYaml } from '../yaml/bounded-parse.js';
import { DISK_FILES, type ProjectFiles } from './project-files.js';

/**
 * The packages of a JavaScript workspace (npm/yarn `workspaces`, `pnpm-workspace.yaml`), read from
 * their `package.json` files. A package manager links each of them into `node_modules` under its
 * name; we analyze without `node_modules`, so an import of `@acme/shared` is mapped to the
 * package's sources here instead (module-resolution.ts). Only manifests are read, nothing is run.
 */
export interface WorkspacePackage {
  name: string;
  /** Absolute directory of the package. */
  dir: string;
  manifest: PackageManifest;
}

/** The fields of a package.json that say which file an import of the package means. */
export interface PackageManifest {
  name?: unknown;
  main?: unknown;
  module?: unknown;
  types?: unknown;
  typings?: unknown;
  source?: unknown;
  exports?: unknown;
  workspaces?: unknown;
}

/** More packages than any real workspace has: a bound on the work a hostile repository can cause. */
const MAX_PACKAGES = 2000;
const MANIFEST_BYTES = 1 << 20;
const WORKSPACE_YAML_LIMITS = { maxDepth: 16, maxAliasCount: 0, maxKeysPerMapping: 10_000, maxNodes: 100_000 };

/** Workspace packages by name; empty when the root declares no workspace. */
export function readWorkspacePackages(root: string, files: ProjectFiles = DISK_FILES): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  const patterns = workspacePatterns(root, files);
  if (patterns.length === 0) return packages;
  const include = patterns.filter((p) => !p.startsWith('!')).map((p) => `${trimSlashes(p)}/package.json`);
  const ignore = ['**/node_modules/**', ...patterns.filter((p) => p.startsWith('!')).map((p) => `${trimSlashes(p.slice(1))}/package.json`)];
  let manifests: string[];
  try {
    manifests = files.glob(root, include, ignore).sort();
  } catch {
    return packages;
  }
  for (const rel of manifests.slice(0, MAX_PACKAGES)) {
    const file = path.join(root, rel);
    const manifest = readManifest(file, files);
    if (typeof manifest?.name !== 'string' || packages.has(manifest.name)) continue;
    packages.set(manifest.name, { name: manifest.name, dir: path.dirname(file), manifest });
  }
  return packages;
}

/** `workspaces` of the root package.json (a list, or `{ packages }` in yarn), else pnpm's `packages`. */
function workspacePatterns(root: string, files: ProjectFiles): string[] {
  const manifest = readManifest(path.join(root, 'package.json'), files);
  const ws = manifest?.workspaces;
  const fromManifest = Array.isArray(ws)
    ? ws
    : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)
      ? (ws as { packages: unknown[] }).packages
      : [];
  const out = fromManifest.filter((p): p is string => typeof p === 'string');
  const pnpm = path.join(root, 'pnpm-workspace.yaml');
  const text = files.read(pnpm, MANIFEST_BYTES);
  if (text !== undefined) {
    const data = parseBoundedYaml(text, WORKSPACE_YAML_LIMITS).data as { packages?: unknown } | undefined;
    if (data && Array.isArray(data.packages)) out.push(...data.packages.filter((p): p is string => typeof p === 'string'));
  }
  // A pattern leaving the workspace root (`../x`) or absolute is not followed.
  return out.filter((p) => !path.isAbsolute(p) && !p.split('/').includes('..'));
}

export function readManifest(file: string, files: ProjectFiles = DISK_FILES): PackageManifest | undefined {
  const text = files.read(file, MANIFEST_BYTES);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function trimSlashes(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** `@scope/name/sub/path` → [`@scope/name`, `sub/path`]; `name/sub` → [`name`, `sub`]. */
export function splitPackageSpecifier(spec: string): [name: string, subpath: string] {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  return [parts.slice(0, n).join('/'), parts.slice(n).join('/')];
}
