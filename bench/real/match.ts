import type { Finding } from '../../src/core/contract.js';
import type { JudgedFinding, Site } from './labels.js';

/** Lines a multi-line call or a moved label may be off by. */
const SLACK = 3;

const near = (a: number, b: number) => Math.abs(a - b) <= SLACK;

/**
 * The same finding as the one judged: file, rule, line within a few, its sink or field, and the
 * same data. A finding that now names other data there is another claim and needs a new judgement.
 */
export function matchesFinding(label: JudgedFinding, f: Finding): boolean {
  if (f.file !== label.file || f.rule !== label.rule || !near(f.line, label.line)) return false;
  if (label.sink !== undefined && !sameSink(label.sink, f)) return false;
  if (label.symbol !== undefined && f.rule === 'pii-field' && f.symbol !== label.symbol) return false;
  if (label.categories !== undefined && [...label.categories].sort().join() !== [...f.categories].sort().join()) return false;
  return true;
}

/**
 * Whether a site is found: `right` when a finding of its rule is at its line with the expected
 * sink and one of the expected categories (or a parent or child of one), `other data` when a
 * finding is there but names another sink or data, `no` otherwise.
 */
export function matchesSite(site: Site, findings: readonly Finding[]): 'right' | 'other data' | 'no' {
  const here = findings.filter(
    (f) =>
      f.file === site.file &&
      f.rule === site.rule &&
      (site.rule === 'pii-field' && site.symbol !== undefined ? f.symbol === site.symbol : near(f.line, site.line)),
  );
  if (!here.length) return 'no';
  const right = here.some(
    (f) =>
      (site.sink === undefined || sameSink(site.sink, f)) &&
      (!site.categories?.length || f.categories.some((c) => site.categories!.some((s) => related(c, s)))),
  );
  return right ? 'right' : 'other data';
}

/** `kafka` names `kafka:user-events`; a package name names the sinks of that package. */
function sameSink(expected: string, f: Finding): boolean {
  const id = f.sink?.id;
  if (!id) return false;
  return id === expected || id.startsWith(`${expected}:`) || f.sink?.package === expected;
}

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
