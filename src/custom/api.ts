import type { Node, SourceFile } from 'ts-morph';
import type { Confidence, RuleId, SinkRef } from '../core/contract.js';

/**
 * The API of a custom analyzer: a team's own rule for what the catalogues cannot say (an in-house
 * SDK with its own calling convention, a house logger). It reports under one of the three rules, so
 * its findings are declared, suppressed, approved and gated exactly as the built-in ones:
 *
 *   export default {
 *     meta: { name: 'acme-telemetry', rule: 'data-flow', description: 'Acme telemetry events' },
 *     create(context) {
 *       return {
 *         CallExpression(call) {
 *           if (call.getExpression().getText() !== 'telemetry.emit') return;
 *           const data = context.personalData(call.getArguments()[1]);
 *           if (data.length) context.report({ node: call, categories: data.map((d) => d.category), message: '…', sink: { kind: 'third_party', id: 'acme-telemetry' } });
 *         },
 *       };
 *     },
 *   };
 *
 * Handlers are keyed by ts-morph's SyntaxKind names and receive ts-morph nodes, made on demand over
 * the compiler nodes the engine already walks (so built-in rules keep their speed).
 */
export interface CustomAnalyzer {
  meta: CustomAnalyzerMeta;
  /** Called once per source file; returns the handlers for this file. No I/O. */
  create(context: CustomContext): CustomHandlers;
}

export interface CustomAnalyzerMeta {
  /** Shown with every finding (`reported by acme-telemetry`): lower case, digits and dashes. */
  name: string;
  /** The rule its findings belong to: what the manifest must declare and how severity is judged. */
  rule: RuleId;
  description: string;
}

/** `CallExpression(node)`, `PropertyAssignment(node)`: one handler per syntax kind name. */
export type CustomHandlers = Partial<Record<string, (node: Node) => void>>;

export interface CustomContext {
  /** The file, relative to the scan root, `/`-separated. */
  readonly file: string;
  /** The file as a ts-morph SourceFile (with type information). */
  readonly sourceFile: SourceFile;
  /** Personal data the expression carries, as the built-in rules see it (names, types, flows through functions). */
  personalData(node: Node | undefined): PersonalData[];
  /** The data category a name stands for (`customerEmail` → `user.contact.email`), if any. */
  categoryOfName(name: string): string | undefined;
  report(finding: CustomFinding): void;
}

export interface PersonalData {
  category: string;
  /** The source text the data came from: `user.email`, `customer: Customer`. */
  origin: string;
}

export interface CustomFinding {
  node: Node;
  categories: string[];
  message: string;
  /** What the developer should do (default: declare it in the manifest, or suppress it with a reason). */
  remediation?: string;
  confidence?: Confidence;
  /** Where the data goes (data-flow and pii-logging findings): matched against the manifest's flows. */
  sink?: SinkRef;
}

/** Types the analyzer's module for editors; returns it unchanged. */
export function defineAnalyzer(analyzer: CustomAnalyzer): CustomAnalyzer {
  return analyzer;
}
