import { readFileSync } from 'node:fs';
import type { Withdrawal } from '../app/approval/types.js';
import { route } from '../app/events/routes.js';
import type { PullRef } from '../app/github/types.js';
import type { AppIdentity } from '../app/identity.js';
import { InputError } from './inputs.js';

/** The identity a workflow's `GITHUB_TOKEN` writes as: the GitHub Actions app and its bot. */
export const WORKFLOW_IDENTITY: AppIdentity = { id: 15368, slug: 'github-actions', botLogin: 'github-actions[bot]' };

export type WorkflowEvent =
  | { kind: 'ignore'; reason: string }
  | {
      kind: 'evaluate';
      pr: PullRef;
      /** Event name and action, for the log. */
      event: string;
      /** A withdrawal this event shows (a revoke comment, a "request changes" review), kept once seen. */
      withdrawal?: Withdrawal;
    };

/**
 * What the event that started the workflow asks for, decided exactly as the App decides on the
 * same webhook (src/app/events/routes.ts): pull request changes review, reviews and `/privacy`
 * comments re-evaluate approvals, anything else is ignored. Check-run buttons are the App's only.
 */
/** What the action reads of an event itself; `route` checks the rest field by field. */
interface EventPayload {
  // privacy-review-ignore pii-field -- the repository owner's login as the event names it, read to address the API; never stored
  repository?: { owner?: { login?: unknown }; name?: unknown };
  [key: string]: unknown;
}

export function readEvent(env: NodeJS.ProcessEnv): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const file = env.GITHUB_EVENT_PATH;
  if (!name || !file)
    throw new InputError(
      'GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run privacy-review-action as a step of a GitHub Actions workflow',
    );
  let payload: EventPayload;
  try {
    payload = JSON.parse(readFileSync(file, 'utf8')) as EventPayload;
  } catch (e) {
    throw new InputError(
      `the event payload at GITHUB_EVENT_PATH cannot be read as JSON (${(e as NodeJS.ErrnoException).code ?? 'invalid JSON'})`,
    );
  }
  if (name === 'check_run' || name === 'check_suite')
    return { kind: 'ignore', reason: `${name} events: the check run's buttons are the App's (the action offers none)` };
  const decision = route(name, payload, WORKFLOW_IDENTITY);
  if (decision.kind === 'ignore') return decision;
  const number = decision.numbers[0];
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (number === undefined || typeof owner !== 'string' || typeof repo !== 'string')
    return { kind: 'ignore', reason: `${name} event without a pull request` };
  return {
    kind: 'evaluate',
    pr: { owner, repo, number },
    event: `${name}.${String(payload.action ?? '')}`,
    ...(decision.withdrawal ? { withdrawal: decision.withdrawal } : {}),
  };
}
