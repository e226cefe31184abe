import {
  LineCounter,
  YAMLParseError,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type YAMLError,
  type YAMLMap,
  type YAMLWarning,
} from 'yaml';
import { offsetPastTokenLimit } from './count-tokens.js';
import { oneLine } from './quote.js';

/**
 * How much work one document may ask for. The files read here come from pull requests: every
 * limit is far above what a real file needs, and keeps parsing and validation within a fraction of
 * a second at the limit.
 */
export interface YamlLimits {
  /** Nesting levels of mappings and lists. */
  maxDepth: number;
  /** Alias expansions when converting to plain data ("billion laughs"). */
  maxAliasCount: number;
  /** Keys in one mapping. */
  maxKeysPerMapping: number;
  /** Values in the document: scalars, aliases, mappings and lists. */
  maxNodes: number;
}

export type YamlRefusalCode = 'too-deep' | 'too-many-keys' | 'too-many-nodes' | 'too-many-aliases';

/** A document over a limit: not (fully) read, with where that was seen and what to do. */
export interface YamlRefusal {
  code: YamlRefusalCode;
  /** Character offset in the text. */
  offset: number;
  message: string;
  hint: string;
}

export interface BoundedYaml {
  /** Undefined when the document was refused before it was parsed. */
  doc?: Document.Parsed;
  /** Line starts, for positions of errors and nodes. */
  lines: LineCounter;
  /** Syntax errors and duplicate keys, in source order. */
  errors: YAMLError[];
  warnings: YAMLWarning[];
  /** Set when the document is over a limit; then `data` is undefined. */
  refusal?: YamlRefusal;
  /** The document as plain data. */
  data?: unknown;
}

const TOO_BIG_HINT = 'no real file is that large; check that this is the right file';

/**
 * Parse one YAML document with bounded work: a token count before parsing, then one pass over the
 * nodes for depth, keys per mapping, node count and duplicate keys (a Set per mapping: the `yaml`
 * library's own `uniqueKeys` check compares each key with every earlier one), then conversion with
 * bounded alias expansion. Never throws on content.
 */
export function parseBoundedYaml(text: string, limits: Readonly<YamlLimits>): BoundedYaml {
  const lines = new LineCounter();
  // Each value is at most two counted tokens (its entry indicator and itself): past twice the limit, it is surely over.
  const pastTokens = offsetPastTokenLimit(text, 2 * limits.maxNodes);
  if (pastTokens !== undefined) {
    countLines(text, lines);
    return { lines, errors: [], warnings: [], refusal: tooManyNodes(pastTokens, limits) };
  }

  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) {
    const errors = doc.errors.filter((e) => e !== exhausted);
    return {
      doc,
      lines,
      errors,
      warnings: doc.warnings,
      refusal: {
        code: 'too-deep',
        offset: exhausted.pos[0],
        message: 'the YAML is nested too deeply to read',
        hint: 'check the indentation and brackets',
      },
    };
  }

  const checked = checkNodes(doc, limits);
  const errors = checked.duplicates.length ? [...doc.errors, ...checked.duplicates].sort((a, b) => a.pos[0] - b.pos[0]) : doc.errors;
  if (checked.refusal) return { doc, lines, errors, warnings: doc.warnings, refusal: checked.refusal };
  try {
    return { doc, lines, errors, warnings: doc.warnings, data: doc.toJS({ maxAliasCount: limits.maxAliasCount }) };
  } catch (e) {
    const refusal: YamlRefusal = {
      code: 'too-many-aliases',
      offset: checked.firstAlias ?? 0,
      message: `the YAML could not be read: ${oneLine((e as Error).message)}`,
      hint: 'use fewer anchors and aliases (*name); write the values out',
    };
    return { doc, lines, errors, warnings: doc.warnings, refusal };
  }
}

interface NodeCheck {
  refusal?: YamlRefusal;
  duplicates: YAMLParseError[];
  firstAlias?: number;
}

/** One pass in document order, with an explicit stack (a deep document must not overflow ours). */
function checkNodes(doc: Document, limits: Readonly<YamlLimits>): NodeCheck {
  const duplicates: YAMLParseError[] = [];
  let firstAlias: number | undefined;
  let nodes = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node) continue; // a pair without a key or value node
    const offset = (node as YamlNode).range?.[0] ?? 0;
    if (++nodes > limits.maxNodes) return { refusal: tooManyNodes(offset, limits), duplicates };
    if (isAlias(node)) firstAlias ??= offset;
    if (!isCollection(node)) continue;
    if (depth > limits.maxDepth) {
      return {
        refusal: {
          code: 'too-deep',
          offset,
          message: `the YAML is nested more than ${limits.maxDepth} levels deep`,
          hint: 'check the indentation and brackets',
        },
        duplicates,
      };
    }
    if (isMap(node)) {
      if (node.items.length > limits.maxKeysPerMapping) {
        const first = (node.items[limits.maxKeysPerMapping].key as YamlNode | null)?.range?.[0] ?? offset;
        const refusal: YamlRefusal = {
          code: 'too-many-keys',
          offset: first,
          message: `a mapping has ${node.items.length} keys, over the limit of ${limits.maxKeysPerMapping}`,
          hint: 'no real file has that many keys in one mapping; check that this is the right file',
        };
        return { refusal, duplicates };
      }
      duplicates.push(...duplicateKeys(node));
    }
    // pushed last to first, so that they come off the stack in document order
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item: unknown = node.items[i];
      if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return { duplicates, ...(firstAlias !== undefined ? { firstAlias } : {}) };
}

/** Later keys equal to an earlier one, as `yaml` decides equality: scalars whose values are `===`. */
function duplicateKeys(map: YAMLMap): YAMLParseError[] {
  const seen = new Set<unknown>();
  const found: YAMLParseError[] = [];
  for (const pair of map.items) {
    const key: unknown = pair.key;
    // a Set finds NaN in itself, where === does not
    if (!isScalar(key) || Number.isNaN(key.value)) continue;
    if (!seen.has(key.value)) {
      seen.add(key.value);
      continue;
    }
    const start = key.range?.[0] ?? 0;
    found.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
  }
  return found;
}

function tooManyNodes(offset: number, limits: Readonly<YamlLimits>): YamlRefusal {
  return { code: 'too-many-nodes', offset, message: `the YAML holds more than ${limits.maxNodes} values`, hint: TOO_BIG_HINT };
}

/** The line starts the parser would have recorded, for a document refused before parsing. */
function countLines(text: string, lines: LineCounter): void {
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
}
