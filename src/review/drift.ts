import type { Finding } from '../core/contract.js';
import type { Manifest } from '../manifest/types.js';
import type { PurposeDrift, ReviewedFinding } from './types.js';

/**
 * Purpose limitation (GDPR Art. 5(1)(b)): personal data the system already held or sent somewhere
 * that a pull request now sends to a destination it never reached before. Each such flow needs a
 * reviewer to confirm the new use is compatible with the purpose the data was collected for.
 */
export function detectPurposeDrift(
  head: readonly ReviewedFinding[],
  baseFindings: readonly Finding[],
  declared?: Manifest,
): PurposeDrift[] {
  const existing = new Set<string>();
  const reachedBefore = new Map<string, Set<string>>();
  if (declared) addDeclared(declared, existing, reachedBefore);
  for (const f of baseFindings) {
    if (f.suppressed) continue;
    for (const c of f.categories) existing.add(c);
    if (f.rule === 'data-flow' && f.sink) {
      const set = reachedBefore.get(f.sink.id) ?? new Set<string>();
      for (const c of f.categories) set.add(c);
      reachedBefore.set(f.sink.id, set);
    }
  }
  const drift: PurposeDrift[] = [];
  const seen = new Set<string>();
  for (const r of head) {
    const f = r.finding;
    if (r.status !== 'new' || f.rule !== 'data-flow' || !f.sink || f.suppressed) continue;
    const before = reachedBefore.get(f.sink.id);
    const reused = f.categories.filter((c) => within(c, existing) && !(before && within(c, before)));
    if (reused.length === 0) continue;
    const key = `${f.sink.id}\u0000${reused.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    drift.push({
      finding: f,
      existingCategories: reused,
      sink: f.sink.id,
      message: `${reused.join(', ')}, already held by the system, now also ${before ? 'goes' : 'goes for the first time'} to \`${f.sink.id}\`: confirm the new use fits the purpose the data was collected for.`,
    });
  }
  return drift;
}

/**
 * What the base manifest says the system held and sent where: when only the changed files were
 * analyzed, the base findings of the rest of the repository are not known, and the declarations
 * stand in for them. A declared key covers its descendants.
 */
function addDeclared(manifest: Manifest, existing: Set<string>, reached: Map<string, Set<string>>): void {
  for (const d of manifest.datasets) for (const field of d.fields) for (const c of field.categories) existing.add(c);
  for (const p of manifest.purposes) for (const c of p.categories) existing.add(c);
  for (const flow of manifest.flows) {
    for (const c of flow.categories) existing.add(c);
    for (const sink of [flow.id, ...(flow.match?.sinks ?? [])]) {
      const set = reached.get(sink) ?? new Set<string>();
      for (const c of flow.categories) set.add(c);
      reached.set(sink, set);
    }
  }
}

function within(category: string, keys: ReadonlySet<string>): boolean {
  for (let k = category; ; k = k.slice(0, k.lastIndexOf('.'))) {
    if (keys.has(k)) return true;
    if (!k.includes('.')) return false;
  }
}
