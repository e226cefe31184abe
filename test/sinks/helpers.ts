import { Project, ts } from 'ts-morph';
import { compilerOptionsFor } from '../../src/engine/compiler-options.js';
import { DEFAULT_CONFIG, type ScanConfig } from '../../src/config/types.js';
import { createSinkResolver } from '../../src/sinks/resolver.js';
import { BUILTIN_SINKS } from '../../analyzers/index.js';
import { bindLazily } from '../../src/engine/lazy-binding.js';
import type { Origin, SinkMatch, SinkResolver } from '../../src/sinks/types.js';

export const MARK = '/*sink*/';

/** What tests assert about a match: stable, readable fields only. */
export interface Summary {
  id: string;
  kind: string;
  family: 'log' | 'egress';
  package?: string;
  service?: string;
  description: string;
  data: string[];
  redactedPaths?: string[];
}

export interface Fixture {
  resolver: SinkResolver;
  program: ts.Program;
  /** The call/new/assignment/tagged template right after the marker (first file that has it). */
  marked(marker?: string): ts.Node;
  /** Summaries of the sinks at the marked node. */
  at(marker?: string): Summary[];
  /** Origin of the expression right after the marker (the largest expression starting there). */
  originAt(marker?: string): Origin | undefined;
  /** Every sink in every project file, as `text → summary`. */
  all(): { text: string; sink: Summary }[];
}

/**
 * Lib files come from ts-morph's in-memory file system (where a scan's in-memory tests find them too)
 * and are parsed once for the whole test file: programs share them, as a language service would.
 */
const LIB_DIR = '/node_modules/typescript/lib';
const libFs = new Project({ useInMemoryFileSystem: true }).getFileSystem();
const libCache = new Map<string, ts.SourceFile>();

function compilerHost(sources: Record<string, string>): ts.CompilerHost {
  const read = (f: string): string | undefined =>
    sources[f] ?? (f.startsWith(LIB_DIR) && libFs.fileExistsSync(f) ? libFs.readFileSync(f) : undefined);
  return {
    getSourceFile(fileName, languageVersion) {
      if (sources[fileName] !== undefined) return ts.createSourceFile(fileName, sources[fileName], languageVersion, true);
      let sf = libCache.get(fileName);
      if (!sf) {
        const text = read(fileName);
        if (text === undefined) return undefined;
        sf = ts.createSourceFile(fileName, text, languageVersion, true);
        libCache.set(fileName, sf);
      }
      return sf;
    },
    getDefaultLibFileName: (o) => `${LIB_DIR}/${ts.getDefaultLibFileName(o)}`,
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getDirectories: () => [],
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
  };
}

const SINK_KINDS = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
]);

/** An in-memory project (same compiler options as a scan) with a resolver; `files` maps path → text. */
export function fixture(files: Record<string, string> | string, config: Partial<ScanConfig> = {}): Fixture {
  const sources = typeof files === 'string' ? { '/src/main.ts': files } : files;
  const { options } = compilerOptionsFor('/__privacy_review_test_root__');
  // Bound lazily, as in a scan: the sink tests run the checker the way the analyzers meet it.
  const { program, checker } = bindLazily(ts.createProgram(Object.keys(sources), options, compilerHost(sources)));
  const resolver = createSinkResolver({ program, checker, catalogue: BUILTIN_SINKS, custom: { ...DEFAULT_CONFIG, ...config }.sinks });
  const projectFiles = Object.keys(sources).map((p) => program.getSourceFile(p)!);

  const startingAt = (marker: string, accept: (n: ts.Node) => boolean): ts.Node => {
    for (const sf of projectFiles) {
      const i = sf.text.indexOf(marker);
      if (i < 0) continue;
      let pos = i + marker.length;
      while (/\s/.test(sf.text[pos] ?? '')) pos++;
      let best: ts.Node | undefined;
      const visit = (n: ts.Node): void => {
        if (n.getStart(sf) === pos && accept(n) && (!best || n.end > best.end)) best = n;
        if (n.pos <= pos && n.end >= pos) ts.forEachChild(n, visit);
      };
      visit(sf);
      if (!best) throw new Error(`No matching node after ${marker} in ${sf.fileName}`);
      return best;
    }
    throw new Error(`Marker ${marker} not found`);
  };
  const marked = (marker = MARK) => startingAt(marker, (n) => SINK_KINDS.has(n.kind));
  return {
    resolver,
    program,
    marked,
    at: (marker = MARK) => resolver.match(marked(marker)).map(summarize),
    originAt: (marker = MARK) => resolver.origin(startingAt(marker, (n) => ts.isExpression(n) || ts.isIdentifier(n)) as ts.Expression),
    all: () => {
      const out: { text: string; sink: Summary }[] = [];
      for (const sf of projectFiles) {
        const visit = (n: ts.Node): void => {
          for (const m of resolver.match(n)) out.push({ text: n.getText(sf), sink: summarize(m) });
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
      return out;
    },
  };
}

export function summarize(m: SinkMatch): Summary {
  const s: Summary = {
    id: m.sink.id,
    kind: m.sink.kind,
    family: m.family,
    description: m.description,
    data: m.dataArgs.map((d) => d.getText()),
  };
  if (m.sink.package) s.package = m.sink.package;
  if (m.sink.service) s.service = m.sink.service;
  if (m.redactedPaths) s.redactedPaths = m.redactedPaths;
  return s;
}

/** The single sink at the marker (fails when there is none or several). */
export function only(fx: Fixture, marker = MARK): Summary {
  const found = fx.at(marker);
  if (found.length !== 1) throw new Error(`Expected one sink at ${marker}, found ${found.length}: ${JSON.stringify(found)}`);
  return found[0]!;
}

/** One source file, one sink at the marker. */
export function sinkOf(source: string, marker = MARK): Summary {
  return only(fixture(source), marker);
}
