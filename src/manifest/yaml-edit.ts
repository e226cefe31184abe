import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { emitFlowMap, emitMap, emitSeqItem, flowList, scalar, type YamlStyle, type YMap, type YValue } from './emit.js';

interface Edit {
  at: number;
  /** Characters removed at `at`. */
  remove: number;
  text: string;
  /** Nesting of the collection the text goes into: at one offset, deeper content comes first (it ends a nested list before a new section starts). */
  depth: number;
  order: number;
}

/**
 * Splices new YAML into the original text at positions found in its Document, so that every line
 * that was there stays byte for byte (the Document's own `toString` would re-indent, re-quote, move
 * comments and refold text). New text is written in the author's style (see style.ts).
 */
export class YamlEditor {
  private readonly edits: Edit[] = [];
  /** Depth of the operation in progress (see Edit.depth). */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly style: YamlStyle,
  ) {}

  /** Append strings to the list `key` of the mapping at `path`, creating the key when missing. */
  appendScalars(path: (string | number)[], key: string, values: string[]): void {
    this.depth = path.length + 1;
    const owner = this.mapAt(path);
    if (!owner) return;
    const pair = findPair(owner, key);
    const seq = pair?.value;
    if (isSeq(seq)) {
      if (seq.flow) {
        const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
        if (last?.range) this.insert(last.range[1], `, ${values.map(flowScalar).join(', ')}`);
        else this.insert(this.text.indexOf('[', seq.range![0]) + 1, values.map(flowScalar).join(', '));
      } else {
        const { dash, inner } = this.itemColumns(seq);
        this.insert(this.endOfLine(seq), values.map((v) => `\n${' '.repeat(dash)}-${' '.repeat(inner - dash - 1)}${scalar(v)}`).join(''));
      }
      return;
    }
    this.setValue(owner, pair, key, values);
  }

  /** Append mappings to the list `key` of the mapping at `path`, creating the key when missing. */
  appendMaps(path: (string | number)[], key: string, items: YMap[]): void {
    this.depth = path.length + 1;
    const owner = this.mapAt(path);
    if (!owner || !items.length) return;
    const pair = findPair(owner, key);
    const seq = pair?.value;
    if (isSeq(seq) && seq.flow && seq.items.length) {
      const last = seq.items[seq.items.length - 1] as YamlNode;
      this.insert(last.range![1], items.map((i) => `, ${emitFlowMap(i)}`).join(''));
      return;
    }
    if (isSeq(seq) && !seq.flow) {
      const { dash, inner } = this.itemColumns(seq);
      const gap = seq.items.slice(1).some((i) => (i as YamlNode).spaceBefore) ? '\n' : '';
      const lines = items.map((i) => gap + '\n' + emitSeqItem(i, this.style, dash, inner).join('\n'));
      this.insert(this.endOfLine(seq), lines.join(''));
      return;
    }
    this.setValue(owner, pair, key, items);
  }

  /** Give `key` a value when it is missing, empty (`key:`, `key: ~`) or an empty flow list (`key: []`). */
  private setValue(owner: YAMLMap, pair: Pair | undefined, key: string, value: YValue): void {
    // A new key belongs to the mapping itself, one level up from the lists inside it.
    this.depth--;
    if (owner.flow) {
      const part = emitFlowMap([{ key, value }]).slice(1, -1);
      if (pair) return; // a flow mapping with a non-list value: left alone (the schema reports it)
      const last = owner.items[owner.items.length - 1];
      const end = last ? ((last.value as YamlNode | null)?.range?.[1] ?? (last.key as YamlNode).range![1]) : undefined;
      if (end !== undefined) this.insert(end, `, ${part}`);
      else this.insert(this.text.indexOf('{', owner.range![0]) + 1, ` ${part} `);
      return;
    }
    const col = this.column(pairStart(owner));
    if (!pair) {
      const lines = emitMap([{ key, value }], this.style, col);
      this.insert(this.endOfLine(owner), `\n${lines.join('\n')}`);
      return;
    }
    const v = pair.value as YamlNode | null;
    const emptyValue = !v || (isScalar(v) && v.value === null) || ((isSeq(v) || isMap(v)) && v.flow && !v.items.length);
    if (!emptyValue) return; // a scalar where a list belongs: left alone (the schema reports it)
    let written = v?.range && v.range[1] > v.range[0] ? { at: v.range[0], length: v.range[1] - v.range[0] } : undefined;
    // `key: []` and `key: ~` lose the value and the space before it
    while (written && this.text[written.at - 1] === ' ' && this.text[written.at - 2] !== ':')
      written = { at: written.at - 1, length: written.length + 1 };
    // `key: value` in the author's style: a flow list stays on the key's line, anything else goes under it
    const lines = emitMap([{ key, value }], this.style, col);
    const body = lines.slice(1);
    const keyNode = pair.key as YamlNode;
    if (!body.length) {
      const inline = lines[0].slice(lines[0].indexOf(':') + 2);
      if (written) this.replace(written.at, written.length, inline);
      else this.insert(this.text.indexOf(':', keyNode.range![1]) + 1, ` ${inline}`);
      return;
    }
    if (written) {
      const space = this.text[written.at - 1] === ' ' ? 1 : 0;
      this.replace(written.at - space, written.length + space, '');
    }
    this.insert(this.lineEnd(keyNode.range![0]), `\n${body.join('\n')}`);
  }

  hasMap(path: (string | number)[]): boolean {
    return this.mapAt(path) !== undefined;
  }

  /** Give a top-level key that is missing or empty a mapping value. */
  setSection(key: string, value: YMap): void {
    this.depth = 1;
    const root = this.doc.contents as YAMLMap;
    this.setValue(root, findPair(root, key), key, value);
  }

  private mapAt(path: (string | number)[]): YAMLMap | undefined {
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      if (isMap(node)) node = findPair(node, String(seg))?.value;
      else if (isSeq(node)) node = node.items[Number(seg)];
      else return undefined;
    }
    return isMap(node) ? node : undefined;
  }

  /** Columns of the `-` and of the item text in a block sequence, from its first item. */
  private itemColumns(seq: YAMLSeq): { dash: number; inner: number } {
    const first = seq.items[0] as YamlNode | undefined;
    const start = first?.range?.[0] ?? seq.range![0];
    const dashAt = this.text.lastIndexOf('-', start - 1);
    const dash = this.column(dashAt);
    return { dash, inner: Math.max(this.column(start), dash + 2) };
  }

  /** End of the last line of a block node (before its newline): new lines go there. */
  private endOfLine(node: YamlNode): number {
    const [start, end] = node.range!;
    let last = Math.max(start, end - 1);
    // The range of a block collection ends after its newline (and a value after trailing blank lines).
    while (last > start && /\s/.test(this.text[last])) last--;
    return this.lineEnd(last);
  }

  /** Offset of the line break after `offset` (before `\r\n`), or the end of the text. */
  private lineEnd(offset: number): number {
    const i = this.text.indexOf('\n', offset);
    if (i < 0) return this.text.length;
    return i > 0 && this.text[i - 1] === '\r' ? i - 1 : i;
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private insert(at: number, text: string): void {
    this.replace(at, 0, text);
  }

  private replace(at: number, length: number, text: string): void {
    this.edits.push({ at, remove: length, text, depth: this.depth, order: this.edits.length });
  }

  result(): string {
    let out = this.text;
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    // From the end, so offsets stay valid. At one offset, what is applied first ends up last: new
    // sections (shallow) after the ends of nested lists, and among equals the first edit first.
    for (const e of [...this.edits].sort((a, b) => b.at - a.at || a.depth - b.depth || b.order - a.order)) {
      out = out.slice(0, e.at) + e.text.replace(/\n/g, eol) + out.slice(e.at + e.remove);
    }
    // A new section at the end of a file without a final newline
    return out.endsWith('\n') || !this.text.endsWith('\n') ? out : `${out}${eol}`;
  }
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

function pairStart(map: YAMLMap): number {
  const first = map.items[0];
  return (first?.key as YamlNode | undefined)?.range?.[0] ?? map.range![0];
}

function flowScalar(v: string): string {
  return flowList([v]).slice(1, -1);
}
