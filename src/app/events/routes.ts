import { hasCommand, parseCommand } from '../approval/commands.js';
import type { Actor, Withdrawal } from '../approval/types.js';
import { ACTIONS, CHECK_NAME } from '../constants.js';
import type { AppIdentity } from '../identity.js';

/** What a webhook asks for, decided from the payload alone (no I/O). */
export type Route =
  | { kind: 'ignore'; reason: string }
  | {
      kind: 'evaluate';
      /** Pull requests by number; empty: look them up by `sha` (check events of forks carry none). */
      numbers: number[];
      sha?: string;
      baseSha?: string;
      /**
       * When the pull request got this head (its `updated_at` in a pull_request event): deliveries
       * can be handled out of order, and a late one for an older push must not pass for the newest.
       */
      headAt?: string;
      /** Start an in-progress check run for `sha` right away. */
      startCheck: boolean;
      reanalyze: boolean;
      /** The clicked run's fingerprint as the person saw it (the payload's `external_id`). */
      click?: { checkRunId: number; actor: Actor; fingerprint?: string };
      /** A withdrawal this event shows, kept even if the comment or review is gone when the job runs. */
      withdrawal?: Withdrawal;
    };

// Webhook payloads are read field by field, each checked where it is read: `any` is their type here.
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;

const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited']);

/**
 * Which events matter and how: pull request changes analyze (and show an in-progress check at
 * once); reviews and `/privacy` comments re-evaluate approvals; the check run's buttons record an
 * approval or re-run; re-run requests analyze again. The App's own events are ignored.
 */
export function route(name: string, payload: Payload, me: AppIdentity): Route {
  const action = String(payload.action ?? '');
  const sender = payload.sender as { login?: string; type?: string } | undefined;
  if (sender?.login && sender.login.toLowerCase() === me.botLogin.toLowerCase()) return ignore('the App’s own event');

  switch (name) {
    case 'pull_request': {
      if (!PR_ACTIONS.has(action)) return ignore(`pull_request.${action}`);
      // `edited` also fires for title and body changes; only a new base branch changes the review.
      if (action === 'edited' && !payload.changes?.base) return ignore('pull request edit without a base change');
      const pr = payload.pull_request;
      if (pr?.state !== 'open') return ignore('pull request is not open');
      const headAt =
        typeof pr.updated_at === 'string' && Number.isFinite(Date.parse(pr.updated_at)) ? { headAt: pr.updated_at as string } : {};
      return {
        kind: 'evaluate',
        numbers: [pr.number],
        sha: pr.head.sha,
        baseSha: pr.base.sha,
        ...headAt,
        startCheck: true,
        reanalyze: false,
      };
    }
    case 'pull_request_review': {
      if (action !== 'submitted' && action !== 'dismissed') return ignore(`pull_request_review.${action}`);
      if (payload.pull_request?.state !== 'open') return ignore('pull request is not open');
      const review = payload.review;
      const withdrawal =
        action === 'submitted' && String(review?.state).toLowerCase() === 'changes_requested'
          ? withdrawalOf('review', review, review?.submitted_at)
          : undefined;
      return {
        kind: 'evaluate',
        numbers: [payload.pull_request.number],
        startCheck: false,
        reanalyze: false,
        ...(withdrawal ? { withdrawal } : {}),
      };
    }
    case 'issue_comment': {
      if (!payload.issue?.pull_request) return ignore('comment on an issue, not a pull request');
      if (payload.issue.state !== 'open') return ignore('pull request is not open');
      if (!['created', 'edited', 'deleted'].includes(action)) return ignore(`issue_comment.${action}`);
      const user = payload.comment?.user as { login?: string } | undefined;
      if (user?.login && user.login.toLowerCase() === me.botLogin.toLowerCase())
        return ignore('the App’s own comment (a checkbox tick does not approve)');
      // Only comments that are, or were, a command change anything.
      const before = payload.changes?.body?.from as string | undefined;
      if (!hasCommand(payload.comment?.body) && !hasCommand(before)) return ignore('comment without a /privacy command');
      // A revoke that is being edited away or deleted still withdrew: the job records it.
      const revoke = [payload.comment?.body, before].some((body) => parseCommand(body)?.verb === 'revoke');
      const withdrawal = revoke ? withdrawalOf('comment', payload.comment, payload.comment?.created_at) : undefined;
      return {
        kind: 'evaluate',
        numbers: [payload.issue.number],
        startCheck: false,
        reanalyze: false,
        ...(withdrawal ? { withdrawal } : {}),
      };
    }
    case 'check_run': {
      const run = payload.check_run;
      if (run?.app?.id !== me.id || run?.name !== CHECK_NAME) return ignore('another app’s check run');
      const numbers = ((run.pull_requests ?? []) as { number: number }[]).map((p) => p.number);
      if (action === 'rerequested') return { kind: 'evaluate', numbers, sha: run.head_sha, startCheck: true, reanalyze: true };
      if (action !== 'requested_action') return ignore(`check_run.${action}`);
      const identifier = payload.requested_action?.identifier;
      if (identifier === ACTIONS.rerun.identifier)
        return { kind: 'evaluate', numbers, sha: run.head_sha, startCheck: true, reanalyze: true };
      if (identifier !== ACTIONS.approve.identifier) return ignore(`unknown requested action ${String(identifier).slice(0, 20)}`);
      if (!sender?.login) return ignore('requested action without a sender');
      return {
        kind: 'evaluate',
        numbers,
        sha: run.head_sha,
        startCheck: false,
        reanalyze: false,
        click: {
          checkRunId: run.id,
          actor: { login: sender.login, type: sender.type ?? 'User' },
          ...(typeof run.external_id === 'string' && /^[0-9a-f]{64}$/.test(run.external_id) ? { fingerprint: run.external_id } : {}),
        },
      };
    }
    case 'check_suite': {
      const suite = payload.check_suite;
      if (action !== 'rerequested') return ignore(`check_suite.${action}`);
      if (suite?.app?.id !== me.id) return ignore('another app’s check suite');
      return {
        kind: 'evaluate',
        numbers: ((suite.pull_requests ?? []) as { number: number }[]).map((p) => p.number),
        sha: suite.head_sha,
        startCheck: true,
        reanalyze: true,
      };
    }
    default:
      return ignore(`event ${name}`);
  }
}

function withdrawalOf(via: Withdrawal['via'], item: Payload | undefined, at: unknown): Withdrawal | undefined {
  const login = item?.user?.login;
  if (typeof item?.id !== 'number' || typeof login !== 'string' || typeof at !== 'string') return undefined;
  return {
    via,
    id: item.id,
    actor: { login, type: String(item.user.type ?? 'User') },
    at,
    ...(typeof item.html_url === 'string' ? { url: item.html_url } : {}),
  };
}

function ignore(reason: string): Route {
  return { kind: 'ignore', reason };
}
