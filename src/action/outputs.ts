import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Analysis } from '../app/decide/facts.js';

export interface ActionOutputs {
  /** pass | review_required | fail */
  verdict: string;
  /** The check run's conclusion: success, action_required, failure or neutral. */
  conclusion: string;
  /** The review fingerprint approvals are bound to. */
  fingerprint: string;
  approved: boolean;
  'new-findings': number;
  'fixed-findings': number;
  'unchanged-findings': number;
  /** New findings the manifest does not declare (what a reviewer is asked about). */
  undeclared: number;
}

export function outputsOf(analysis: Analysis, conclusion: string, approved: boolean): ActionOutputs {
  const { findings, verdict } = analysis.review;
  const count = (status: string) => findings.filter((f) => f.status === status).length;
  return {
    verdict: verdict.decision,
    conclusion,
    fingerprint: verdict.reviewFingerprint,
    approved,
    'new-findings': count('new'),
    'fixed-findings': count('fixed'),
    'unchanged-findings': count('unchanged'),
    undeclared: findings.filter((f) => f.status === 'new' && !f.declared).length,
  };
}

/** Step outputs, in the runner's file format (a delimiter per value, so no value can end another early). */
export function writeOutputs(file: string | undefined, outputs: ActionOutputs): void {
  if (!file) return;
  const text = Object.entries(outputs)
    .map(([name, value]) => {
      const delimiter = `ghadelimiter_${randomUUID()}`;
      return `${name}<<${delimiter}\n${String(value)}\n${delimiter}\n`;
    })
    .join('');
  appendFileSync(file, text);
}

/** The job summary (GITHUB_STEP_SUMMARY): Markdown, as the check run shows it. */
export function writeSummary(file: string | undefined, markdown: string): void {
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
