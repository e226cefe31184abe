import path from 'node:path';
import { getLibFiles, Project, ts } from '#ts-morph';
import { isBareSpecifier } from '../sinks/syntax.js';

/** Where the bundled standard library appears to live; no file is read from there. */
const LIB_DIR = '/__privacy-review_lib__';
let libTexts: Map<string, string> | undefined;
/**
 * Parsed standard-library files, shared by every program of the process (a review builds two, the
 * App one per pull request): they never change, and parsing them is a fixed ~0.1 s per program.
 * The language service shares source files between programs the same way.
 */
const libSourceFiles = new Map<string, ts.SourceFile>();

function libs(): Map<string, string> {
  libTexts ??= new Map(getLibFiles().map((f) => [path.posix.join(LIB_DIR, f.fileName), f.text]));
  return libTexts;
}

/**
 * A TypeScript program over exactly the texts discovery read (each file read once, from memory), with
 * the standard library that ts-morph bundles. Built with the compiler API directly: ts-morph's
 * wrappers cost ~20% of parse time and memory per file and the analyzers walk compiler nodes anyway.
 */
export function createProgram(sources: ReadonlyMap<string, string>, options: ts.CompilerOptions, root: string): ts.Program {
  const lib = libs();
  const read = (fileName: string) => sources.get(fileName) ?? lib.get(fileName);
  const directories = new Set<string>();
  for (const file of sources.keys()) for (let d = path.dirname(file); !directories.has(d); d = path.dirname(d)) {
    directories.add(d);
    if (d === path.dirname(d)) break;
  }
  // This host serves only the project's sources and the bundled library, so a package name can reach
  // a file only through `paths` or `baseUrl`; without them it is unresolved, which TypeScript finds
  // only after probing node_modules and @types in every ancestor directory (0.3 s at 5,000 files).
  const packagesResolve = options.paths !== undefined || options.baseUrl !== undefined;
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const host: ts.CompilerHost = {
    resolveModuleNameLiterals: (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
      literals.map((literal) =>
        !packagesResolve && isBareSpecifier(literal.text)
          ? { resolvedModule: undefined }
          : ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirectedReference, ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions)),
      ),
    getSourceFile: (fileName, languageVersion) => {
      const source = sources.get(fileName);
      if (source !== undefined) return ts.createSourceFile(fileName, source, languageVersion, false);
      const text = lib.get(fileName);
      if (text === undefined) return undefined;
      const key = `${fileName}\0${typeof languageVersion === 'object' ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat}` : languageVersion}`;
      let sf = libSourceFiles.get(key);
      if (!sf) libSourceFiles.set(key, (sf = ts.createSourceFile(fileName, text, languageVersion, false)));
      return sf;
    },
    getDefaultLibFileName: (o) => path.posix.join(LIB_DIR, ts.getDefaultLibFileName(o)),
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => undefined,
    getCurrentDirectory: () => root,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
    directoryExists: (d) => directories.has(d) || d === LIB_DIR,
    getDirectories: () => [],
    // JSDoc changes types only in JavaScript files and no analyzer reads it: not building it for
    // TypeScript files saves parse time and memory (TypeScript's own `ParseForTypeInfo` mode).
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo,
  };
  return ts.createProgram({ rootNames: [...sources.keys()], options, host });
}

/**
 * The straightforward way to the same program: a ts-morph Project holding every source. Slower and
 * larger; only the test that compares the fast paths with a reference path uses it.
 */
export function createReferenceProgram(sources: ReadonlyMap<string, string>, options: ts.CompilerOptions): ts.Program {
  const project = new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  for (const [file, text] of sources) project.createSourceFile(file, text, { overwrite: true });
  return project.getProgram().compilerObject;
}
