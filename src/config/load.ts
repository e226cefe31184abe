import { APP_KEYS } from './app-keys.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { displayPath as displayKeyPath, keyNodeAt, nodeAt } from '../yaml/node-at.js';
import { parseBoundedYaml, type BoundedYaml, type YamlLimits } from '../yaml/bounded-parse.js';
import { inline, oneLine, quote } from '../yaml/quote.js';
import { article, pointer, schemaAt as schemaIn, typeName, valueAt } from '../yaml/schema-errors.js';
import { DEFAULT_CONFIG, type ScanConfig } from './types.js';
import { CONFIG_SCHEMA } from './schema.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { MAX_SUGGESTION_INPUT, closest } from './suggest.js';
import { Taxonomy, type CustomCategory } from '../taxonomy/taxonomy.js';

/** Where the configuration is looked for, in order, relative to the scan root. */
export const CONFIG_FILE_NAMES = [
  '.privacy-review.yml',
  '.privacy-review.yaml',
  '.github/privacy-review.yml',
  '.github/privacy-review.yaml',
];

/** A configuration is a few kilobytes; anything far larger is a mistake or an attack on the parser. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/**
 * A configuration is a few levels deep with tens of keys and at most a few thousand values; far more
 * is a mistake or an attack on the parser (aliases: the exponential "billion laughs" expansion).
 */
export const CONFIG_YAML_LIMITS: Readonly<YamlLimits> = { maxDepth: 64, maxAliasCount: 100, maxKeysPerMapping: 5_000, maxNodes: 50_000 };

export interface LoadedConfig {
  config: ScanConfig;
  /** The file it came from, as given or found; undefined when the defaults apply. */
  file?: string;
}

export interface LoadConfigOptions {
  /** An explicit file (`--config`); it must exist. */
  configFile?: string;
  /** Base for relative paths in messages (default: the process's working directory). */
  cwd?: string;
}

/** The configuration for a scan of `root`: an explicit file, else the first of CONFIG_FILE_NAMES, else the defaults. */
export async function loadConfig(root: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  let file = options.configFile ? path.resolve(cwd, options.configFile) : undefined;
  if (!file) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(root, name);
      if (await isFile(candidate)) {
        file = candidate;
        break;
      }
    }
    if (!file) return { config: DEFAULT_CONFIG };
  }
  const shown = displayPath(file, cwd);
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) {
    throw new ConfigError([{ file: shown, line: 1, column: 1, message: 'configuration file not found', hint: 'check the --config path' }]);
  }
  if (stat.size > MAX_CONFIG_BYTES) {
    throw new ConfigError([
      {
        file: shown,
        line: 1,
        column: 1,
        message: `configuration file is ${stat.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit`,
        hint: 'a configuration is a few kilobytes; check that this is the right file',
      },
    ]);
  }
  return { config: parseConfig(await fs.readFile(file, 'utf8'), shown), file: shown };
}

/** Parse and validate configuration text; `file` is only used in messages. Throws ConfigError. */
export function parseConfig(text: string, file: string): ScanConfig {
  if (text.length > MAX_CONFIG_BYTES) {
    throw new ConfigError([
      {
        file,
        line: 1,
        column: 1,
        message: `configuration is over the ${MAX_CONFIG_BYTES}-byte limit`,
        hint: 'a configuration is a few kilobytes',
      },
    ]);
  }
  const yaml = parseBoundedYaml(text, CONFIG_YAML_LIMITS);
  const unreadable = yamlProblems(yaml, text, file);
  if (unreadable.length || !yaml.doc) throw new ConfigError(unreadable);
  const { doc, data } = yaml;
  const at = (offset: number) => yaml.lines.linePos(Math.min(Math.max(offset, 0), text.length));
  if (data === null || data === undefined) return DEFAULT_CONFIG; // an empty file means "defaults"

  const problems = validate(data).map((e) => describe(e, data, doc, file, at));
  if (!problems.length) problems.push(...semanticProblems(data, doc, file, at));
  if (problems.length) throw new ConfigError(dedupe(problems));
  const scanSettings = Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(([key]) => !(APP_KEYS as readonly string[]).includes(key)),
  );
  return { ...DEFAULT_CONFIG, ...(scanSettings as Partial<ScanConfig>) };
}

