import type { FingerprintRecord } from './types.js';

const time = (iso: string) => Date.parse(iso);
/** GitHub's times have whole seconds; the App's own clock has milliseconds: compare seconds. */
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The fingerprint a review submitted on a commit at a moment covers: that commit's review on show
 * then. A commit can be reviewed again later against another base (the pull request retargeted);
 * the approval stays with what the reviewer saw, never the later comparison of the same commit.
 */
export function fingerprintOfCommit(sha: string, at: string, records: readonly FingerprintRecord[]): string | undefined {
  return fingerprintAt(
    at,
    records.filter((r) => r.sha === sha),
  );
}

/**
 * The fingerprint on show at a moment: the latest review completed before it. GitHub's times have
 * whole seconds, so a review completed in the same second only counts when nothing completed
 * before: when two reviews are that close, the older one is what the person can have read.
 */
export function fingerprintAt(at: string, records: readonly FingerprintRecord[]): string | undefined {
  const t = second(at);
  let before: FingerprintRecord | undefined;
  let same: FingerprintRecord | undefined;
  for (const r of records) {
    const c = second(r.completedAt);
    if (c < t && (!before || time(r.completedAt) > time(before.completedAt))) before = r;
    if (c === t && !same) same = r;
  }
  return (before ?? same)?.fingerprint;
}

/** The one known fingerprint a typed prefix names; undefined when none or several match. */
export function resolvePrefix(prefix: string, records: readonly FingerprintRecord[]): string | undefined {
  const matches = new Set(records.map((r) => r.fingerprint).filter((f) => f.startsWith(prefix.toLowerCase())));
  return matches.size === 1 ? [...matches][0] : undefined;
}

/** What a reviewer sees and types: the first 12 hex digits. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
