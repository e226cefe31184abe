import { stringify } from 'yaml';

/**
 * A small YAML writer for manifest entries: init, snippets and suggest write the same text, with
 * comments where a person has to decide, in the style of the manifest they go into.
 */

export type YValue = string | number | readonly string[] | YMap | readonly YMap[];

export interface YField {
  key: string;
  value: YValue;
  /** Comment at the end of the line (without `#`). */
  comment?: string;
  /** Comment lines before the field (without `#`). */
  before?: readonly string[];
}

export type YMap = readonly YField[];

export interface YamlStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** `key:\n  - item` (true) or `key:\n- item` (false). */
  indentSeq: boolean;
  /** Lists of strings as `[a, b]` (true) or one item a line. */
  flowLists: boolean;
  /** A `[a, b]` list longer than this many characters continues on the next lines. */
  lineWidth?: number;
}

export const DEFAULT_STYLE: YamlStyle = { indent: 2, indentSeq: true, flowLists: true, lineWidth: 100 };

/** A plain or quoted YAML scalar, as the yaml library would write it. */
export function scalar(v: string | number): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

/** `[a, b]`. */
export function flowList(items: readonly string[]): string {
  return `[${items.map((s) => scalarInFlow(s)).join(', ')}]`;
}

/**
 * `prefix[a, b, c]`, continued on lines indented to `continuation` when it would pass `width`
 * characters: a flow sequence may span lines, so a long list stays one value and reads as a paragraph.
 */
export function foldedFlowList(prefix: string, items: readonly string[], continuation: number, width: number, tail = ''): string[] {
  const one = `${prefix}${flowList(items)}${tail}`;
  if (one.length <= width || items.length < 2) return [one];
  const lines: string[] = [];
  let line = `${prefix}[`;
  items.forEach((item, i) => {
    const text = scalarInFlow(item) + (i < items.length - 1 ? ',' : ']');
    const fresh = line.endsWith('[') || /^\s*$/.test(line);
    if (!fresh && line.length + 1 + text.length > width) {
      lines.push(line);
      line = ' '.repeat(continuation) + text;
    } else {
      line += (fresh ? '' : ' ') + text;
    }
  });
  lines.push(line + tail);
  return lines;
}

/** Inside `[...]` and `{...}` commas and brackets are special too. */
function scalarInFlow(s: string): string {
  const plain = scalar(s);
  return /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(s) : plain;
}

function isMapList(v: YValue): v is readonly YMap[] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);
}

function isStringList(v: YValue): v is readonly string[] {
  return Array.isArray(v) && (v.length === 0 || typeof v[0] === 'string');
}

const comment = (c?: string) => (c ? `  # ${c}` : '');

/** Lines of a mapping whose keys start at column `col`. */
export function emitMap(map: YMap, style: YamlStyle, col = 0): string[] {
  const pad = ' '.repeat(col);
  const out: string[] = [];
  for (const f of map) {
    for (const b of f.before ?? []) out.push(b ? `${pad}# ${b}` : '');
    const v = f.value;
    if (typeof v === 'string' || typeof v === 'number') {
      out.push(`${pad}${f.key}: ${scalar(v)}${comment(f.comment)}`);
    } else if (isMapList(v)) {
      out.push(`${pad}${f.key}:${comment(f.comment)}`);
      for (const item of v) out.push(...emitSeqItem(item, style, col + (style.indentSeq ? style.indent : 0)));
    } else if (isStringList(v)) {
      if (style.flowLists || v.length === 0) {
        out.push(
          ...foldedFlowList(`${pad}${f.key}: `, v, col + style.indent, style.lineWidth ?? Number.POSITIVE_INFINITY, comment(f.comment)),
        );
      } else {
        out.push(`${pad}${f.key}:${comment(f.comment)}`);
        const dash = ' '.repeat(col + (style.indentSeq ? style.indent : 0));
        for (const s of v) out.push(`${dash}- ${scalar(s)}`);
      }
    } else {
      out.push(`${pad}${f.key}:${comment(f.comment)}`);
      out.push(...emitMap(v, style, col + style.indent));
    }
  }
  return out;
}

/** Lines of one `- key: value` sequence item: the dash at column `dashCol`, the keys at `innerCol`. */
export function emitSeqItem(map: YMap, style: YamlStyle, dashCol: number, innerCol = dashCol + 2): string[] {
  const lines = emitMap(map, style, innerCol);
  // The first key goes on the dash line; comment lines before it stay above the dash.
  const first = lines.findIndex((l) => !/^\s*(#|$)/.test(l));
  return lines.map((l, i) => {
    if (i === first) return `${' '.repeat(dashCol)}-${' '.repeat(innerCol - dashCol - 1)}${l.slice(innerCol)}`;
    // A comment about the item sits with its dash.
    if (i < first && l.trim()) return `${' '.repeat(dashCol)}${l.trimStart()}`;
    return l;
  });
}

/** `{key: value, ...}` for a flow sequence of mappings; comments cannot go there and are dropped. */
export function emitFlowMap(map: YMap): string {
  const parts = map.map((f) => {
    const v = f.value;
    if (typeof v === 'string' || typeof v === 'number') return `${f.key}: ${scalarInFlow(String(v))}`;
    if (isMapList(v)) return `${f.key}: [${v.map(emitFlowMap).join(', ')}]`;
    if (isStringList(v)) return `${f.key}: ${flowList(v)}`;
    return `${f.key}: ${emitFlowMap(v)}`;
  });
  return `{${parts.join(', ')}}`;
}

/** A plain object (for `entry`) from a YMap. */
export function toPlain(map: YMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of map) {
    const v = f.value;
    out[f.key] = typeof v === 'string' || typeof v === 'number' ? v : isMapList(v) ? v.map(toPlain) : isStringList(v) ? [...v] : toPlain(v);
  }
  return out;
}
