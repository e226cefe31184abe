import { ts } from '#ts-morph';
import type { TraceStep } from '../core/contract.js';
import { lineOf } from '../ts/symbols.js';

/** Trace steps (file, line, note) with each file's relative path computed once: every step needs one. */
export class TraceSteps {
  private readonly relativePaths = new Map<string, string>();

  constructor(private readonly relative: (fileName: string) => string) {}

  step(node: ts.Node, note: string): TraceStep {
    const sf = node.getSourceFile();
    let file = this.relativePaths.get(sf.fileName);
    if (file === undefined) {
      file = this.relative(sf.fileName);
      this.relativePaths.set(sf.fileName, file);
    }
    return { file, line: lineOf(node, sf), note };
  }
}
