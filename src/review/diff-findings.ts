import type { Finding } from '../core/contract.js';
import type { MatchedFinding, ReviewedFinding } from './types.js';

export interface FindingDiffInput {
  /** Findings of the base side (merge base), judged against the base manifest. */
  base: readonly MatchedFinding[];
  /** Findings of the head side, judged against the head manifest. */
  head: readonly MatchedFinding[];
  /** Renamed files, base path -> head path, relative to the scan roots. */
  renames?: ReadonlyMap<string, string>;
}

/**
 * Classify findings as `new` (only in head), `fixed` (only in base) or `unchanged`, by fingerprint:
 * fingerprints have no line numbers, so moving code, reformatting or shifting lines changes nothing.
 *
 * Fingerprints include the file, and the engine's discriminator (the call text) is not part of a
 * finding, so a renamed file's findings cannot be re-fingerprinted. They are paired instead by what
 * the fingerprint is made of and the finding shows (rule, mapped file, symbol, categories, sink), in
 * order, preferring the same message: the n-th repeat in the old file pairs with the n-th in the new.
 *
 * A head finding left over at the place (rule, file, symbol, sink) of a base finding left over is the
 * same finding with other categories: it is `new` with `previous` (a changed finding: "now also sends
 * the phone number"), and the base one is not listed as fixed.
 *
 * Result: head findings in head order (`new`/`unchanged`, the head's view), then `fixed` ones in base order.
 */
export function diffFindings(input: FindingDiffInput): ReviewedFinding[] {
  const renames = input.renames ?? new Map<string, string>();
  const matchedBase = new Set<MatchedFinding>();
  const status = new Map<MatchedFinding, { baseFile?: string }>();

  // 1. Same fingerprint. A renamed file's old path is gone from head, whatever a new file there holds.
  const baseById = new Map<string, MatchedFinding>();
  for (const b of input.base) if (!renames.has(b.finding.file) && !baseById.has(b.finding.id)) baseById.set(b.finding.id, b);
  for (const h of input.head) {
    const b = baseById.get(h.finding.id);
    if (!b || matchedBase.has(b)) continue;
    matchedBase.add(b);
    status.set(h, {});
  }

  // 2. Renamed files: pair by identity with the file mapped.
  if (renames.size) {
    const candidates = new Map<string, MatchedFinding[]>();
    for (const h of input.head) {
      if (status.has(h)) continue;
      const key = identity(h.finding, h.finding.file);
      const list = candidates.get(key);
      if (list) list.push(h);
      else candidates.set(key, [h]);
    }
    // Same message first (the call text survives a rename), then whatever identity-equal is left, in order.
    for (const sameMessage of [true, false]) {
      for (const b of input.base) {
        const to = renames.get(b.finding.file);
        if (to === undefined || matchedBase.has(b)) continue;
        const list = candidates.get(identity(b.finding, to));
        const at = list?.findIndex((h) => !sameMessage || h.finding.message === b.finding.message) ?? -1;
        if (at < 0) continue;
        const [h] = list!.splice(at, 1);
        matchedBase.add(b);
        status.set(h, { baseFile: b.finding.file });
      }
    }
  }

  // 3. The same place sending (logging, holding) other data: one changed finding, not a new and a fixed one.
  const previous = new Map<MatchedFinding, MatchedFinding>();
  const leftInBase = new Map<string, MatchedFinding[]>();
  for (const b of input.base) {
    if (matchedBase.has(b)) continue;
    const key = place(b.finding, renames.get(b.finding.file) ?? b.finding.file);
    const list = leftInBase.get(key);
    if (list) list.push(b);
    else leftInBase.set(key, [b]);
  }
  for (const h of input.head) {
    if (status.has(h)) continue;
    const b = leftInBase.get(place(h.finding, h.finding.file))?.shift();
    if (!b) continue;
    matchedBase.add(b);
    previous.set(h, b);
  }

  const reviewed: ReviewedFinding[] = input.head.map((h) => {
    const match = status.get(h);
    const before = previous.get(h);
    if (before) return { ...h, status: 'new', previous: previousOf(before.finding) };
    if (!match) return { ...h, status: 'new' };
    return { ...h, status: 'unchanged', ...(match.baseFile !== undefined ? { baseFile: match.baseFile } : {}) };
  });
  for (const b of input.base) if (!matchedBase.has(b)) reviewed.push({ ...b, status: 'fixed' });
  return reviewed;
}

/** Where a finding is, without what it carries: a call that now also sends the phone number is still this place. */
function place(f: Finding, file: string): string {
  return [f.rule, file, f.symbol, f.sink?.id ?? ''].join('\u0000');
}

function previousOf(f: Finding): NonNullable<ReviewedFinding['previous']> {
  return { id: f.id, file: f.file, line: f.line, categories: [...f.categories], severity: f.severity };
}

/** What a fingerprint is made of, minus the discriminator a finding does not carry. */
function identity(f: Finding, file: string): string {
  return [f.rule, file, f.symbol, [...f.categories].sort().join(','), f.sink?.id ?? ''].join('\u0000');
}
