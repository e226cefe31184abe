import type { ts } from 'ts-morph';
import type { Confidence, RuleId, Severity, SinkRef, TraceStep } from './contract.js';

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

/** What an analyzer reports; the engine turns it into a `Finding` (location, symbol, severity, suppression, fingerprint). */
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

/** Handlers keyed by `ts.SyntaxKind`; the engine walks each file once and calls every analyzer's handlers. */
export type NodeHandlers = { [kind: number]: ((node: ts.Node) => void) | undefined };
