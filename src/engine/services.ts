import type { ts } from '#ts-morph';
import { createProgram, createReferenceProgram, type Unparsable } from './program.js';
import { bindLazily } from './lazy-binding.js';
import type { Analyzer, ScanServices } from './analyzer.js';
import type { ScanConfig } from '../config/types.js';
import type { Classifier } from '../classifier/classifier.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { FlowAnalyzer } from '../flow/flow-analyzer.js';
import { SinkFlows } from '../flow/sink-flows.js';
import { createSinkResolver } from '../sinks/resolver.js';

export interface ServicesInputs {
  /** Absolute path -> text of every source the program loads. */
  texts: ReadonlyMap<string, string>;
  compilerOptions: ts.CompilerOptions;
  root: string;
  config: ScanConfig;
  classifier: Classifier;
  taxonomy: Taxonomy;
  analyzers: readonly Analyzer[];
  relative: (fileName: string) => string;
  reference?: boolean;
  /** Sources too deeply nested to give to TypeScript (filled in by the program). */
  unparsable?: Map<string, Unparsable>;
}

/**
 * One program and the services every analyzer shares over it: the checker, the sink resolver with
 * the rules' catalogues, the flow engine. A scan builds one per part; a review's early cutoff builds
 * one per side to summarize the changed files (export-summary.ts).
 */
export function createScanServices(inputs: ServicesInputs): ScanServices {
  const { texts, compilerOptions, root, config, classifier, taxonomy, relative } = inputs;
  const catalogue = inputs.analyzers.flatMap((a) => a.sinks ?? []);
  const { program, checker } = inputs.reference
    ? withChecker(createReferenceProgram(texts, compilerOptions))
    : bindLazily(createProgram(texts, compilerOptions, root, inputs.unparsable));
  const services = { program, checker, classifier, taxonomy, config, root, relative, reference: inputs.reference === true } as ScanServices;
  services.sinks = createSinkResolver({ program, checker, catalogue, custom: config.sinks, reference: inputs.reference });
  services.flow = new FlowAnalyzer(services);
  services.flows = new SinkFlows(services.flow, services.sinks);
  return services;
}

/** The reference path's program with its usual checker (every file bound up front). */
function withChecker(program: ts.Program): { program: ts.Program; checker: ts.TypeChecker } {
  return { program, checker: program.getTypeChecker() };
}
