import type { ts } from '#ts-morph';
import type { Classifier } from '../classifier/classifier.js';
import type { Origin } from '../sinks/types.js';

/** What the flow engine needs of a scan: one program, its checker, the classifier. */
export interface FlowServices {
  program: ts.Program;
  checker: ts.TypeChecker;
  classifier: Classifier;
  /** `redactors:` of the configuration: more names of redaction helpers. */
  config: { readonly redactors: readonly string[] };
  /** Path relative to the scan root, for the places data was not followed further. */
  relative(fileName: string): string;
  /** The reference path (tests only): no shortcut that skips asking the type checker. */
  reference?: boolean;
  /** Package origins of callees, for the summaries of package calls (PACKAGE_SUMMARIES); none without it. */
  sinks?: { origin(expr: ts.Expression): Origin | undefined };
}
