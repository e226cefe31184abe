import { promises as fs } from 'node:fs';
import type { Analyzer } from '../engine/analyzer.js';
import { compilerOptionsFor, resolutionSignature } from '../engine/compiler-options.js';
import { discoverFiles } from '../engine/discover.js';
import type { Discovery } from '../engine/discovered-files.js';
import { scan } from '../engine/scan.js';
import type { ScanResult } from '../core/contract.js';
import type { ScanConfig } from '../config/types.js';
import { changeScope, type Cutoff, type SideTexts } from './scope.js';
import type { ProjectFiles } from '../ts/project-files.js';
import { sameSummaries } from './cutoff.js';
import { baseSideFiles } from './base-files.js';
import { discoverBase } from './base-discovery.js';
import { collectGarbage } from '../engine/gc.js';
import type { ImportGraph } from '../engine/imports.js';
import type { ReviewScope } from './types.js';
import type { AnalysisCache } from '../engine/cache/store.js';

export interface SideScans {
  base: ScanResult;
  head: ScanResult;
  scope: ReviewScope;
  /**
   * Base findings beyond the analyzed files, for what the system already held (purpose drift): the
   * personal-data fields of the files the analyzed ones import. Empty when every file was analyzed.
   */
  baseInventory: ScanResult['findings'];
}

export interface SideScanOptions {
  baseDir: string;
  headDir: string;
  config: ScanConfig;
  analyzers: readonly Analyzer[];
  /**
   * Paths that differ between the sides, relative to the roots (both names of a renamed file). With
   * them the base side is read only where it differs (its other files are head's, sources and the
   * files that decide module resolution alike: base-files.ts), so `baseDir` may hold just those
   * files, the `.gitignore` files, the configuration and the manifest; see `needsWholeBase`.
   * Undefined: both sides are walked whole.
   */
  changed?: readonly string[];
  /**
   * Early cutoff (off unless given): importers of a changed file whose privacy summary is the same on
   * both sides are not analyzed. `minDependents` (MIN_DEPENDENTS_FOR_CUTOFF for the CLI's
   * --early-cutoff): fewest importers that make summarizing worth its cost. Off by default: on the
   * real history measured so far (formbricks) it cut off no importer and raised a large review's
   * peak memory (668 to 985 MiB), see README "Performance".
   */
  cutoff?: false | { minDependents: number };
  /** The analysis cache (engine/cache) of both sides' scans. */
  cache?: AnalysisCache;
}

/**
 * Importers a change must reach before its changed files are summarized (early cutoff): summaries
 * build a program per side of the changed files and what they import, which costs about what
 * analyzing a few dozen importers does (formbricks: 3-7 s for 7 changed components loading 205
 * files, in reviews of 35-45 s that analyze 34-43 files).
 */
export const MIN_DEPENDENTS_FOR_CUTOFF = 50;

/**
 * Files that decide which files are analyzed or how imports resolve, for every file: `.gitignore`,
 * tsconfig, and the workspace's manifests (package names and entry points). A Prisma schema is not
 * one: its models change often, where its generated client goes hardly ever.
 */
export function isScopeFile(file: string): boolean {
  return /(?:^|\/)(?:\.gitignore|[tj]sconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml)$/.test(file);
}

/** Why the base side must be walked whole (a changed `.gitignore` or tsconfig), or undefined. */
export function needsWholeBase(changed: readonly string[]): string | undefined {
  const trigger = changed.find(isScopeFile);
  return trigger && `${trigger} changed, which decides which files are analyzed or how they import each other`;
}

/**
 * The change's scope (changeScope), or why every file is reviewed. One import graph serves both
 * sides only when they resolve imports alike: a change to a file a tsconfig extends, or to where a
 * generated client goes, is no scope file but changes that. A function of its own: the options and
 * the module resolution caches the graph filled (tens of MiB in a large workspace) must not outlive
 * it while the sides are scanned.
 */
async function scopeOf(
  baseTexts: SideTexts,
  headTexts: SideTexts,
  changed: ReadonlySet<string>,
  roots: { base: string; head: string; baseFiles: ProjectFiles },
  cutoff: Cutoff | undefined,
): ReturnType<typeof changeScope> {
  const headOptions = compilerOptionsFor(roots.head).options;
  const baseOptions = compilerOptionsFor(roots.base, roots.baseFiles).options;
  if (resolutionSignature(headOptions, roots.head) !== resolutionSignature(baseOptions, roots.base)) {
    return { full: 'the change alters how imports resolve (a file a tsconfig extends, or where a generated client goes)' };
  }
  return changeScope(baseTexts, headTexts, changed, { root: roots.head, compilerOptions: headOptions }, cutoff);
}

