import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import type { DeclarationLocation } from './types.js';

export type ManifestPath = readonly (string | number)[];

/**
 * Positions of manifest entities in the YAML source. Paths are keys and indexes into the document
 * (`['flows', 2, 'categories', 0]`); a path that does not exist resolves to its nearest existing
 * ancestor, so every problem gets a position a person can jump to.
 */
export class Positions {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
    private readonly file: string,
    private readonly length: number,
  ) {}

  /** The value node at `path` (or the key when the value is empty). */
  locate(path: ManifestPath): DeclarationLocation {
    return this.at(this.doc ? nodeAt(this.doc, path) : undefined);
  }

  /** The key node `key` of the mapping at `path`, e.g. an unknown key. */
  locateKey(path: ManifestPath, key: string): DeclarationLocation {
    return this.at(this.doc ? (keyNodeAt(this.doc, path, key) ?? nodeAt(this.doc, path)) : undefined);
  }

  /** 1-based line and column of a character offset. */
  offset(offset: number): DeclarationLocation {
    const pos = this.lines.linePos(Math.min(Math.max(offset, 0), this.length));
    // A file refused before parsing has no lines counted: its problems are at 1:1.
    return { file: this.file, line: Math.max(pos.line, 1), column: Math.max(pos.col, 1) };
  }

  private at(node: YamlNode | undefined): DeclarationLocation {
    return this.offset(node?.range?.[0] ?? 0);
  }
}

/** The YAML node at a path of keys and indexes; aliases are followed to their anchors. */
export function nodeAt(doc: Document, path: ManifestPath): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node as YamlNode;
      // `key:` with nothing after it: the key is where a person looks
      node = pair.value && !(isScalar(pair.value) && pair.value.value === null) ? pair.value : pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!item) return node as YamlNode;
      node = item;
    } else {
      break;
    }
  }
  return (node ?? undefined) as YamlNode | undefined;
}

/** The key node of `key` in the mapping at `path`. */
export function keyNodeAt(doc: Document, path: ManifestPath, key: string): YamlNode | undefined {
  let map: unknown = nodeAt(doc, path);
  if (isAlias(map)) map = map.resolve(doc);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as YamlNode | undefined) ?? undefined;
}

/** `flows[2].categories[0]`, `logging.allowedCategories`, for messages. */
export function displayPath(path: ManifestPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
