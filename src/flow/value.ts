import type { ts } from 'ts-morph';
import type { Confidence, TraceStep } from '../core/contract.js';

/** Personal data inside a value; `path` says where (`['email']` in a `User`, `[]` for the value itself). */
export interface Source {
  category: string;
  confidence: Confidence;
  /** Source text that introduced it: `user.email`, `customer: Customer`. */
  origin: string;
  trace: TraceStep[];
  path: string[];
}

/** A value that depends on a function parameter: resolved per call site into the argument's sources. */
export interface ParamRef {
  param: ts.ParameterDeclaration;
  /** Which part of the argument flows here (`u.email` reads `['email']` of the argument). */
  access: string[];
  /** Where that part sits in this value (`{ user: u }` puts it under `['user']`). */
  at: string[];
  /** The part was turned into text (template, JSON.stringify): its structure is gone. */
  flat: boolean;
  trace: TraceStep[];
  /**
   * Keys left out of the part read (`const { a, ...rest } = p`: rest is p without `a`): after the
   * first `at` segments of `access`.
   */
  without?: { at: number; keys: readonly string[] };
}

export interface Value {
  sources: Source[];
  params: ParamRef[];
}

export const EMPTY: Value = Object.freeze({ sources: [], params: [] });

const MAX_SOURCES = 64;
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

export function union(values: readonly Value[]): Value {
  const nonEmpty = values.filter((v) => v.sources.length || v.params.length);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  const sources: Source[] = [];
  // Per category and path, where its source is kept: the first, unless a later one is more certain
  // (`{ userId: user.id }`: the key says for sure what the value only hints at).
  const seen = new Map<string, number>();
  for (const v of nonEmpty) {
    for (const s of v.sources) {
      const key = `${s.category}\u0000${s.path.join('.')}`;
      const at = seen.get(key);
      if (at !== undefined) {
        if (RANK[s.confidence] > RANK[sources[at].confidence]) sources[at] = s;
        continue;
      }
      if (sources.length >= MAX_SOURCES) continue;
      seen.set(key, sources.length);
      sources.push(s);
    }
  }
  const params: ParamRef[] = [];
  // Per parameter node, the parts of it already kept.
  const seenParams = new Map<ts.ParameterDeclaration, Set<string>>();
  for (const v of nonEmpty) {
    for (const p of v.params) {
      const key = `${p.access.join('.')}\u0000${p.at.join('.')}\u0000${p.flat}\u0000${p.without ? `${p.without.at}:${p.without.keys.join(',')}` : ''}`;
      let seen = seenParams.get(p.param);
      if (!seen) seenParams.set(p.param, (seen = new Set()));
      if (seen.has(key)) continue;
      seen.add(key);
      params.push(p);
    }
  }
  return { sources, params };
}

/** The value nested under `prefix` in an object: `{ user: u }` puts u's data under `user`. */
export function prefixed(v: Value, prefix: string): Value {
  if (v === EMPTY) return v;
  return {
    sources: v.sources.map((s) => ({ ...s, path: [prefix, ...s.path] })),
    params: v.params.map((p) => ({ ...p, at: [prefix, ...p.at] })),
  };
}

/**
 * Reading property `name` of a value keeps what lies under it. `name === undefined` is a computed
 * access: keep everything one level down.
 */
export function member(v: Value, name: string | undefined): Value {
  if (v === EMPTY) return v;
  // What a person wrote stays their words in its parts (`message.parts[0].text`), not in its
  // metadata (`journalEntry.tag`).
  const sources = v.sources
    .filter((s) =>
      s.path.length > 0 ? name === undefined || s.path[0] === name : isWritten(s) && (name === undefined || WRITTEN_PARTS.has(name)),
    )
    .map((s) => (s.path.length ? { ...s, path: s.path.slice(1) } : s));
  // A parameter is symbolic: reading a member narrows what part of the argument flows on.
  const params: ParamRef[] = [];
  for (const p of v.params) {
    if (p.flat) continue;
    if (p.at.length === 0) params.push({ ...p, access: [...p.access, name ?? '*'] });
    else if (name === undefined || p.at[0] === name) params.push({ ...p, at: p.at.slice(1) });
  }
  return sources.length || params.length ? { sources, params } : EMPTY;
}

/** The value without the named top-level keys: the rest of `const { a, ...rest } = value`. */
export function omitted(v: Value, keys: readonly string[]): Value {
  if (v === EMPTY || keys.length === 0) return v;
  const sources = v.sources.filter((s) => s.path.length === 0 || !keys.includes(s.path[0]));
  const params: ParamRef[] = [];
  for (const p of v.params) {
    if (p.flat) params.push(p);
    else if (p.at.length === 0) params.push(p.without ? p : { ...p, without: { at: p.access.length, keys } });
    else if (!keys.includes(p.at[0])) params.push(p);
  }
  return sources.length || params.length ? { sources, params } : EMPTY;
}

/** Members of a piece of written content that hold the writing itself. */
const WRITTEN_PARTS: ReadonlySet<string> = new Set([
  'text',
  'content',
  'contents',
  'parts',
  'body',
  'value',
  'html',
  'markdown',
  'message',
  'data',
  'input',
  'output',
  'buffer',
  'stream',
]);

function isWritten(s: Source): boolean {
  return s.category === 'user.content' || s.category.startsWith('user.content.');
}

/** Turning a value into text (template, concatenation, JSON.stringify) keeps the data but loses structure. */
export function flattened(v: Value): Value {
  if (v === EMPTY) return v;
  return {
    sources: v.sources.map((s) => (s.path.length ? { ...s, path: [] } : s)),
    params: v.params.map((p) => ({ ...p, at: [], flat: true })),
  };
}

export function withStep(v: Value, step: TraceStep): Value {
  if (v === EMPTY) return v;
  return {
    sources: v.sources.map((s) => ({ ...s, trace: appendStep(s.trace, step) })),
    params: v.params.map((p) => ({ ...p, trace: appendStep(p.trace, step) })),
  };
}

const MAX_TRACE = 8;

function appendStep(trace: TraceStep[], step: TraceStep): TraceStep[] {
  const last = trace[trace.length - 1];
  if (last && last.file === step.file && last.line === step.line) return trace;
  if (trace.length >= MAX_TRACE) return [...trace.slice(0, 1), ...trace.slice(trace.length - MAX_TRACE + 2), step];
  return [...trace, step];
}

/** The part of an argument's value that a parameter reference stands for, placed where the reference sits. */
export function substitute(arg: Value, ref: ParamRef): Value {
  let cur = arg;
  for (let i = 0; i <= ref.access.length; i++) {
    if (ref.without?.at === i) cur = omitted(cur, ref.without.keys);
    if (i === ref.access.length) break;
    const seg = ref.access[i];
    cur = member(cur, seg === '*' ? undefined : seg);
    if (cur === EMPTY) return cur;
  }
  if (ref.flat) cur = flattened(cur);
  for (let i = ref.at.length - 1; i >= 0; i--) cur = prefixed(cur, ref.at[i]);
  return cur;
}
