import type { RuleId } from '../../src/core/contract.js';

/** A finding of the tool, judged by someone who read the code there. */
export interface JudgedFinding {
  file: string;
  line: number;
  rule: RuleId;
  /** The finding's sink id (data-flow, pii-logging). */
  sink?: string;
  /** The finding's symbol (pii-field: `User.email`). */
  symbol?: string;
  categories?: string[];
  verdict: boolean;
  reason: string;
}

/** A place in the code that handles personal data and that a review must find. */
export interface Site {
  file: string;
  line: number;
  rule: RuleId;
  /** The expected sink id, or the package name when the tool has no id for it yet. */
  sink?: string;
  /** Expected data categories: a finding with any of them (or a parent or child) has the right data. */
  categories?: string[];
  /** pii-field: the field (`User.email`); a neighbouring field on a nearby line does not count. */
  symbol?: string;
  reason: string;
}

export interface LabelledRepo {
  repo: string;
  commit: string;
  shape: string;
  scanRoot: string;
  labelledWith: string;
  findings: JudgedFinding[];
  sites: Site[];
}

const RULES = new Set<string>(['pii-field', 'pii-logging', 'data-flow']);

/** A label file (`name`: its path for messages), checked field by field: a broken label says where, instead of skewing the numbers. */
export function labelFile(data: unknown, name: string): LabelledRepo {
  const fail = (where: string, what: string): never => {
    throw new Error(`${name}: ${where}: ${what}`);
  };
  const d = (data ?? {}) as Record<string, unknown>;
  const str = (v: unknown, where: string) => (typeof v === 'string' && v.trim() ? v : fail(where, 'expected a non-empty string'));
  const repo = str(d.repo, 'repo');
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) fail('repo', 'expected owner/name');
  const commit = str(d.commit, 'commit');
  if (!/^[0-9a-f]{40}$/.test(commit)) fail('commit', 'expected a full 40-hex commit');
  const place = (x: Record<string, unknown>, where: string) => {
    const rule = str(x.rule, `${where}.rule`);
    if (!RULES.has(rule)) fail(`${where}.rule`, `expected one of ${[...RULES].join(', ')}`);
    if (!Number.isInteger(x.line) || (x.line as number) < 1) fail(`${where}.line`, 'expected a line number');
    const categories =
      x.categories === undefined
        ? undefined
        : Array.isArray(x.categories)
          ? x.categories.map((c, i) => str(c, `${where}.categories[${i}]`))
          : fail(`${where}.categories`, 'expected a list');
    return {
      file: str(x.file, `${where}.file`),
      line: x.line as number,
      rule: rule as RuleId,
      ...(x.sink !== undefined ? { sink: str(x.sink, `${where}.sink`) } : {}),
      ...(categories ? { categories } : {}),
      reason: str(x.reason, `${where}.reason`),
    };
  };
  const list = (v: unknown, where: string) =>
    v === undefined ? [] : Array.isArray(v) ? (v as Record<string, unknown>[]) : fail(where, 'expected a list');
  return {
    repo,
    commit,
    shape: str(d.shape, 'shape'),
    scanRoot: typeof d.scanRoot === 'string' ? d.scanRoot : '.',
    labelledWith: str(d.labelledWith, 'labelledWith'),
    findings: list(d.findings, 'findings').map((x, i) => {
      if (typeof x.verdict !== 'boolean') fail(`findings[${i}].verdict`, 'expected true or false');
      return {
        ...place(x, `findings[${i}]`),
        ...(x.symbol !== undefined ? { symbol: str(x.symbol, `findings[${i}].symbol`) } : {}),
        verdict: x.verdict as boolean,
      };
    }),
    sites: list(d.sites, 'sites').map((x, i) => ({
      ...place(x, `sites[${i}]`),
      ...(x.symbol !== undefined ? { symbol: str(x.symbol, `sites[${i}].symbol`) } : {}),
    })),
  };
}
