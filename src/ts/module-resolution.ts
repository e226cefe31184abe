import path from 'node:path';
import { ts } from '#ts-morph';
import { readGeneratedClients } from './generated-clients.js';
import { packageEntryCandidates } from './package-entry.js';
import { DISK_FILES, type ProjectFiles } from './project-files.js';
import { splitPackageSpecifier, type WorkspacePackage } from './workspace.js';

/** No node_modules is read: TypeScript need not probe it in every ancestor directory. */
const IN_NODE_MODULES = /[\\/]node_modules(?:[\\/]|$)/;

/** The tsconfig options that change how a directory's files import each other. */
export interface ResolutionOptions {
  baseUrl?: string;
  paths?: ts.MapLike<string[]>;
  rootDirs?: string[];
  jsx?: ts.JsxEmit;
  /** Where `paths` without `baseUrl` are relative to: the tsconfig that declared them (TypeScript's internal option). */
  pathsBasePath?: string;
}

/** One directory's tsconfig (the root's or a workspace package's) as the compiler reads it. */
export interface DirectoryConfig {
  dir: string;
  options: ResolutionOptions;
  error?: ts.Diagnostic;
  configFile: string;
}

/**
 * How bare specifiers of a project resolve to its own files, as the compiler and the package manager
 * would make them resolve, without `node_modules`: through the `paths`/`baseUrl` of the tsconfig that
 * governs the importing file (the nearest of the root's and the workspace packages', each read with its
 * `extends` chain), then through the workspace packages' names. Built once per scan from the
 * manifests and tsconfig files on disk; the program, the import graph of partial reviews and split
 * scans all ask it, so they see the same edges.
 */
export class ProjectResolution {
  /** Configs with `paths` or `baseUrl`, innermost directory first. */
  private readonly configs: { dir: string; options: ts.CompilerOptions; cache: ts.ModuleResolutionCache }[] = [];
  private readonly configByDirectory = new Map<string, ProjectResolution['configs'][number] | null>();
  private readonly packageMemo = new Map<string, string | null>();

  constructor(
    readonly root: string,
    readonly packages: ReadonlyMap<string, WorkspacePackage>,
    directoryConfigs: readonly DirectoryConfig[],
    base: ts.CompilerOptions,
    /** Generated client directories (not in the repository) → the package they stand for. */
    readonly generatedClients: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const c of [...directoryConfigs].sort((a, b) => b.dir.length - a.dir.length)) {
      if (!c.options.paths && c.options.baseUrl === undefined) continue;
      const options: ts.CompilerOptions = { ...base, ...c.options };
      this.configs.push({ dir: c.dir, options, cache: ts.createModuleResolutionCache(c.dir, (f) => f, options) });
    }
  }

  /**
   * Everything this resolution answers from, as plain data (absolute paths as they are): the
   * packages with their manifests, each directory's options, the generated client directories.
   */
  describe(): unknown {
    return {
      packages: [...this.packages.values()].map((p) => [p.name, p.dir, p.manifest]),
      configs: this.configs.map((c) => [c.dir, c.options]),
      generatedClients: [...this.generatedClients],
    };
  }

  /** Whether any bare specifier can name a project file (else the caller skips resolving them). */
  get resolvesPackages(): boolean {
    return this.configs.length > 0 || this.packages.size > 0;
  }

  /**
   * The project file (absolute path) a bare specifier names from `containingFile`, or undefined for a
   * package outside the project. `fileExists` answers for the files the caller holds.
   */
  resolveBare(spec: string, containingFile: string, fileExists: (file: string) => boolean): string | undefined {
    const config = this.configFor(path.dirname(containingFile));
    if (config) {
      const host: ts.ModuleResolutionHost = { fileExists, readFile: () => undefined, directoryExists: (d) => !IN_NODE_MODULES.test(d) };
      const resolved = ts.resolveModuleName(spec, containingFile, config.options, host, config.cache).resolvedModule?.resolvedFileName;
      if (resolved && fileExists(resolved) && !resolved.includes('/node_modules/')) return resolved;
    }
    return this.packageFile(spec, fileExists);
  }

  /**
   * The package a relative import of generated code stands for (`../generated/prisma/client` →
   * `@prisma/client`), when no project file answers it.
   */
  generatedPackage(spec: string, containingFile: string): string | undefined {
    if (this.generatedClients.size === 0) return undefined;
    const target = path.resolve(path.dirname(containingFile), spec);
    for (const [dir, pkg] of this.generatedClients) if (target === dir || target.startsWith(dir + path.sep)) return pkg;
    return undefined;
  }

  /** A workspace package's source file for `@scope/name/sub`. */
  private packageFile(spec: string, fileExists: (file: string) => boolean): string | undefined {
    const memo = this.packageMemo.get(spec);
    if (memo !== undefined) return memo ?? undefined;
    const [name, subpath] = splitPackageSpecifier(spec);
    const pkg = this.packages.get(name);
    let found: string | undefined;
    if (pkg) {
      for (const candidate of packageEntryCandidates(pkg.manifest, subpath)) {
        const file = path.join(pkg.dir, candidate);
        if (fileExists(file)) {
          found = file;
          break;
        }
      }
    }
    this.packageMemo.set(spec, found ?? null);
    return found;
  }

  /** The innermost config with paths/baseUrl whose directory holds `dir`. */
  private configFor(dir: string): ProjectResolution['configs'][number] | undefined {
    if (this.configs.length === 0) return undefined;
    const memo = this.configByDirectory.get(dir);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.configs.find(
      (c) => dir === c.dir || dir.startsWith(c.dir + path.sep) || (c.dir.endsWith(path.sep) && dir.startsWith(c.dir)),
    );
    this.configByDirectory.set(dir, found ?? null);
    return found;
  }
}

