import { ts } from '#ts-morph';

/** Compiler internals this relies on (stable since TypeScript 2.x; ts-morph pins the version). */
interface Internals {
  createTypeChecker(host: ts.Program): ts.TypeChecker;
  bindSourceFile(file: ts.SourceFile, options: ts.CompilerOptions): void;
  getSourceFileOfNode(node: ts.Node): ts.SourceFile | undefined;
}
interface SourceFileInternals {
  locals?: unknown;
  moduleAugmentations: readonly unknown[];
}
const internals = ts as unknown as Internals;
const isBound = (sf: ts.SourceFile) => (sf as unknown as SourceFileInternals).locals !== undefined;

/** A program whose files are bound when the type checker first needs them, not all up front. */
export interface LazilyBound {
  /** The program for the analyzers: its `getSourceFile` gives a file with parent pointers, bound or not. */
  program: ts.Program;
  /** The checker: any node passed to it has its file bound first. */
  checker: ts.TypeChecker;
  /** Files bound so far, of all the program's files (for tests and measurements). */
  bound(): { bound: number; files: number };
}

/**
 * `program.getTypeChecker()` binds every file of the program before answering anything, and binding
 * (symbols, scopes, the control-flow graph) costs about half as much as parsing. A scan asks the
 * checker about few files: those whose code calls, logs or sends something, and the files their
 * imports lead to. Here the checker starts with the files that can add globals bound (scripts,
 * declaration files, JavaScript, module augmentations, `export as namespace`), and every other file
 * is bound when it is reached: when the checker resolves an import to it, or when a node of it is
 * passed to the checker. A file no question reaches is parsed, walked and never bound.
 *
 * The checker reaches other files only through its host (`getSourceFile` to resolve imports,
 * `getSourceFiles` for whole-program questions): the host here binds what it hands out.
 */
export function bindLazily(program: ts.Program): LazilyBound {
  const options = program.getCompilerOptions();
  const all = program.getSourceFiles();
  let initializing = true;
  let everything = false;

  const bind = (sf: ts.SourceFile | undefined): ts.SourceFile | undefined => {
    if (sf && !isBound(sf)) internals.bindSourceFile(sf, options);
    return sf;
  };
  const bindAll = () => {
    if (!everything) for (const sf of all) bind(sf);
    everything = true;
    return all;
  };

  const eager = all.filter(addsGlobals);
  // Copies, not `Object.create(program)`: V8 keeps recently used hidden classes alive for a few
  // collections, and one whose prototype is the program kept each part of a split scan alive
  // into the next (5,000 files: 520 MiB instead of 370).
  const host: ts.Program = { ...program };
  // During the checker's initialization, the files it must bind and merge into the global scope;
  // after it, a question about the whole program (none of the analyzers asks one) binds everything.
  host.getSourceFiles = () => (initializing ? eager : bindAll());
  host.getSourceFile = (fileName: string) => bind(program.getSourceFile(fileName));
  host.getSourceFileByPath = (path: ts.Path) => bind(program.getSourceFileByPath(path));
  const raw = internals.createTypeChecker(host);
  initializing = false;

  const checker = {} as Record<string, unknown>;
  for (const key of Object.keys(raw) as (keyof ts.TypeChecker)[]) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the checker as `this`
    const fn = raw[key] as unknown;
    if (typeof fn !== 'function') {
      checker[key] = fn;
      continue;
    }
    checker[key] = (...args: unknown[]) => {
      for (const a of args) {
        if (!isNode(a)) continue;
        // A node without a way up to its file (synthesized): bind everything rather than answer wrong.
        const sf = internals.getSourceFileOfNode(a);
        if (sf) bind(sf);
        else bindAll();
      }
      return (fn as (...a: unknown[]) => unknown).apply(raw, args);
    };
  }

  // A file that imports something nearly always reaches the checker (its calls and types lead into
  // the imports): it is bound before it is analyzed. (Parent pointers come with the program, see
  // createProgram.)
  const forAnalysis: ts.Program = { ...program };
  forAnalysis.getSourceFile = (fileName: string) => {
    const sf = program.getSourceFile(fileName);
    if (sf && importsSomething(sf)) bind(sf);
    return sf;
  };
  forAnalysis.getTypeChecker = () => checker as unknown as ts.TypeChecker;

  return {
    program: forAnalysis,
    checker: checker as unknown as ts.TypeChecker,
    bound: () => ({ bound: all.filter(isBound).length, files: all.length }),
  };
}

/** Files whose binding the checker's initialization needs: anything that can declare or augment globals. */
function addsGlobals(sf: ts.SourceFile): boolean {
  if (sf.isDeclarationFile || !ts.isExternalModule(sf)) return true;
  // JavaScript: whether a file is a CommonJS module is found by the binder.
  if (/\.[cm]?jsx?$/.test(sf.fileName)) return true;
  if ((sf as unknown as SourceFileInternals).moduleAugmentations.length > 0) return true;
  return sf.statements.some(
    (s) =>
      s.kind === ts.SyntaxKind.NamespaceExportDeclaration ||
      (ts.isModuleDeclaration(s) && (s.flags & ts.NodeFlags.GlobalAugmentation) !== 0),
  );
}

function importsSomething(sf: ts.SourceFile): boolean {
  return sf.statements.some((s) => s.kind === ts.SyntaxKind.ImportDeclaration || s.kind === ts.SyntaxKind.ImportEqualsDeclaration);
}

function isNode(a: unknown): a is ts.Node {
  return typeof a === 'object' && a !== null && typeof (a as ts.Node).kind === 'number' && typeof (a as ts.Node).pos === 'number';
}
