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
import { compilerOptionsFor } from './compiler-options.js';
import type { ProjectFiles } from '../ts/project-files.js';
import { enclosingSymbol, rangeOf } from '../ts/symbols.js';
import { fingerprint } from './fingerprint.js';
import { parseSuppressions, suppressionFor } from './suppressions.js';
import { Classifier } from '../classifier/classifier.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import type { FlowCut } from '../flow/flow-analyzer.js';
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
  const taxonomy = config.classifier.categories?.length ? Taxonomy.default().withCustom(config.classifier.categories) : Taxonomy.default();
  const classifier = new Classifier(taxonomy, config.classifier);
  const relative = (fileName: string) => path.relative(root, fileName).split(path.sep).join('/');
  // Sources too deeply nested to give to TypeScript, by absolute path: left out of every program.
  const unparsable = new Map<string, Unparsable>();
  const servicesFor = (load: readonly DiscoveredFile[]): ScanServices =>
    createScanServices({
      texts: new Map(load.map((f) => [f.path, f.text])),
      compilerOptions,
      root,
      config,
      classifier,
      taxonomy,
      analyzers: options.analyzers,
      relative,
      reference: options.reference,
      unparsable,
    });

  const collector = new FindingCollector(analyzersFor, config, errors, taxonomy);
  const total = sources.length + textFiles.length;
  let done = 0;
  let lines = 0;
  const parts = options.reference
    ? [{ load: discovery.sources, analyze: sources }]
    : partition(discovery.sources, sources, compilerOptions, root, options.filesPerProgram ?? FILES_PER_PROGRAM);
  // One part's program, its files analyzed. A function of its own: references to the program (the
  // last file's nodes among them) must not outlive it in this frame while the next part is built.
  const analyzePart = (part: ProgramPart): ScanServices => {
    let services = servicesFor(part.load);
    const overflowed = new Set<string>();
    for (const file of part.analyze) {
      const refused = unparsable.get(file.path);
      if (refused) {
        errors.push({ file: file.relative, ...(refused.line !== undefined ? { line: refused.line } : {}), message: refused.message });
        options.onProgress?.(++done, total, file.relative);
        continue;
      }
      try {
        analyzeFile(file, services);
      } catch (e) {
        if (!(e instanceof RangeError)) {
          errors.push({ file: file.relative, message: `Could not be analyzed: ${(e as Error).message}` });
        } else {
          // Out of stack: the checker may have been left half-way through resolving a type, and
          // would then answer wrongly for the files after this one. They get a program of their own.
          errors.push({
            file: file.relative,
            message: `Not analyzed: nested too deeply to analyze (${e.message}); split it up into smaller expressions or functions.`,
          });
          overflowed.add(file.path);
          services = servicesFor(part.load.filter((f) => !overflowed.has(f.path)));
        }
      }
      for (const cut of services.flow.takeCuts()) reportCut(cut);
      options.onProgress?.(++done, total, file.relative);
    }
    return services;
  };
  /** One source's findings and its first syntax error. */
  const analyzeFile = (file: DiscoveredFile, services: ScanServices): void => {
    const program = services.program;
    const sf = program.getSourceFile(file.path);
    if (!sf) {
      skipped.push({ file: file.relative, reason: 'not part of the TypeScript program' });
      return;
    }
    lines += lineCount(file.text);
    for (const d of program.getSyntacticDiagnostics(sf).slice(0, 1)) {
      const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      errors.push({
        file: file.relative,
        line: pos.line + 1,
        column: pos.character + 1,
        message: `Syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\.$/, '')}. The rest of the file was analyzed as far as it could be parsed; fix the syntax for a complete analysis.`,
      });
    }
    collector.analyzeSource(file, sf, services);
  };
  // Where the flow engine stopped following data (FlowAnalyzer.takeCuts): once per place.
  const cutsReported = new Set<string>();
  const reportCut = (cut: FlowCut) => {
    const key = `${cut.file}:${cut.line}`;
    if (cutsReported.has(key)) return;
    cutsReported.add(key);
    errors.push({
      file: cut.file,
      line: cut.line,
      message: `Not fully analyzed: data is followed through ${cut.limit} nested expressions, and the expression at line ${cut.line} nests deeper; personal data inside it may be missed. Split it up into smaller expressions.`,
    });
  };
  let services: ScanServices | undefined;
  for (const [i, part] of parts.entries()) {
    services = undefined; // the previous part's program can go before the next one is built
    if (i > 0) await collectGarbage();
    services = analyzePart(part);
  }
  // Text files (schemas) need no program, only the classifier and configuration.
  services ??= servicesFor([]);
  for (const file of textFiles) {
    lines += lineCount(file.text);
    try {
      collector.analyzeText(file, services);
    } catch (e) {
      errors.push({ file: file.relative, message: `Could not be analyzed: ${(e as Error).message}` });
    }
    options.onProgress?.(++done, total, file.relative);
  }

  const findings = collector.findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
  const byRule: Record<RuleId, number> = { 'pii-field': 0, 'pii-logging': 0, 'data-flow': 0 };
  for (const f of findings) if (!f.suppressed) byRule[f.rule]++;
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
    },
  };
}

/** Lines of a text, for the statistics: `sf.getLineStarts()` would build an array per file that most never need. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Turns analyzer reports into findings: location, symbol, severity, suppression, fingerprint. */
class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly ignoreMatchers: { match: (file: string) => boolean; rules?: string[]; reason: string }[];

  constructor(
    private readonly analyzersFor: (file: string) => readonly Analyzer[],
    config: ScanConfig,
    private readonly errors: FileError[],
    private readonly taxonomy: Taxonomy,
  ) {
    this.ignoreMatchers = config.ignore.map((i) => ({ match: picomatch(i.paths, { dot: true }), rules: i.rules, reason: i.reason }));
  }

  analyzeSource(file: DiscoveredFile, sf: ts.SourceFile, services: ScanServices): void {
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
    this.finish(file, reports, sf);
  }

  analyzeText(file: DiscoveredFile, services: ScanServices): void {
    const reports: { rule: RuleId; input: FindingInput }[] = [];
    for (const analyzer of this.analyzersFor(file.relative)) {
      if (!analyzer.textFiles?.matches(file.relative)) continue;
      const ctx: FileContext = { ...services, file: file.relative, report: (input) => reports.push({ rule: analyzer.meta.id, input }) };
      analyzer.textFiles.analyze(file.text, ctx);
    }
    this.finish(file, reports, undefined);
  }

  private finish(file: DiscoveredFile, reports: { rule: RuleId; input: FindingInput }[], sf: ts.SourceFile | undefined): void {
    if (reports.length === 0) return;
    const suppressions = parseSuppressions(file.relative, file.text);
    this.errors.push(...suppressions.problems);
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
      this.findings.push({
        id,
        rule,
        severity: input.severity ?? this.taxonomy.severity(categories),
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
