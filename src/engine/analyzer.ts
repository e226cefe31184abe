import type { ts } from 'ts-morph';
import type { AnalyzerMeta, FindingInput, NodeHandlers } from '../core/analyzer.js';
import type { Classifier } from '../classifier/classifier.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { SinkResolver } from '../sinks/types.js';
import type { SinkSpec } from '../sinks/catalog-types.js';
import type { FlowAnalyzer } from '../flow/flow-analyzer.js';
import type { SinkFlows } from '../flow/sink-flows.js';
import type { ScanConfig } from '../config/types.js';

/** Services shared by all analyzers for one scan: one program, one checker, one classifier. */
export interface ScanServices {
  program: ts.Program;
  checker: ts.TypeChecker;
  classifier: Classifier;
  taxonomy: Taxonomy;
  sinks: SinkResolver;
  flow: FlowAnalyzer;
  /** Personal data meeting sinks, cached per node: shared by pii-logging and data-flow. */
  flows: SinkFlows;
  config: ScanConfig;
  /** Scan root, absolute. */
  root: string;
  /** Path relative to the root, `/`-separated. */
  relative(fileName: string): string;
  /** The reference path (tests only): no shortcut that skips asking the type checker. */
  reference?: boolean;
}

export interface FileContext extends ScanServices {
  /** Relative path of the file being analyzed. */
  file: string;
  report(finding: FindingInput): void;
}

export interface SourceFileContext extends FileContext {
  sourceFile: ts.SourceFile;
}

export interface Analyzer {
  meta: AnalyzerMeta;
  /** Called once per source file; returns the node handlers for this file. Pure: no I/O. */
  create(ctx: SourceFileContext): NodeHandlers;
  /**
   * The sink catalogue this rule brings (pii-logging the loggers, data-flow the egress sinks). Every
   * rule's rows are matched at every node, and the flows found are shared between the rules.
   */
  sinks?: readonly SinkSpec[];
  /**
   * What the analysis cache keys this rule's results by besides its id and name: a custom analyzer's
   * module content. Undefined for the built-in rules (the tool's own identity covers them); null when
   * it is unknown, which turns the cache off.
   */
  cacheIdentity?: string | null;
  /** Optional: non-TypeScript files this analyzer reads (e.g. `.prisma`). */
  textFiles?: {
    matches(file: string): boolean;
    analyze(text: string, ctx: FileContext): void;
  };
}