/** Syntax errors, duplicate keys, warnings and a refusal (a document over the limits) of a configuration's YAML. */
export function yamlProblems(yaml: BoundedYaml, text: string, file: string): ConfigProblem[] {
  const at = (offset: number) => yaml.lines.linePos(Math.min(Math.max(offset, 0), text.length));
  const problems = [...yaml.errors, ...yaml.warnings].map((e): ConfigProblem => {
    const pos = at(e.pos[0]);
    const message =
      e.code === 'MULTIPLE_DOCS'
        ? 'the file holds more than one YAML document'
        : lowerFirst(oneLine(e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
    return { file, line: pos.line, column: pos.col, message, hint: yamlHint(e.code) };
  });
  if (yaml.refusal) {
    const pos = at(yaml.refusal.offset);
    problems.push({ file, line: pos.line, column: pos.col, message: yaml.refusal.message, hint: yaml.refusal.hint });
  }
  return problems;
}

let compiled: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addVocabulary(['x-hint']);
    compiled = ajv.compile(CONFIG_SCHEMA);
  }
  void compiled(data); // synchronous: the schema has no async keywords
  // `propertyNames` repeats the error of its sub-schema; `if`-style wrappers add nothing either
  return (compiled.errors ?? []).filter((e) => e.keyword !== 'propertyNames');
}

type At = (offset: number) => { line: number; col: number };

/** An ajv error as a positioned, actionable problem. */
function describe(e: ErrorObject, data: unknown, doc: Document, file: string, at: At): ConfigProblem {
  const segments = pointer(e.instancePath);
  const where = displayKeyPath(segments);
  const schema = schemaIn(CONFIG_SCHEMA, e.schemaPath);
  const value = valueAt(data, segments);
  let message: string;
  let hint = schema?.['x-hint'] as string | undefined;
  let node = nodeAt(doc, segments);
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((schema?.properties as object | undefined) ?? {});
      node = keyNodeAt(doc, segments, key) ?? node;
      message = `unknown key ${quote(key)}${where ? ` in ${where}` : ''}`;
      const suggestion = closest(key, allowed);
      hint = suggestion ? `did you mean "${suggestion}"?` : `allowed keys: ${allowed.join(', ')}`;
      break;
    }
    case 'required': {
      const key = String(e.params.missingProperty);
      message = `${where || 'the configuration'} is missing "${key}"`;
      const propertySchema = (schema?.properties as Record<string, Record<string, unknown>> | undefined)?.[key];
      hint = (propertySchema?.['x-hint'] as string | undefined) ?? hint;
      break;
    }
    case 'type': {
      const expected = String(e.params.type);
      message =
        value === null
          ? `${where || 'the configuration'} is empty; it must be ${article(expected)}`
          : `${where || 'the configuration'} must be ${article(expected)}, not ${article(typeName(value))}`;
      break;
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      message = `${where} must be one of ${allowed.join(', ')}, not ${quote(value)}`;
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      if (suggestion) hint = `did you mean "${suggestion}"?`;
      break;
    }
    case 'pattern':
    case 'minLength':
      if (propertyName !== undefined) {
        node = keyNodeAt(doc, segments, propertyName) ?? node;
        message = `${quote(propertyName)} is not a valid key in ${where}`;
      } else {
        message =
          value === '' || (typeof value === 'string' && !value.trim())
            ? `${where} must not be empty`
            : `${where} ${quote(value)} is not valid`;
      }
      break;
    case 'minItems':
      message = `${where} must list at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`;
      break;
    case 'minimum':
      message = `${where} must be at least ${e.params.limit}, not ${quote(value)}`;
      break;
    default:
      message = `${where || 'the configuration'} ${e.message ?? 'is not valid'}`;
  }
  const pos = at(node?.range?.[0] ?? 0);
  return { file, line: pos.line, column: pos.col, message, ...(hint ? { hint } : {}) };
}

