import { formatProblem } from '../config/errors.js';
import type { ManifestProblem } from './types.js';
import type { ManifestPath, Positions } from './positions.js';
import { quote } from '../yaml/quote.js';

/** Every problem code `parseManifest` reports, for documentation and tests. */
export const PROBLEM_CODES = [
  // reading the file
  'unreadable',
  'too-large',
  'yaml-syntax',
  'yaml-warning',
  'duplicate-key',
  'too-deep',
  'too-many-aliases',
  'too-many-keys',
  'too-many-nodes',
  'empty-manifest',
  // shape (JSON Schema)
  'unknown-key',
  'missing-field',
  'wrong-type',
  'invalid-value',
  'unsupported-version',
  // vocabularies
  'unknown-category',
  'deprecated-category',
  'unknown-data-use',
  'deprecated-data-use',
  'unknown-data-subject',
  'unknown-country',
  // references
  'duplicate-id',
  'dangling-flow',
  'dangling-dataset',
  'flow-without-purpose',
  'dataset-without-purpose',
  'category-without-purpose',
  // reviewer rules
  'special-needs-condition',
  'broad-special-category',
  'third-party-needs-countries',
  'transfer-needs-mechanism',
  'pci-sad-declared',
  'broad-pci-sad',
  'sensitive-in-logs',
  'exception-expired',
  'exception-expiring',
  'exception-too-broad',
  'invalid-date',
  'todo',
  'too-many-problems',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Problems after which the manifest is empty or partial: reading it failed, it declares nothing. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set<ProblemCode>([
  'unreadable',
  'too-large',
  'yaml-syntax',
  'duplicate-key',
  'too-deep',
  'too-many-aliases',
  'too-many-keys',
  'too-many-nodes',
]);

/** Past this many, the rest are counted, not described: a hostile file must not make us compute millions of hints. */
export const MAX_PROBLEMS = 200;

type Lazy = string | (() => string);

/** Collects positioned problems, up to MAX_PROBLEMS. */
export class Problems {
  readonly list: ManifestProblem[] = [];
  private dropped = 0;

  constructor(readonly positions: Positions) {}

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }

  /** Count a problem that is not described (the list is full). */
  drop(): void {
    this.dropped++;
  }

  /** A problem at the value at `path` (or at the key `key` of the mapping at `path`). */
  add(severity: ManifestProblem['severity'], code: ProblemCode, path: ManifestPath, message: Lazy, hint?: Lazy, key?: string): void {
    if (this.full) {
      this.dropped++;
      return;
    }
    const at = key !== undefined ? this.positions.locateKey(path, key) : this.positions.locate(path);
    this.push(severity, code, at, message, hint);
  }

  error(code: ProblemCode, path: ManifestPath, message: Lazy, hint?: Lazy): void {
    this.add('error', code, path, message, hint);
  }

  warning(code: ProblemCode, path: ManifestPath, message: Lazy, hint?: Lazy): void {
    this.add('warning', code, path, message, hint);
  }

  /** A problem at a character offset (YAML errors). */
  atOffset(severity: ManifestProblem['severity'], code: ProblemCode, offset: number, message: string, hint?: string): void {
    if (this.full) {
      this.dropped++;
      return;
    }
    this.push(severity, code, this.positions.offset(offset), message, hint);
  }

  /** The problems in file order, with a last one saying how many were left out. */
  done(): ManifestProblem[] {
    const seen = new Set<string>();
    const out = this.list
      .filter((p) => {
        const k = `${p.line}:${p.column}:${p.code}:${p.message}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    if (this.dropped) {
      const last = out[out.length - 1];
      out.push({
        file: last?.file ?? this.positions.locate([]).file,
        line: last?.line ?? 1,
        column: last?.column ?? 1,
        severity: 'error',
        code: 'too-many-problems',
        message: `${this.dropped} more problem${this.dropped === 1 ? '' : 's'} not shown`,
        hint: 'fix the problems above and run the check again',
      });
    }
    return out;
  }

  private push(
    severity: ManifestProblem['severity'],
    code: ProblemCode,
    at: { file: string; line: number; column: number },
    message: Lazy,
    hint?: Lazy,
  ): void {
    const h = typeof hint === 'function' ? hint() : hint;
    this.list.push({
      file: at.file,
      line: at.line,
      column: at.column,
      severity,
      code,
      message: typeof message === 'function' ? message() : message,
      ...(h ? { hint: h } : {}),
    });
  }
}

/** How messages name an entry: `flow "segment"`, or `flows[2]` when it has no id. */
export function entity(kind: 'flow' | 'dataset' | 'purpose' | 'exception', id: string, index: number): string {
  return id ? `${kind} ${quote(id)}` : `${kind}s[${index}]`;
}

/** `file:line:col: error code: message — hint`, the format editors and terminals turn into links. */
export function formatManifestProblem(p: ManifestProblem): string {
  return formatProblem({ ...p, message: `${p.severity} ${p.code}: ${p.message}` });
}

export function hasErrors(problems: readonly ManifestProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
