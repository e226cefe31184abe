import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import { DEFAULT_STYLE, type YamlStyle } from './emit.js';

/**
 * How the author writes YAML, read from their manifest: indentation of nested mappings, whether a
 * list under a key is indented (`key:\n  - a`) or not (`key:\n- a`), and whether lists of keys are
 * written `[a, b]` or one item a line. New entries are written the same way.
 */
export function detectStyle(doc: Document, text: string): YamlStyle {
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  let flow = 0;
  let block = 0;
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return;
      const keyCol = column(pair.key.range[0]);
      const v = pair.value as YamlNode | null;
      if (isMap(v) && !v.flow && v.items[0] && isScalar(v.items[0].key) && v.items[0].key.range && indent === undefined) {
        const d = column(v.items[0].key.range[0]) - keyCol;
        if (d > 0) indent = d;
      }
      if (isSeq(v) && v.items.length) {
        const scalars = v.items.every((i) => isScalar(i));
        if (scalars) {
          if (v.flow) flow++;
          else block++;
        }
        if (!v.flow && indentSeq === undefined) {
          const first = v.items[0] as YamlNode;
          if (first.range) indentSeq = column(text.lastIndexOf('-', first.range[0] - 1)) > keyCol;
        }
      }
    },
  });
  return {
    indent: indent ?? DEFAULT_STYLE.indent,
    indentSeq: indentSeq ?? DEFAULT_STYLE.indentSeq,
    flowLists: flow || block ? flow >= block : DEFAULT_STYLE.flowLists,
    lineWidth: DEFAULT_STYLE.lineWidth,
  };
}
