import path from 'node:path';
import { ts } from '#ts-morph';
import type { Unparsable } from './program.js';
import { createScanServices } from './services.js';
import { collectGarbage } from './gc.js';
import { FILES_PER_PROGRAM, partition, type ProgramPart } from './partition.js';
import picomatch from 'picomatch';
import type { FindingInput, NodeHandlers, TextLocation } from '../core/analyzer.js';
import type { Analyzer, FileContext, ScanServices } from './analyzer.js';
import type { FileError, Finding, RuleId, ScanResult, SkippedFile } from '../core/contract.js';
import { DEFAULT_CONFIG, type ScanConfig } from '../config/types.js';
import { discoverFiles } from './discover.js';
import type { DiscoveredFile, Discovery } from './discovered-files.js';
import { compilerOptionsFor, resolutionSignature } from './compiler-options.js';
import { declaresGlobals, ImportGraph } from './imports.js';
import type { AnalysisCache } from './cache/store.js';
import type { FileOutcome } from './cache/entry.js';
import { fileKeys } from './cache/file-keys.js';
import { scanIdentity } from './cache/keys.js';
import { toolIdentity } from './cache/tool-identity.js';
import type { ProjectFiles } from '../ts/project-files.js';
import { enclosingSymbol, rangeOf } from '../ts/symbols.js';
import { fingerprint } from './fingerprint.js';
import { parseSuppressions, suppressionFor } from './suppressions.js';
import { Classifier } from '../classifier/classifier.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  root: string;
  config?: ScanConfig;
  analyzers: readonly Analyzer[];
  /**
   * Files already discovered (the walk is skipped): an incremental review passes the changed files
   * with what they import. Every source in it is loaded into the program.
   */
  discovery?: Discovery;
  /**
   * The analyzers to run on each file (by relative path); a file given none is loaded for its types
   * only. Default: every analyzer on every file.
   */
  analyzersFor?: (file: string) => readonly Analyzer[];
  /**
   * The reference path, for the test that proves the fast paths lose nothing: the program built by
   * ts-morph, and every method call resolved through the type checker.
   */
  reference?: boolean;
  /**
   * Most files analyzed per TypeScript program (default 2,500): a larger scan is split into programs
   * that each load only what their files import, so memory follows the part, not the repository.
   */
  filesPerProgram?: number;
  /**
   * How the manifests, tsconfig files and Prisma schemas that decide module resolution are read
   * (default: from disk under `root`); a review's base side written out only where it changed reads
   * the rest from head's tree.
   */
  projectFiles?: ProjectFiles;
  /**
   * Per-file results by key (cache/): a file whose key (its import closure, the globals, the
   * configuration, the analyzers, the tool) is stored is not analyzed again; when every file is,
   * no program is built. Not used on the reference path.
   */
  cache?: AnalysisCache;
  /** Called after each file, for progress output. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Analyze every file under `root` with every analyzer, in one pass over each file. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const config = options.config ?? DEFAULT_CONFIG;
  const discovery = options.discovery ?? (await discoverFiles(root, config));
  const analyzersFor = options.analyzersFor ?? (() => options.analyzers);
  const analyzed = (file: DiscoveredFile) => analyzersFor(file.relative).length > 0;
  const sources = discovery.sources.filter(analyzed);
  const textFiles = discovery.textFiles.filter(analyzed);
  const errors: FileError[] = [];
  const skipped: SkippedFile[] = [...discovery.skipped];

  const { options: compilerOptions, error: tsconfigError } = compilerOptionsFor(root, options.projectFiles);
  if (tsconfigError) errors.push(tsconfigError);
  // Built on first use: a scan answered wholly from the cache needs neither.
  let shared: { taxonomy: Taxonomy; classifier: Classifier } | undefined;
  const common = () => {
    if (shared) return shared;
    const taxonomy = config.classifier.categories?.length
      ? Taxonomy.default().withCustom(config.classifier.categories)
      : Taxonomy.default();
    return (shared = { taxonomy, classifier: new Classifier(taxonomy, config.classifier) });
  };
  const relative = (fileName: string) => path.relative(root, fileName).split(path.sep).join('/');
  // Sources too deeply nested to give to TypeScript, by absolute path: left out of every program.
  const unparsable = new Map<string, Unparsable>();
  const servicesFor = (load: readonly DiscoveredFile[]): ScanServices =>
    createScanServices({
      texts: new Map(load.map((f) => [f.path, f.text])),
      compilerOptions,
      root,
      config,
      ...common(),
      analyzers: options.analyzers,
      relative,
      reference: options.reference,
      unparsable,
    });

  // Each file's contribution, replayed in file order below: the same result whether it was
  // analyzed now or came from the cache.
  const outcomes = new Map<string, FileOutcome>();
  const cached = options.reference
    ? undefined
    : planCache(options.cache, {
        root,
        config,
        compilerOptions,
        discovery,
        sources,
        textFiles,
        analyzersFor,
        analyzers: options.analyzers,
      });
  if (cached) for (const [file, outcome] of cached.hits) outcomes.set(file, outcome);
  const pending = sources.filter((f) => !outcomes.has(f.relative));
  const pendingText = textFiles.filter((f) => !outcomes.has(f.relative));
  /** Files whose outcome must not be stored: analysis failed or ran out of stack, which depends on the run. */
  const uncacheable = new Set<string>();

  const collector = new FindingCollector(analyzersFor, config, () => common().taxonomy);
  const total = sources.length + textFiles.length;
  let done = 0;
  for (const f of [...sources, ...textFiles]) if (outcomes.has(f.relative)) options.onProgress?.(++done, total, f.relative);
  const outcomeOf = (file: DiscoveredFile): FileOutcome => {
    const outcome: FileOutcome = { findings: [], problems: [], skipped: [], lines: 0 };
    outcomes.set(file.relative, outcome);
    return outcome;
  };
  // With cache hits, the programs load only what the remaining files import (and the globals):
  // the same findings (partition.ts), without parsing the files the cache answered for.
  const loadable = cached?.hits.size && pending.length ? loadFor(discovery.sources, pending, cached.graph) : discovery.sources;
  const parts = options.reference
    ? [{ load: discovery.sources, analyze: sources }]
    : pending.length === 0
      ? []
      : partition(loadable, pending, compilerOptions, root, options.filesPerProgram ?? FILES_PER_PROGRAM, cached?.graph);
  // One part's program, its files analyzed. A function of its own: references to the program (the
  // last file's nodes among them) must not outlive it in this frame while the next part is built.
  const analyzePart = (part: ProgramPart): ScanServices => {
    let services = servicesFor(part.load);
    const overflowed = new Set<string>();
    for (const file of part.analyze) {
      const outcome = outcomeOf(file);
      // After an overflow the part's program lacks that file: what follows is not stored either.
      if (overflowed.size) uncacheable.add(file.relative);
      const refused = unparsable.get(file.path);
      if (refused) {
        outcome.problems.push({
          error: { file: file.relative, ...(refused.line !== undefined ? { line: refused.line } : {}), message: refused.message },
        });
        uncacheable.add(file.relative);
        options.onProgress?.(++done, total, file.relative);
        continue;
      }
      try {
        analyzeFile(file, services, outcome);
      } catch (e) {
        uncacheable.add(file.relative);
        if (!(e instanceof RangeError)) {
          outcome.problems.push({ error: { file: file.relative, message: `Could not be analyzed: ${(e as Error).message}` } });
        } else {
          // Out of stack: the checker may have been left half-way through resolving a type, and
          // would then answer wrongly for the files after this one. They get a program of their own.
          outcome.problems.push({
            error: {
              file: file.relative,
              message: `Not analyzed: nested too deeply to analyze (${e.message}); split it up into smaller expressions or functions.`,
            },
          });
          overflowed.add(file.path);
          services = servicesFor(part.load.filter((f) => !overflowed.has(f.path)));
        }
      }
      for (const cut of services.flow.takeCuts()) outcome.problems.push({ cut });
      options.onProgress?.(++done, total, file.relative);
    }
    return services;
  };
  /** One source's findings and its first syntax error. */
  const analyzeFile = (file: DiscoveredFile, services: ScanServices, outcome: FileOutcome): void => {
    const program = services.program;
    const sf = program.getSourceFile(file.path);
    if (!sf) {
      outcome.skipped.push({ file: file.relative, reason: 'not part of the TypeScript program' });
      return;
    }
    outcome.lines += lineCount(file.text);
    for (const d of program.getSyntacticDiagnostics(sf).slice(0, 1)) {
      const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      outcome.problems.push({
        error: {
          file: file.relative,
          line: pos.line + 1,
          column: pos.character + 1,
          message: `Syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\.$/, '')}. The rest of the file was analyzed as far as it could be parsed; fix the syntax for a complete analysis.`,
        },
      });
    }
    collector.analyzeSource(file, sf, services, outcome);
  };
  let services: ScanServices | undefined;
  for (const [i, part] of parts.entries()) {
    services = undefined; // the previous part's program can go before the next one is built
    if (i > 0) await collectGarbage();
    services = analyzePart(part);
  }
  // Text files (schemas) need no program, only the classifier and configuration.
  if (pendingText.length) services ??= servicesFor([]);
  for (const file of pendingText) {
    const outcome = outcomeOf(file);
    outcome.lines += lineCount(file.text);
    try {
      collector.analyzeText(file, services!, outcome);
    } catch (e) {
      uncacheable.add(file.relative);
      outcome.problems.push({ error: { file: file.relative, message: `Could not be analyzed: ${(e as Error).message}` } });
    }
    options.onProgress?.(++done, total, file.relative);
  }
  if (cached) {
    for (const f of [...pending, ...pendingText]) {
      const key = cached.keys.get(f.relative);
      if (key && !uncacheable.has(f.relative)) options.cache!.put(key, outcomes.get(f.relative)!);
    }
    options.cache!.done();
  }

  // Where the flow engine stopped following data (FlowAnalyzer.takeCuts): once per place.
  const cutsReported = new Set<string>();
  const unsorted: Finding[] = [];
  let lines = 0;
  for (const file of [...sources, ...textFiles]) {
    const outcome = outcomes.get(file.relative);
    if (!outcome) continue;
    unsorted.push(...outcome.findings);
    skipped.push(...outcome.skipped);
    lines += outcome.lines;
    for (const p of outcome.problems) {
      if ('error' in p) {
        errors.push(p.error);
        continue;
      }
      const { cut } = p;
      const key = `${cut.file}:${cut.line}`;
      if (cutsReported.has(key)) continue;
      cutsReported.add(key);
      errors.push({
        file: cut.file,
        line: cut.line,
        message: `Not fully analyzed: data is followed through ${cut.limit} nested expressions, and the expression at line ${cut.line} nests deeper; personal data inside it may be missed. Split it up into smaller expressions.`,
      });
    }
  }

  const findings = unsorted.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
  const byRule: Record<RuleId, number> = { 'pii-field': 0, 'pii-logging': 0, 'data-flow': 0 };
  for (const f of findings) if (!f.suppressed) byRule[f.rule]++;
  const fromCache = cached?.hits.size ?? 0;
  return {
    version: 1,
    tool: { name: 'privacy-review', version: TOOL_VERSION },
    root,
    findings,
    skipped,
    errors,
    stats: {
      files: total,
      lines,
      durationMs: Math.round(performance.now() - started),
      findings: findings.filter((f) => !f.suppressed).length,
      suppressed: findings.filter((f) => f.suppressed).length,
      byRule,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      analyzed: total - fromCache,
      fromCache,
    },
  };
}