/**
 * Scan both sides of a change. With the list of changed files, only the files whose findings can
 * differ are analyzed (see changeScope), each side loading just what they import: a 20-file pull
 * request in a 5,000-file repository costs about a second, not two full scans. Without it, or when
 * the change touches what every file depends on, every file is analyzed on both sides.
 */
export async function scanSides(options: SideScanOptions): Promise<SideScans> {
  const { baseDir, headDir, config, analyzers } = options;
  const cache = options.cache ? { cache: options.cache } : {};
  const wholeBase = options.changed && needsWholeBase(options.changed);
  if (!options.changed || wholeBase) {
    // One side after the other: a scan holds a whole TypeScript program in memory and keeps a core busy.
    const base = await scan({ root: baseDir, config, analyzers, ...cache });
    const head = await scan({ root: headDir, config, analyzers, ...cache });
    return { base, head, baseInventory: [], scope: { mode: 'full', ...(wholeBase ? { reason: wholeBase } : {}) } };
  }

  const changed = new Set(options.changed);
  // Head is walked whole; base is read only where it differs, its other files are head's: its
  // sources, and the manifests, tsconfig files and schemas that say how they import each other.
  const head = await discoverFiles(headDir, config);
  const headRoot = await fs.realpath(headDir);
  const baseRoot = await fs.realpath(baseDir);
  const baseFiles = baseSideFiles(baseRoot, headRoot, changed);
  const baseChanged = await discoverFiles(baseRoot, config, { files: [...changed], projectFiles: baseFiles });
  const { discovery: base, flipped } = await discoverBase(
    head,
    baseChanged,
    changed,
    { base: baseRoot, head: headRoot },
    config,
    baseFiles,
  );
  // A test-scope file analyzed on one side only differs between the sides as a changed file does.
  const affected = flipped.length ? new Set([...changed, ...flipped]) : changed;
  const texts = (d: Discovery) => new Map(d.sources.map((f) => [f.relative, f.text]));
  const baseTexts = texts(base);
  const headTexts = texts(head);
  const cutoff =
    options.cutoff === false || options.cutoff === undefined
      ? undefined
      : {
          same: (files: readonly string[], graph: ImportGraph) =>
            sameSummaries(files, graph, {
              base: { root: baseRoot, texts: baseTexts, projectFiles: baseFiles },
              head: { root: headRoot, texts: headTexts },
              config,
              analyzers,
            }),
          minDependents: options.cutoff.minDependents,
        };
  const scope = await scopeOf(baseTexts, headTexts, affected, { base: baseRoot, head: headRoot, baseFiles }, cutoff);
  if (!('full' in scope)) await collectGarbage(); // the summaries' programs (cutoff.ts) go before the scans build theirs
  if ('full' in scope) {
    return {
      base: await scan({ root: baseRoot, config, analyzers, discovery: base, projectFiles: baseFiles, ...cache }),
      head: await scan({ root: headRoot, config, analyzers, discovery: head, ...cache }),
      baseInventory: [],
      scope: { mode: 'full', reason: scope.full, changed: changed.size },
    };
  }
  const only = (d: Discovery, load: ReadonlySet<string>): Discovery => ({ ...d, sources: d.sources.filter((f) => load.has(f.relative)) });
  const inventory = analyzers.filter((a) => a.meta.id === 'pii-field');
  const none: readonly Analyzer[] = [];
  const baseScan = await scan({
    root: baseRoot,
    config,
    analyzers,
    projectFiles: baseFiles,
    discovery: only(base, scope.load.base),
    ...cache,
    analyzersFor: (f) => (scope.analyze.has(f) ? analyzers : scope.load.base.has(f) ? inventory : none),
  });
  const headScan = await scan({
    root: headRoot,
    config,
    analyzers,
    discovery: only(head, scope.load.head),
    ...cache,
    analyzersFor: (f) => (scope.analyze.has(f) ? analyzers : none),
  });
  const analyzed = (f: { file: string }) => scope.analyze.has(f.file);
  return {
    base: {
      ...baseScan,
      findings: baseScan.findings.filter(analyzed),
      stats: { ...baseScan.stats, files: [...base.sources, ...base.textFiles].filter((f) => scope.analyze.has(f.relative)).length },
    },
    head: headScan,
    baseInventory: baseScan.findings.filter((f) => !analyzed(f)),
    scope: {
      mode: 'changed',
      changed: changed.size,
      dependents: scope.dependents,
      cutOff: scope.cutOff,
      loaded: { base: scope.load.base.size, head: scope.load.head.size },
    },
  };
}
