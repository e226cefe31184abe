import path from 'node:path';
import { ts } from '#ts-morph';
import type { FileError } from '../core/contract.js';
import { attachResolution, readDirectoryConfig, readProjectResolution, resolutionOf } from '../ts/module-resolution.js';
import { readWorkspacePackages } from '../ts/workspace.js';
import { DISK_FILES, type ProjectFiles } from '../ts/project-files.js';

/**
 * Compiler options for analysis. We read the project's tsconfig.json (with its `extends` chain, also
 * into workspace packages) only for what changes how its own files resolve each other (`baseUrl`,
 * `paths`, `jsx`), and attach the workspace's resolution (module-resolution.ts); everything else is
 * fixed so that analysis is static, fast and identical with or without `node_modules`: `noResolve` keeps the program to the
 * files we discovered (no `node_modules` sources, no `@types`), `allowJs` covers plain JavaScript.
 * `files` reads the manifests, tsconfig files and Prisma schemas (default: from disk).
 */
export function compilerOptionsFor(root: string, files: ProjectFiles = DISK_FILES): { options: ts.CompilerOptions; error?: FileError } {
  const base: ts.CompilerOptions = {
    allowJs: true,
    checkJs: false,
    jsx: ts.JsxEmit.Preserve,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    resolveJsonModule: false,
    noResolve: true,
    noEmit: true,
    types: [],
    // The parts of the standard library whose types matter for analysis (Array, Promise, Map, Date,
    // string methods): parsing all of lib.es2023 with its 60 files costs ~0.5 s of every cold start.
    lib: LIB_FILES,
    skipLibCheck: true,
    strict: true,
    experimentalDecorators: true,
    allowArbitraryExtensions: true,
  };
  const packages = readWorkspacePackages(root, files);
  const rootConfig = readDirectoryConfig(root, packages, files);
  const options: ts.CompilerOptions = { ...base, ...rootConfig?.options };
  // Workspace packages and their own tsconfig paths: how bare specifiers reach project files.
  attachResolution(options, readProjectResolution(root, packages, rootConfig, base, files));
  return { options, ...(rootConfig?.error ? { error: configError(rootConfig.configFile, root, rootConfig.error) } : {}) };
}

/**
 * What decides how a tree's files import each other and which packages they stand for, with paths
 * relative to its root: two trees with the same signature resolve every import alike, wherever they are.
 */
export function resolutionSignature(options: ts.CompilerOptions, root: string): string {
  const relative = (_key: string, value: unknown) =>
    typeof value === 'string' && (value === root || value.startsWith(root + path.sep)) ? `<root>${value.slice(root.length)}` : value;
  return JSON.stringify({ options, resolution: resolutionOf(options)?.describe() }, relative);
}

function configError(file: string, root: string, d: ts.Diagnostic): FileError {
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return {
    file: path.relative(root, file).split(path.sep).join('/'),
    ...(pos ? { line: pos.line + 1, column: pos.character + 1 } : {}),
    message: `tsconfig.json could not be used (${message}); analyzed with default options, so path aliases may not resolve. Fix the file to restore them.`,
  };
}

const LIB_FILES = [
  'lib.es5.d.ts',
  'lib.es2015.core.d.ts',
  'lib.es2015.collection.d.ts',
  'lib.es2015.iterable.d.ts',
  'lib.es2015.promise.d.ts',
  'lib.es2015.symbol.d.ts',
  'lib.es2015.symbol.wellknown.d.ts',
  'lib.es2016.array.include.d.ts',
  'lib.es2017.object.d.ts',
  'lib.es2017.string.d.ts',
  'lib.es2019.array.d.ts',
  'lib.es2019.object.d.ts',
  'lib.es2019.string.d.ts',
  'lib.es2021.string.d.ts',
  'lib.es2022.array.d.ts',
];
