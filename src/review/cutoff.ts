import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Analyzer } from '../engine/analyzer.js';
import { compilerOptionsFor } from '../engine/compiler-options.js';
import { exportSummary } from '../engine/export-summary.js';
import type { ImportGraph } from '../engine/imports.js';
import type { Unparsable } from '../engine/program.js';
import { createScanServices } from '../engine/services.js';
import { collectGarbage } from '../engine/gc.js';
import { Classifier } from '../classifier/classifier.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import type { ScanConfig } from '../config/types.js';
import type { SideTexts } from './scope.js';
import type { ProjectFiles } from '../ts/project-files.js';

/** A side's root, its sources, and how its manifests and tsconfig files are read (default: from disk). */
interface CutoffSide {
  root: string;
  texts: SideTexts;
  projectFiles?: ProjectFiles;
}

export interface CutoffSides {
  base: CutoffSide;
  head: CutoffSide;
  config: ScanConfig;
  analyzers: readonly Analyzer[];
}

/**
 * Early cutoff: of the changed files, those whose privacy summary (export-summary.ts) is the same on
 * both sides, so that their importers' findings cannot differ through them. Each side builds one
 * program of the changed files and what they import, as the review's own scans would; a file that
 * is missing on a side, cannot be parsed, or whose summary fails counts as different.
 */
export async function sameSummaries(files: readonly string[], graph: ImportGraph, sides: CutoffSides): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const base = summaries(files, graph, sides.base, sides);
  await collectGarbage(); // the base side's program goes before the head side's is built
  const head = summaries(files, graph, sides.head, sides);
  return new Set(files.filter((f) => base.get(f) !== undefined && base.get(f) === head.get(f)));
}

function summaries(files: readonly string[], graph: ImportGraph, side: CutoffSide, sides: CutoffSides): Map<string, string | undefined> {
  const { config } = sides;
  const present = files.filter((f) => side.texts.has(f));
  const load = [...graph.programFor(present)].filter((f) => side.texts.has(f));
  const root = side.root;
  const taxonomy = config.classifier.categories?.length ? Taxonomy.default().withCustom(config.classifier.categories) : Taxonomy.default();
  const unparsable = new Map<string, Unparsable>();
  const services = createScanServices({
    texts: new Map(load.map((f) => [path.join(root, f), side.texts.get(f)!])),
    compilerOptions: compilerOptionsFor(root, side.projectFiles).options,
    root,
    config,
    classifier: new Classifier(taxonomy, config.classifier),
    taxonomy,
    analyzers: sides.analyzers,
    relative: (fileName) => path.relative(root, fileName).split(path.sep).join('/'),
    unparsable,
  });
  const out = new Map<string, string | undefined>();
  for (const file of present) {
    const abs = path.join(root, file);
    const sf = services.program.getSourceFile(abs);
    if (!sf || unparsable.has(abs)) continue;
    try {
      out.set(file, createHash('sha256').update(exportSummary(sf, services)).digest('base64'));
    } catch {
      // A summary that cannot be made is a difference: the importers are analyzed.
    }
  }
  return out;
}