/** The sources a program must load to analyze `pending` as the whole program would: what they import, and the globals. */
function loadFor(all: readonly DiscoveredFile[], pending: readonly DiscoveredFile[], graph: ImportGraph): DiscoveredFile[] {
  const load = graph.programFor(pending.map((f) => f.relative));
  return all.filter((f) => load.has(f.relative));
}

interface CachePlanInputs {
  root: string;
  config: ScanConfig;
  compilerOptions: ts.CompilerOptions;
  discovery: Discovery;
  sources: readonly DiscoveredFile[];
  textFiles: readonly DiscoveredFile[];
  analyzersFor: (file: string) => readonly Analyzer[];
  analyzers: readonly Analyzer[];
}

interface CachePlan {
  keys: Map<string, string>;
  hits: Map<string, FileOutcome>;
  graph: ImportGraph;
}

/**
 * Each analyzed file's key and the outcomes the cache holds for them; undefined without a cache, or
 * when something the key cannot cover is in play (a custom analyzer without a known module, a
 * configuration that is not plain data): then every file is analyzed.
 */
function planCache(cache: AnalysisCache | undefined, inputs: CachePlanInputs): CachePlan | undefined {
  if (!cache || inputs.analyzers.some((a) => a.cacheIdentity === null)) return undefined;
  const scanId = scanIdentity({
    tool: toolIdentity(),
    config: inputs.config,
    resolution: resolutionSignature(inputs.compilerOptions, inputs.root),
  });
  if (!scanId) return undefined;
  const all = inputs.discovery.sources;
  const graph = new ImportGraph(new Map(all.map((f) => [f.relative, [f.text]])), inputs.compilerOptions, inputs.root);
  const keys = fileKeys({
    scan: scanId,
    sources: all,
    analyzed: inputs.sources,
    textFiles: inputs.textFiles,
    dependencies: (f) => graph.dependencies(f),
    declaresGlobals,
    analyzersFor: inputs.analyzersFor,
  });
  const hits = new Map<string, FileOutcome>();
  for (const [file, key] of keys) {
    const outcome = cache.get(key);
    if (outcome) hits.set(file, outcome);
  }
  return { keys, hits, graph };
}

