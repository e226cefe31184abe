import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, isCollection, isPair, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { emptyManifest, normalize } from './normalize.js';
import { Positions } from './positions.js';
import { Problems } from './problems.js';
import type { LoadedManifest, Manifest } from './types.js';
import { validateReferences } from './validate-references.js';
import { validateRules } from './validate-rules.js';
import { validateSchema } from './validate-schema.js';
import { validateVocabulary } from './validate-vocabulary.js';

/** Where the manifest is looked for, relative to the project root. */
export const DEFAULT_MANIFEST_PATH = '.privacy/manifest.yml';

/** A manifest is tens of kilobytes; a larger file is a mistake or an attack on the parser. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Aliases beyond this many expansions are refused ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** The manifest is 6 levels deep; far deeper nesting is refused before it is converted. */
export const MAX_DEPTH = 64;

export interface ParseManifestOptions {
  /** Taxonomy with the project's custom categories (default: the built-in one). */
  taxonomy?: Taxonomy;
  /** `YYYY-MM-DD` for exception expiry (default: today, UTC). */
  today?: string;
}

/**
 * Parse and validate manifest text; `file` names it in problems. Never throws on content: returns the
 * best-effort manifest and every problem, positioned in the YAML source.
 */
export function parseManifest(text: string, file: string, options: ParseManifestOptions = {}): LoadedManifest {
  const lines = new LineCounter();
  // Size first: a huge file is refused before the parser sees it.
  if (text.length > MAX_MANIFEST_BYTES || Buffer.byteLength(text, 'utf8') > MAX_MANIFEST_BYTES) {
    return refused(file, lines, 'too-large', `the manifest is ${Buffer.byteLength(text, 'utf8')} bytes, over the ${MAX_MANIFEST_BYTES}-byte (1 MiB) limit`, 'a manifest is a few hundred lines; check that this is the right file');
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const positions = new Positions(doc, lines, file, text.length);
  const problems = new Problems(positions);
  const result = (manifest: Manifest): LoadedManifest => ({ file, manifest, problems: problems.done(), locate: (p) => positions.locate(p) });

  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code === 'RESOURCE_EXHAUSTION' ? 'too-deep' : 'yaml-syntax';
    const message = code === 'too-deep' ? `the YAML is nested too deeply to read` : yamlMessage(e.code, e.message);
    problems.atOffset('error', code, e.pos[0], message, yamlHint(e.code));
  }
  for (const w of doc.warnings) problems.atOffset('warning', 'yaml-warning', w.pos[0], yamlMessage(w.code, w.message), yamlHint(w.code));
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) return result(emptyManifest());

  const deep = tooDeep(doc);
  if (deep) {
    problems.atOffset('error', 'too-deep', deep.range?.[0] ?? 0, `the YAML is nested more than ${MAX_DEPTH} levels deep`, 'a manifest is at most 6 levels deep; check the indentation and brackets');
    return result(emptyManifest());
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    problems.atOffset('error', 'too-many-aliases', firstAlias(doc), `the YAML could not be read: ${(e as Error).message}`, 'use fewer anchors and aliases (*name); write the values out');
    return result(emptyManifest());
  }
  // Broken YAML: keep what could be read, but do not pile schema errors on top of syntax errors.
  if (doc.errors.length) return result(normalize(data));
  if (data === null || data === undefined) {
    problems.atOffset('error', 'empty-manifest', 0, 'the manifest is empty', 'start with "version: 1" and "system: {name: ...}", or run privacy-review manifest init');
    return result(emptyManifest());
  }

  const taxonomy = options.taxonomy ?? Taxonomy.default();
  validateSchema(data, problems);
  const manifest = normalize(data);
  validateVocabulary(manifest, taxonomy, problems);
  validateReferences(manifest, taxonomy, problems);
  validateRules(manifest, taxonomy, { today: options.today ?? new Date().toISOString().slice(0, 10) }, problems);
  return result(manifest);
}

/**
 * Read and validate the manifest of the project at `root` (`relPath` defaults to
 * `.privacy/manifest.yml`; problems name the file by that path). Undefined when there is no manifest;
 * a file that cannot be read is a LoadedManifest with an `unreadable` problem.
 */
export async function loadManifest(root: string, relPath: string = DEFAULT_MANIFEST_PATH, options: ParseManifestOptions = {}): Promise<LoadedManifest | undefined> {
  const file = path.resolve(root, relPath);
  const shown = relPath.split(path.sep).join('/');
  const found = await fs.stat(file).then(
    (stat) => ({ stat }),
    (error: NodeJS.ErrnoException) => ({ error }),
  );
  if ('error' in found) {
    const code = found.error.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return refused(shown, new LineCounter(), 'unreadable', `the manifest cannot be read (${code ?? found.error.message})`, 'check the file permissions');
  }
  const { stat } = found;
  if (!stat.isFile()) return refused(shown, new LineCounter(), 'unreadable', 'the manifest path is not a file', `put the manifest at ${shown}`);
  if (stat.size > MAX_MANIFEST_BYTES) {
    return refused(shown, new LineCounter(), 'too-large', `the manifest is ${stat.size} bytes, over the ${MAX_MANIFEST_BYTES}-byte (1 MiB) limit`, 'a manifest is a few hundred lines; check that this is the right file');
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return refused(shown, new LineCounter(), 'unreadable', `the manifest cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'check the file permissions');
  }
  return parseManifest(text, shown, options);
}

function refused(file: string, lines: LineCounter, code: 'too-large' | 'unreadable', message: string, hint: string): LoadedManifest {
  const positions = new Positions(undefined, lines, file, 0);
  const problems = new Problems(positions);
  problems.atOffset('error', code, 0, message, hint);
  return { file, manifest: emptyManifest(), problems: problems.done(), locate: (p) => positions.locate(p) };
}

/** The first node nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(doc: Document): YamlNode | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) return node as YamlNode;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document';
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'remove one of the two entries';
  if (code === 'MULTIPLE_DOCS') return 'keep a single YAML document (remove the extra "---")';
  if (code === 'TAG_RESOLVE_FAILED') return 'remove the tag; plain YAML values are enough';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces';
  if (code === 'RESOURCE_EXHAUSTION') return 'a manifest is at most 6 levels deep; check the indentation and brackets';
  return 'fix the YAML syntax at this position';
}
