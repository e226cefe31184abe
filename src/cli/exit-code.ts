import type { ScanResult, Severity } from '../core/contract.js';

export type FailOn = Severity | 'none';
export const FAIL_ON_VALUES: readonly FailOn[] = ['high', 'medium', 'low', 'none'];

/** Exit codes: 0 clean, 1 findings at or above the threshold, 2 bad usage or input. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

/** 1 when an unsuppressed finding is at or above `failOn`; suppressed findings never fail a build. */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (failOn === 'none') return EXIT.clean;
  const failing = result.findings.some((f) => !f.suppressed && RANK[f.severity] >= RANK[failOn]);
  return failing ? EXIT.findings : EXIT.clean;
}
