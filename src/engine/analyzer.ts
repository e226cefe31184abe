import type { ts } from 'ts-morph';
import type { Confidence, RuleId, Severity, SinkRef, TraceStep } from '../core/contract.js';
import type { Classifier } from '../classifier/classifier.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { SinkResolver } from '../sinks/types.js';
import type { FlowAnalyzer } from '../flow/flow-analyzer.js';
import type { SinkFlows } from '../flow/sink-flows.js';
import type { ScanConfig } from '../config/types.js';

/** Rule metadata, in the style of typescript-eslint: enough to render SARIF rules and help text. */
export interface AnalyzerMeta {
  id: RuleId;
  name: string;
  shortDescription: string;
  /** Markdown help: what the rule finds, why it matters, how to fix or declare it. */
  help: string;
}

/** A location that is not a TypeScript node (Prisma schemas and other text files). 1-based. */
export interface TextLocation {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface FindingInput {
  /** Where to report: a node of the current source file, or a text location. */
  at: ts.Node | TextLocation;
  categories: string[];
  message: string;
  remediation: string;
  confidence: Confidence;
  /** Defaults to the enclosing symbol of `at`. */
  symbol?: string;
  sink?: SinkRef | null;
  trace?: TraceStep[];
  /** Defaults to the taxonomy severity of the categories, adjusted by the rule. */
  severity?: Severity;
  /** Extra fingerprint input that separates two findings of one symbol (e.g. the field name). */
  discriminator?: string;
}

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

/** Handlers keyed by `ts.SyntaxKind`; the engine walks each file once and calls every analyzer's handlers. */
export type NodeHandlers = { [kind: number]: ((node: ts.Node) => void) | undefined };

export interface Analyzer {
  meta: AnalyzerMeta;
  /** Called once per source file; returns the node handlers for this file. Pure: no I/O. */
  create(ctx: SourceFileContext): NodeHandlers;
  /** Optional: non-TypeScript files this analyzer reads (e.g. `.prisma`). */
  textFiles?: {
    matches(file: string): boolean;
    analyze(text: string, ctx: FileContext): void;
  };
}
