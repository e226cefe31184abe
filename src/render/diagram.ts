import type { Finding, SinkKind } from '../core/contract.js';
import type { Review } from '../review/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { ReviewDigest } from './digest.js';
import { oneLine } from './escape.js';

/**
 * A Mermaid flowchart of what the pull request changes: which data categories reach which destination
 * (a sink, or the model that keeps a field), categories grouped on the left and destinations on the right.
 * Node ids are generated (`cat0`, `code1`, `sink2`), never taken from code, so no identifier can
 * collide with Mermaid keywords (`end`, `graph`) or break the syntax; labels are quoted and every
 * character outside a small safe set is written as a Mermaid entity code (`#96;` for a backtick), so a
 * label can neither end its node nor the surrounding Markdown code block.
 */
export interface Diagram {
  /** Mermaid source, without the fence. */
  source: string;
  edges: number;
  /** Edges not drawn because of the cap. */
  omitted: number;
}

export const MAX_DIAGRAM_EDGES = 30;

/** How an edge or node changed; higher wins when findings share one. */
type State = 'existing' | 'removed' | 'new' | 'undeclared';
const RANK: Record<State, number> = { existing: 0, removed: 1, new: 2, undeclared: 3 };

interface Node {
  id: string;
  label: string;
  shape: 'category' | 'code' | SinkKind;
  state: State;
}

interface Edge {
  from: Node;
  to: Node;
  state: State;
  order: number;
}

export function mermaidDiagram(review: Review, d: ReviewDigest, taxonomy: Taxonomy, maxEdges = MAX_DIAGRAM_EDGES): Diagram | undefined {
  const changed: [Finding, State][] = [
    ...d.actionable.map((r): [Finding, State] => [r.finding, 'undeclared']),
    ...d.newDeclared.map((r): [Finding, State] => [r.finding, 'new']),
    ...d.fixed.map((r): [Finding, State] => [r.finding, 'removed']),
  ];
  if (!changed.length) return undefined;
  // Context: unchanged flows into a destination this PR changes, so the reviewer sees what else it gets.
  const touchedSinks = new Set(changed.flatMap(([f]) => (f.sink ? [f.sink.id] : [])));
  const context = review.findings
    .filter((r) => r.status === 'unchanged' && !r.finding.suppressed && r.finding.sink && touchedSinks.has(r.finding.sink.id))
    .map((r): [Finding, State] => [r.finding, 'existing']);

  const nodes = new Map<string, Node>();
  const counters = { cat: 0, code: 0, sink: 0 };
  const node = (kind: 'cat' | 'code' | 'sink', key: string, label: string, shape: Node['shape']): Node => {
    const k = `${kind}\u0000${key}`;
    let n = nodes.get(k);
    if (!n) {
      n = { id: `${kind}${counters[kind]++}`, label, shape, state: 'existing' };
      nodes.set(k, n);
    }
    return n;
  };
  const edges = new Map<string, Edge>();
  const edge = (from: Node, to: Node, state: State) => {
    const k = `${from.id}>${to.id}`;
    const e = edges.get(k);
    if (!e) edges.set(k, { from, to, state, order: edges.size });
    else if (RANK[state] > RANK[e.state]) e.state = state;
  };
  // Which data reaches which destination: a field's destination is its model, where it is kept.
  for (const [f, state] of [...changed, ...context]) {
    const to = f.sink
      ? node('sink', f.sink.id, f.sink.label && f.sink.label !== f.sink.id ? `${f.sink.label} (${f.sink.id})` : f.sink.id, f.sink.kind)
      : node('code', f.symbol.split('.')[0], f.symbol.split('.')[0], 'code');
    for (const c of f.categories) edge(node('cat', c, taxonomy.label(c), 'category'), to, state);
  }

  const all = [...edges.values()].sort((a, b) => RANK[b.state] - RANK[a.state] || a.order - b.order);
  const drawn = all.slice(0, Math.max(0, maxEdges)).sort((a, b) => a.order - b.order);
  if (!drawn.length) return undefined;
  for (const e of drawn) {
    for (const n of [e.from, e.to]) if (RANK[e.state] > RANK[n.state]) n.state = e.state;
  }
  const used = [...new Set(drawn.flatMap((e) => [e.from, e.to]))];
  const lines = ['flowchart LR'];
  // Grouped: the data on the left, where it goes on the right.
  const group = (id: string, title: string, members: Node[]) => {
    if (!members.length) return;
    lines.push(`  subgraph ${id}["${title}"]`);
    for (const n of members) lines.push(`    ${n.id}${shape(n)}`);
    lines.push('  end');
  };
  group(
    'data',
    'Data',
    used.filter((n) => n.shape === 'category'),
  );
  group(
    'destinations',
    'Destinations',
    used.filter((n) => n.shape !== 'category'),
  );
  drawn.forEach((e) => lines.push(`  ${e.from.id} ${arrow(e.state)} ${e.to.id}`));
  lines.push(
    '  classDef undeclared fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#1f2328',
    '  classDef added fill:#fff8c5,stroke:#9a6700,color:#1f2328',
    '  classDef removed fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:4 3,color:#57606a',
  );
  const classes: Record<State, string | undefined> = { undeclared: 'undeclared', new: 'added', removed: 'removed', existing: undefined };
  for (const state of ['undeclared', 'new', 'removed'] as const) {
    const ids = used.filter((n) => n.state === state).map((n) => n.id);
    if (ids.length) lines.push(`  class ${ids.join(',')} ${classes[state]}`);
  }
  const styles: Record<State, string | undefined> = {
    undeclared: 'stroke:#cf222e,stroke-width:3px',
    new: 'stroke:#9a6700,stroke-width:2px',
    removed: 'stroke:#8c959f',
    existing: undefined,
  };
  for (const state of ['undeclared', 'new', 'removed'] as const) {
    const indexes = drawn.map((e, i) => (e.state === state ? i : -1)).filter((i) => i >= 0);
    if (indexes.length) lines.push(`  linkStyle ${indexes.join(',')} ${styles[state]}`);
  }
  return { source: lines.join('\n'), edges: drawn.length, omitted: all.length - drawn.length };
}

function arrow(state: State): string {
  return state === 'undeclared' ? '==>' : state === 'removed' ? '-.->' : '-->';
}

function shape(n: Node): string {
  const l = `"${mermaidText(n.label)}"`;
  switch (n.shape) {
    case 'category':
      return `([${l}])`;
    case 'code':
      return `[${l}]`;
    case 'datastore':
    case 'storage':
    case 'file':
    case 'browser_storage':
      return `[(${l})]`;
    case 'queue':
      return `{{${l}}}`;
    case 'logger':
    case 'error_reporter':
      return `[/${l}/]`;
    default:
      return `>${l}]`;
  }
}

/** Safe inside a quoted Mermaid label: anything but letters, digits and ` .,:_/-` becomes `#<code>;`. */
export function mermaidText(text: string, max = 60): string {
  let t = oneLine(text).trim();
  // Long paths keep their end, which names the file.
  if ([...t].length > max) t = `…${[...t].slice(-(max - 1)).join('')}`;
  let out = '';
  for (const ch of t) out += /[A-Za-z0-9 .,:_/-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}