/** Lines of a text, for the statistics: `sf.getLineStarts()` would build an array per file that most never need. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Turns analyzer reports into findings: location, symbol, severity, suppression, fingerprint. */
class FindingCollector {
  private readonly ignoreMatchers: { match: (file: string) => boolean; rules?: string[]; reason: string }[];

  constructor(
    private readonly analyzersFor: (file: string) => readonly Analyzer[],
    config: ScanConfig,
    private readonly taxonomy: () => Taxonomy,
  ) {
    this.ignoreMatchers = config.ignore.map((i) => ({ match: picomatch(i.paths, { dot: true }), rules: i.rules, reason: i.reason }));
  }

  analyzeSource(file: DiscoveredFile, sf: ts.SourceFile, services: ScanServices, outcome: FileOutcome): void {
    // Handlers by node kind, in an array: the walk visits every node of every file.
    const dispatch: (((node: ts.Node) => void)[] | undefined)[] = [];
    let any = false;
    const reports: { rule: RuleId; input: FindingInput }[] = [];
    for (const analyzer of this.analyzersFor(file.relative)) {
      const ctx = {
        ...services,
        file: file.relative,
        sourceFile: sf,
        report: (input: FindingInput) => reports.push({ rule: analyzer.meta.id, input }),
      };
      const handlers: NodeHandlers = analyzer.create(ctx);
      for (const key of Object.keys(handlers)) {
        const kind = Number(key) as ts.SyntaxKind;
        const handler = handlers[kind];
        if (!handler) continue;
        (dispatch[kind] ??= []).push(handler);
        any = true;
      }
    }
    if (any) {
      const visit = (node: ts.Node): void => {
        const list = dispatch[node.kind];
        if (list) for (const h of list) h(node);
        // tokens (identifiers, keywords, literals: a third of all nodes) have no children
        if (node.kind > ts.SyntaxKind.LastToken) ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    this.finish(file, reports, sf, outcome);
  }

  analyzeText(file: DiscoveredFile, services: ScanServices, outcome: FileOutcome): void {
    const reports: { rule: RuleId; input: FindingInput }[] = [];
    for (const analyzer of this.analyzersFor(file.relative)) {
      if (!analyzer.textFiles?.matches(file.relative)) continue;
      const ctx: FileContext = { ...services, file: file.relative, report: (input) => reports.push({ rule: analyzer.meta.id, input }) };
      analyzer.textFiles.analyze(file.text, ctx);
    }
    this.finish(file, reports, undefined, outcome);
  }

  private finish(
    file: DiscoveredFile,
    reports: { rule: RuleId; input: FindingInput }[],
    sf: ts.SourceFile | undefined,
    outcome: FileOutcome,
  ): void {
    if (reports.length === 0) return;
    const suppressions = parseSuppressions(file.relative, file.text);
    for (const error of suppressions.problems) outcome.problems.push({ error });
    const seen = new Map<string, number>();
    const located = reports.map((r) => ({ ...r, range: isNode(r.input.at) ? rangeOf(r.input.at, sf) : textRange(r.input.at) }));
    located.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
    // The same claim twice (two paths carrying the same data to the same sink at one place) is one finding.
    const claims = new Set<string>();
    for (const { rule, input, range } of located) {
      const symbol = input.symbol ?? (isNode(input.at) ? enclosingSymbol(input.at) : '<file>');
      const categories = [...new Set(input.categories)].sort();
      const sink = input.sink ?? null;
      const claim = `${rule}\u0000${range.line}:${range.column}\u0000${sink?.id ?? ''}\u0000${categories.join(',')}`;
      if (claims.has(claim)) continue;
      claims.add(claim);
      const base = fingerprint({ rule, file: file.relative, symbol, categories, sink, discriminator: input.discriminator });
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      const id =
        occurrence === 0
          ? base
          : fingerprint({ rule, file: file.relative, symbol, categories, sink, discriminator: input.discriminator }, occurrence);
      const suppression = suppressionFor(suppressions, rule, range.line) ?? this.configSuppression(file.relative, rule);
      outcome.findings.push({
        id,
        rule,
        severity: input.severity ?? this.taxonomy().severity(categories),
        file: file.relative,
        ...range,
        message: input.message,
        categories,
        symbol,
        sink,
        trace: input.trace ?? [],
        suppressed: Boolean(suppression),
        ...(suppression ? { suppression } : {}),
        confidence: input.confidence,
        remediation: input.remediation,
      });
    }
  }

  private configSuppression(file: string, rule: RuleId) {
    for (const m of this.ignoreMatchers) {
      if ((!m.rules || m.rules.includes(rule)) && m.match(file)) return { kind: 'config' as const, reason: m.reason };
    }
    return undefined;
  }
}

function isNode(at: FindingInput['at']): at is ts.Node {
  return typeof (at as ts.Node).kind === 'number';
}

function textRange(at: TextLocation) {
  return { line: at.line, column: at.column, endLine: at.endLine ?? at.line, endColumn: at.endColumn ?? at.column };
}
