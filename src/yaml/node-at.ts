import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { MAX_QUOTED_CHARS, quote } from './quote.js';

/** A path of keys and indexes into a YAML document: `['flows', 2, 'categories']`. */
export type YamlPath = readonly (string | number)[];

/** The YAML node at a path of keys and indexes; aliases are followed to their anchors. */
export function nodeAt(doc: Document, path: YamlPath): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node;
      // `key:` with nothing after it: the key is where a person looks
      node = pair.value && !(isScalar(pair.value) && pair.value.value === null) ? pair.value : pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!item) return node;
      node = item;
    } else {
      break;
    }
  }
  return (node ?? undefined) as YamlNode | undefined;
}

/** The key node of `key` in the mapping at `path`. */
export function keyNodeAt(doc: Document, path: YamlPath, key: string): YamlNode | undefined {
  let map: unknown = nodeAt(doc, path);
  if (isAlias(map)) map = map.resolve(doc);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as YamlNode | undefined) ?? undefined;
}

/** `flows[2].categories[0]`, `classifier.names["user.contact.email"]`, for messages: one line, keys quoted and cut as by quote(). */
export function displayPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d{1,15}$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg) && seg.length <= MAX_QUOTED_CHARS) out += out ? `.${seg}` : seg;
    else out += `[${quote(seg)}]`;
  }
  return out;
}
