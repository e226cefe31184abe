import { createHash } from 'node:crypto';
import type { FileError, Finding, SkippedFile } from '../../core/contract.js';

/** Where the flow engine stopped following data (flow-analyzer.ts FlowCut); the scan reports each place once. */
export interface CachedCut {
  file: string;
  line: number;
  limit: number;
}

/**
 * Everything analyzing one file added to a scan, in the order it was added: its findings, its errors
 * (syntax, suppression comments) and flow cuts, and whether the program lacked it. Replaying the
 * outcomes in the scan's file order rebuilds the result an uncached scan gives.
 */
export interface FileOutcome {
  findings: Finding[];
  /** Errors and cuts, in the order they arose (cuts are deduplicated across the scan when replayed). */
  problems: ({ error: FileError } | { cut: CachedCut })[];
  skipped: SkippedFile[];
  /** Lines counted for the statistics (0 when the file was not parsed). */
  lines: number;
}

const MAGIC = 'privacy-review-cache';

/** An entry as stored: a header naming the key and the payload's SHA-256, then the payload. */
export function encodeEntry(key: string, outcome: FileOutcome): string {
  const payload = JSON.stringify(outcome);
  return `${MAGIC} ${key} ${sha256(payload)}\n${payload}`;
}

/**
 * The outcome an entry holds, or undefined when anything about it is wrong: another key, a truncated
 * or altered payload (checksum), or a payload of the wrong shape. A bad entry is never trusted.
 */
export function decodeEntry(key: string, text: string): FileOutcome | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const [magic, storedKey, checksum, ...rest] = text.slice(0, newline).split(' ');
  if (magic !== MAGIC || storedKey !== key || rest.length !== 0) return undefined;
  const payload = text.slice(newline + 1);
  if (sha256(payload) !== checksum) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  return isOutcome(value) ? value : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => Number.isInteger(v);
const optional =
  (c: Check): Check =>
  (v) =>
    v === undefined || c(v);
const arrayOf =
  (c: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(c);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(fields).every(([k, c]) => c((v as Record<string, unknown>)[k]));
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);

const SINK = shape({ kind: str, id: str, package: optional(str), label: optional(str), service: optional(str) });
const FINDING = shape({
  id: str,
  rule: oneOf('pii-field', 'pii-logging', 'data-flow'),
  severity: oneOf('high', 'medium', 'low'),
  file: str,
  line: int,
  column: int,
  endLine: int,
  endColumn: int,
  message: str,
  categories: arrayOf(str),
  symbol: str,
  sink: (v) => v === null || SINK(v),
  trace: arrayOf(shape({ file: str, line: int, note: str })),
  suppressed: (v) => typeof v === 'boolean',
  suppression: optional(shape({ kind: oneOf('inline', 'config'), reason: str })),
  confidence: optional(oneOf('high', 'medium', 'low')),
  remediation: optional(str),
});
const ERROR = shape({ file: str, message: str, line: optional(int), column: optional(int) });
const CUT = shape({ file: str, line: int, limit: int });
const OUTCOME = shape({
  findings: arrayOf(FINDING),
  problems: arrayOf((p) => shape({ error: ERROR })(p) || shape({ cut: CUT })(p)),
  skipped: arrayOf(shape({ file: str, reason: str })),
  lines: int,
});

function isOutcome(v: unknown): v is FileOutcome {
  return OUTCOME(v);
}
