import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter } from 'yaml';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { parseBoundedYaml, type YamlLimits } from '../yaml/bounded-parse.js';
import { oneLine } from '../yaml/quote.js';
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
/**
 * The manifest is 6 levels deep, a mapping has a few dozen keys, a large manifest a few thousand
 * values: far more is a mistake or an attack on the parser, and is refused before it is converted.
 */
export const MANIFEST_YAML_LIMITS: Readonly<YamlLimits> = { maxDepth: 64, maxAliasCount: 100, maxKeysPerMapping: 5_000, maxNodes: 200_000 };

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
  // Size first: a huge file is refused before the parser sees it.
  if (text.length > MAX_MANIFEST_BYTES || Buffer.byteLength(text, 'utf8') > MAX_MANIFEST_BYTES) {
    return refused(
      file,
      new LineCounter(),
      'too-large',
      `the manifest is ${Buffer.byteLength(text, 'utf8')} bytes, over the ${MAX_MANIFEST_BYTES}-byte (1 MiB) limit`,
      'a manifest is a few hundred lines; check that this is the right file',
    );
  }
  const yaml = parseBoundedYaml(text, MANIFEST_YAML_LIMITS);
  const positions = new Positions(yaml.doc, yaml.lines, file, text.length);
  const problems = new Problems(positions);
  const result = (manifest: Manifest): LoadedManifest => ({
    file,
    manifest,
    problems: problems.done(),
    locate: (p) => positions.locate(p),
  });

  for (const e of yaml.errors)
    problems.atOffset(
      'error',
      e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
      e.pos[0],
      yamlMessage(e.code, e.message),
      yamlHint(e.code),
    );
  for (const w of yaml.warnings) problems.atOffset('warning', 'yaml-warning', w.pos[0], yamlMessage(w.code, w.message), yamlHint(w.code));
  if (yaml.refusal) {
    const { code, offset, message, hint } = yaml.refusal;
    problems.atOffset(
      'error',
      code,
      offset,
      message,
      code === 'too-deep' ? 'a manifest is at most 6 levels deep; check the indentation and brackets' : hint,
    );
    return result(emptyManifest());
  }
  const data = yaml.data;
  // Broken YAML: keep what could be read, but do not pile schema errors on top of syntax errors.
  if (yaml.errors.length) return result(normalize(data));
  if (data === null || data === undefined) {
    problems.atOffset(
      'error',
      'empty-manifest',
      0,
      'the manifest is empty',
      'start with "version: 1" and "system: {name: ...}", or run privacy-review manifest init',
    );
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
export async function loadManifest(
  root: string,
  relPath: string = DEFAULT_MANIFEST_PATH,
  options: ParseManifestOptions = {},
): Promise<LoadedManifest | undefined> {
  const file = path.resolve(root, relPath);
  const shown = relPath.split(path.sep).join('/');
  const found = await fs.stat(file).then(
    (stat) => ({ stat }),
    (error: NodeJS.ErrnoException) => ({ error }),
  );
  if ('error' in found) {
    const code = found.error.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return refused(
      shown,
      new LineCounter(),
      'unreadable',
      `the manifest cannot be read (${code ?? found.error.message})`,
      'check the file permissions',
    );
  }
  const { stat } = found;
  if (!stat.isFile())
    return refused(shown, new LineCounter(), 'unreadable', 'the manifest path is not a file', `put the manifest at ${shown}`);
  if (stat.size > MAX_MANIFEST_BYTES) {
    return refused(
      shown,
      new LineCounter(),
      'too-large',
      `the manifest is ${stat.size} bytes, over the ${MAX_MANIFEST_BYTES}-byte (1 MiB) limit`,
      'a manifest is a few hundred lines; check that this is the right file',
    );
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return refused(
      shown,
      new LineCounter(),
      'unreadable',
      `the manifest cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      'check the file permissions',
    );
  }
  return parseManifest(text, shown, options);
}

function refused(file: string, lines: LineCounter, code: 'too-large' | 'unreadable', message: string, hint: string): LoadedManifest {
  const positions = new Positions(undefined, lines, file, 0);
  const problems = new Problems(positions);
  problems.atOffset('error', code, 0, message, hint);
  return { file, manifest: emptyManifest(), problems: problems.done(), locate: (p) => positions.locate(p) };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document';
  const first = oneLine(message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'remove one of the two entries';
  if (code === 'MULTIPLE_DOCS') return 'keep a single YAML document (remove the extra "---")';
  if (code === 'TAG_RESOLVE_FAILED') return 'remove the tag; plain YAML values are enough';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces';
  return 'fix the YAML syntax at this position';
}