/**
 * What the schema cannot say: custom categories must fit the taxonomy, category keys must exist (or
 * be declared under classifier.categories), regular expressions must compile. Found here, they get a
 * position in the file instead of failing the scan later.
 */
function semanticProblems(config: Partial<ScanConfig>, doc: Document, file: string, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (segments: string[], message: string, hint?: string, key?: string) => {
    const node = key !== undefined ? keyNodeAt(doc, segments, key) : nodeAt(doc, segments);
    const pos = at(node?.range?.[0] ?? 0);
    problems.push({ file, line: pos.line, column: pos.col, message, ...(hint ? { hint } : {}) });
  };
  const classifier = (config.classifier ?? {}) as {
    categories?: CustomCategory[];
    names?: Record<string, string[]>;
    patterns?: Record<string, string[]>;
  };

  let taxonomy = Taxonomy.default();
  (classifier.categories ?? []).forEach((category, i) => {
    try {
      taxonomy = taxonomy.withCustom([category]);
    } catch (e) {
      const [message, hint] = splitHint((e as Error).message);
      problem(['classifier', 'categories', String(i)], `classifier.categories[${i}]: ${message}`, hint);
    }
  });
  for (const section of ['names', 'patterns'] as const) {
    for (const key of Object.keys(classifier[section] ?? {})) {
      if (taxonomy.has(key)) continue;
      const replacement = taxonomy.deprecation(key)?.replacedBy;
      const near = key.length > MAX_SUGGESTION_INPUT ? [] : taxonomy.suggest(key);
      const hint = replacement
        ? `it is deprecated; use "${replacement}"`
        : near.length
          ? `did you mean ${near.map((k) => `"${k}"`).join(' or ')}? (or declare it under classifier.categories)`
          : 'declare it under classifier.categories first';
      problem(['classifier', section], `unknown data category ${quote(key)} in classifier.${section}`, hint, key);
    }
  }
  for (const [category, list] of Object.entries(classifier.patterns ?? {})) {
    list.forEach((source, i) => {
      try {
        new RegExp(source);
      } catch (e) {
        const segments = ['classifier', 'patterns', category, String(i)];
        const reason = regexError((e as Error).message, source);
        problem(
          segments,
          `${displayKeyPath(segments)} is not a valid regular expression (${reason})`,
          'use JavaScript regular expression syntax, quoted, e.g. "^nir$"',
        );
      }
    });
  }
  return problems;
}

/**
 * What is wrong with a pattern, from V8's `Invalid regular expression: /source/: reason`: the
 * source is shown (quoted) only when it fits on a line, since it may hold a newline.
 */
function regexError(message: string, source: string): string {
  const detail = message.replace(/^Invalid regular expression: /, '');
  const shown = `/${source}/`;
  if (!detail.startsWith(`${shown}: `)) return inline(detail);
  const reason = detail.slice(shown.length + 2);
  return inline(shown) === shown ? detail : `${quote(source)}: ${inline(reason)}`;
}

/** The taxonomy's messages end with their own advice ("... not in the taxonomy. Did you mean ...?"): keep it as the hint. */
function splitHint(message: string): [string, string | undefined] {
  const text = lowerFirst(message.replace(/\.$/, ''));
  const at = text.search(/\. (?=[A-Z])/);
  return at < 0 ? [text, undefined] : [text.slice(0, at), lowerFirst(text.slice(at + 2))];
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'remove one of the two entries';
  if (code === 'MULTIPLE_DOCS') return 'keep a single YAML document (remove the extra "---")';
  if (code === 'TAG_RESOLVE_FAILED') return 'remove the tag; plain YAML values are enough';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces';
  return 'fix the YAML syntax at this position';
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}
