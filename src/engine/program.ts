import path from 'node:path';
import { getLibFiles, Project, ts } from '#ts-morph';
import { isBareSpecifier } from '../ts/syntax.js';
import { attachResolution, resolutionOf } from '../ts/module-resolution.js';
import { lineNestedTooDeep, MAX_NESTING, setParentsWithinNesting } from './nesting.js';
import { TYPE_MODELS_DIR, typeModelFilesFor, typeModelFor, typeModelTexts } from '../ts/type-models.js';

/** Why a source could not be given to TypeScript: it nests too deeply for the parser or the analysis. */
export interface Unparsable {
  line?: number;
  message: string;
}

let built = 0;
/** Programs this process has built: a scan answered wholly from the analysis cache builds none (its test holds it to that). */
export function programsBuilt(): number {
  return built;
}

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
 *
 * Every source has parent pointers. A source nested too deeply to analyze (setParentsWithinNesting)
 * is in the program as an empty file, and `unparsable` gets its reason: its tree never reaches the
 * binder, the checker or an analyzer, whose recursion would overflow the stack (and a checker
 * interrupted half-way through a type would answer wrongly for every later file).
 */
export function createProgram(
  sources: ReadonlyMap<string, string>,
  options: ts.CompilerOptions,
  root: string,
  unparsable?: Map<string, Unparsable>,
): ts.Program {
  built++;
  const lib = libs();
  const models = typeModelTexts();
  const read = (fileName: string) => sources.get(fileName) ?? lib.get(fileName) ?? models.get(fileName);
  const directories = new Set<string>();
  for (const file of sources.keys())
    for (let d = path.dirname(file); !directories.has(d); d = path.dirname(d)) {
      directories.add(d);
      if (d === path.dirname(d)) break;
    }
  // This host serves only the project's sources and the bundled library, so a package name can reach
  // a file only through `paths` or `baseUrl`; without them it is unresolved, which TypeScript finds
  // only after probing node_modules and @types in every ancestor directory (0.3 s at 5,000 files).
  // Workspace packages and per-package tsconfig paths (module-resolution.ts) answer for bare
  // specifiers when the options came from compilerOptionsFor.
  const resolution = resolutionOf(options);
  const packagesResolve = options.paths !== undefined || options.baseUrl !== undefined;
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const isSource = (f: string) => sources.has(f);
  const host: ts.CompilerHost = {
    resolveModuleNameLiterals: (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
      literals.map((literal) => {
        if (isBareSpecifier(literal.text) && (resolution || !packagesResolve)) {
          const file = resolution?.resolvesPackages ? resolution.resolveBare(literal.text, containingFile, isSource) : undefined;
          if (file) return resolvedTo(file);
          const model = typeModelFor(literal.text);
          return model ? resolvedToModel(model) : { resolvedModule: undefined };
        }
        return ts.resolveModuleName(
          literal.text,
          containingFile,
          compilerOptions,
          host,
          cache,
          redirectedReference,
          ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions),
        );
      }),
    getSourceFile: (fileName, languageVersion) => {
      const source = sources.get(fileName);
      if (source !== undefined) return parseWithinNesting(fileName, source, languageVersion, unparsable);
      const text = lib.get(fileName) ?? models.get(fileName);
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
    directoryExists: (d) => directories.has(d) || d === LIB_DIR || d === TYPE_MODELS_DIR,
    getDirectories: () => [],
    // JSDoc changes types only in JavaScript files and no analyzer reads it: not building it for
    // TypeScript files saves parse time and memory (TypeScript's own `ParseForTypeInfo` mode).
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo,
  };
  return ts.createProgram({ rootNames: [...sources.keys(), ...typeModelFilesFor(sources.values())], options, host });
}

/** A project source, parsed and given parent pointers; an empty stand-in when it nests too deeply. */
function parseWithinNesting(
  fileName: string,
  text: string,
  languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions,
  unparsable?: Map<string, Unparsable>,
): ts.SourceFile {
  let problem: Unparsable;
  try {
    const sf = ts.createSourceFile(fileName, text, languageVersion, false);
    const tooDeep = setParentsWithinNesting(sf);
    if (!tooDeep) return sf;
    const line = sf.getLineAndCharacterOfPosition(tooDeep.getStart(sf)).line + 1;
    problem = {
      line,
      message: `Not analyzed: an expression nested deeper than ${MAX_NESTING} levels (at line ${line}); split it up into smaller expressions or functions.`,
    };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // The parser ran out of stack. Parsing the stand-in below resets the parser's state, which the
    // interrupted parse left half-way (e.g. its memo of which parentheses start no arrow function).
    const line = lineNestedTooDeep(text);
    const where = line === undefined ? '' : ` (brackets nest deeper than ${MAX_NESTING} levels at line ${line})`;
    problem = {
      line,
      message: `Not analyzed: nested too deeply for the TypeScript parser${where}; split it up into smaller expressions or functions.`,
    };
  }
  unparsable?.set(fileName, problem);
  return ts.createSourceFile(fileName, '', languageVersion, true);
}

/**
 * The straightforward way to the same program: a ts-morph Project holding every source. Slower and
 * larger; only the test that compares the fast paths with a reference path uses it.
 */
export function createReferenceProgram(sources: ReadonlyMap<string, string>, options: ts.CompilerOptions): ts.Program {
  const resolution = resolutionOf(options);
  const project = new Project({
    compilerOptions: options,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    // Workspace package names resolve to their sources here too, as in createProgram.
    ...(resolution
      ? {
          resolutionHost: (moduleHost, getOptions) => ({
            resolveModuleNames: (names, containingFile) =>
              names.map((name) => {
                if (isBareSpecifier(name)) {
                  const file = resolution.resolveBare(name, containingFile, (f) => sources.has(f));
                  return file ? resolvedTo(file).resolvedModule : undefined;
                }
                return ts.resolveModuleName(name, containingFile, getOptions(), moduleHost).resolvedModule;
              }),
          }),
        }
      : {}),
  });
  for (const [file, text] of sources) project.createSourceFile(file, text, { overwrite: true });
  const program = project.getProgram().compilerObject;
  if (resolution) attachResolution(program.getCompilerOptions(), resolution);
  return program;
}

/** A module resolved to a project source file. */
function resolvedTo(file: string): ts.ResolvedModuleWithFailedLookupLocations {
  return { resolvedModule: { resolvedFileName: file, extension: extensionOf(file), isExternalLibraryImport: false } };
}

/** A package specifier answered by a type model (type-models.ts): a library's declarations. */
function resolvedToModel(file: string): ts.ResolvedModuleWithFailedLookupLocations {
  return { resolvedModule: { resolvedFileName: file, extension: ts.Extension.Dts, isExternalLibraryImport: true } };
}

function extensionOf(file: string): ts.Extension {
  const m = /(?:\.d)?\.[cm]?[jt]sx?$/.exec(file)?.[0] ?? '.ts';
  return m as ts.Extension;
}
