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
}

export interface Value {
  sources: Source[];
  params: ParamRef[];
}

export const EMPTY: Value = Object.freeze({ sources: [], params: [] }) as Value;

const MAX_SOURCES = 64;

export function union(values: readonly Value[]): Value {
  const nonEmpty = values.filter((v) => v.sources.length || v.params.length);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const v of nonEmpty) {
    for (const s of v.sources) {
      const key = `${s.category}\u0000${s.path.join('.')}`;
      if (seen.has(key) || sources.length >= MAX_SOURCES) continue;
      seen.add(key);
      sources.push(s);
    }
  }
  const params: ParamRef[] = [];
  // Per parameter node, the parts of it already kept.
  const seenParams = new Map<ts.ParameterDeclaration, Set<string>>();
  for (const v of nonEmpty) {
    for (const p of v.params) {
      const key = `${p.access.join('.')}\u0000${p.at.join('.')}\u0000${p.flat}`;
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
    .filter((s) => (s.path.length > 0 ? name === undefined || s.path[0] === name : isWritten(s) && (name === undefined || WRITTEN_PARTS.has(name))))
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

/** Members of a piece of written content that hold the writing itself. */
const WRITTEN_PARTS: ReadonlySet<string> = new Set(['text', 'content', 'contents', 'parts', 'body', 'value', 'html', 'markdown', 'message', 'data', 'input', 'output', 'buffer', 'stream']);

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
  for (const seg of ref.access) {
    cur = member(cur, seg === '*' ? undefined : seg);
    if (cur === EMPTY) return cur;
  }
  if (ref.flat) cur = flattened(cur);
  for (let i = ref.at.length - 1; i >= 0; i--) cur = prefixed(cur, ref.at[i]!);
  return cur;
}