/**
 * A tsconfig read with its `extends` chain. An `extends` that names a workspace package
 * (`@acme/tsconfig/base.json`) is found in the package's directory, where the package manager's
 * link in `node_modules` would lead.
 */
export function readDirectoryConfig(
  dir: string,
  packages: ReadonlyMap<string, WorkspacePackage>,
  files: ProjectFiles = DISK_FILES,
): DirectoryConfig | undefined {
  const configFile = path.join(dir, 'tsconfig.json');
  if (!files.exists(configFile)) return undefined;
  const toReal = (f: string): string => {
    const at = f.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) return f;
    const rest = f
      .slice(at + '/node_modules/'.length)
      .split(path.sep)
      .join('/');
    const [name, sub] = splitPackageSpecifier(rest);
    const pkg = packages.get(name);
    return pkg ? path.join(pkg.dir, sub) : f;
  };
  const readFile = (f: string) => files.read(toReal(f));
  const read = ts.readConfigFile(configFile, readFile);
  if (read.error) return { dir, configFile, options: {}, error: read.error };
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    // Only the options matter, not the file list: a host that lists no directory saves a walk of the project.
    readDirectory: () => [],
    fileExists: (f) => files.exists(toReal(f)),
    readFile,
    // node_modules as the package manager would link it: the workspace packages are in it.
    directoryExists: (d: string) => {
      const inModules = d.split(path.sep).slice(-2);
      if (inModules[1] === 'node_modules') return true;
      if (inModules[0] === 'node_modules' && inModules[1].startsWith('@'))
        return [...packages.keys()].some((n) => n.startsWith(`${inModules[1]}/`));
      return files.exists(toReal(d));
    },
    realpath: (f: string) => f,
    getDirectories: () => [],
  };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, dir, undefined, configFile);
  const error = parsed.errors.find((e) => e.code !== 18003); // 18003: no inputs found, harmless here
  const { baseUrl, paths, jsx, rootDirs, pathsBasePath } = parsed.options as ResolutionOptions;
  const options: ResolutionOptions = {
    ...(baseUrl ? { baseUrl } : {}),
    ...(paths ? { paths } : {}),
    ...(jsx ? { jsx } : {}),
    ...(rootDirs ? { rootDirs } : {}),
    ...(paths && typeof pathsBasePath === 'string' ? { pathsBasePath } : {}),
  };
  return { dir, configFile, options, ...(error ? { error } : {}) };
}

const byOptions = new WeakMap<ts.CompilerOptions, ProjectResolution>();

/** The resolution that compilerOptionsFor built along with these options (none for hand-made options). */
export function resolutionOf(options: ts.CompilerOptions): ProjectResolution | undefined {
  return byOptions.get(options);
}

export function attachResolution(options: ts.CompilerOptions, resolution: ProjectResolution): void {
  byOptions.set(options, resolution);
}

/** The workspace's packages and each package directory's tsconfig, besides the root's. */
export function readProjectResolution(
  root: string,
  packages: ReadonlyMap<string, WorkspacePackage>,
  rootConfig: DirectoryConfig | undefined,
  base: ts.CompilerOptions,
  files: ProjectFiles = DISK_FILES,
): ProjectResolution {
  const configs: DirectoryConfig[] = rootConfig ? [rootConfig] : [];
  for (const pkg of packages.values()) {
    if (pkg.dir === root) continue;
    const c = readDirectoryConfig(pkg.dir, packages, files);
    // A package's own `paths` hold even when its `extends` names a package that is not installed
    // (`@electron-toolkit/tsconfig`): the compiler reports that and still reads the file's options.
    if (c && (!c.error || c.options.paths || c.options.baseUrl !== undefined)) configs.push(c);
  }
  const generated = readGeneratedClients([root, ...[...packages.values()].map((p) => p.dir).filter((d) => d !== root)], files);
  return new ProjectResolution(root, packages, configs, base, generated);
}
