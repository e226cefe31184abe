import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { nodeAt, keyNodeAt } from '../yaml/node-at.js';
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

export { nodeAt, keyNodeAt, displayPath } from '../yaml/node-at.js';
