import { evaluateApprovals } from '../approval/evaluate.js';
import type { Ledger } from '../approval/ledger.js';
import type { FingerprintRecord, PendingClick } from '../approval/types.js';
import { staleRuns } from '../github/stale-runs.js';
import { annotationsFor } from '../present/annotations.js';
import { approvalSection } from '../present/approval-section.js';
import { decideOutcome } from '../present/conclusion.js';
import { checkSummary, commentBody } from '../present/documents.js';
import { reviewRequest } from '../present/review-requests.js';
import { whatChanged } from '../present/what-changed.js';
import type { Analysis, Facts } from './facts.js';
import type { Plan, PullRequestWrites } from './plan.js';
import { replacedBy, unfinished } from './results.js';
import { approvalSignals, recordClicks, runToWrite } from './signals.js';

/**
 * The decision about one pull request, from what GitHub has now (`facts`), the review of its
 * change (`analysis`), the clicks on "Approve" the webhooks brought, and the time: who approved
 * which fingerprint, the check run's conclusion, the comment, the label, whom to ask for a review,
 * the annotations and what the App's ledger records. No I/O: the same inputs, the same plan.
 */
export function decide(facts: Facts, analysis: Analysis, clicks: readonly PendingClick[], now: Date): Plan {
  const { review, prepared } = analysis;
  const { settings } = facts;
  const head = facts.pull.headSha;
  const fingerprint = review.verdict.reviewFingerprint;
  const reuse = facts.target === undefined ? facts.history.runs.find((r) => r.sha === head) : undefined;
  const writes = runToWrite(facts);
  const { ledgers, updates } = recordClicks(facts.history, clicks, writes);

  const nowIso = now.toISOString();
  const records: FingerprintRecord[] = [...facts.history.records, { sha: head, fingerprint, completedAt: nowIso, asked: analysis.asked }];
  const withdrawals = [...facts.withdrawals, ...[...ledgers.values()].flatMap((l) => l.withdrawals)];
  const approval = evaluateApprovals({
    fingerprint,
    author: facts.pull.author,
    policy: settings.reviewers,
    signals: approvalSignals(facts, ledgers),
    history: records,
    withdrawals,
    teamsOf: (login) => facts.teams.get(login.toLowerCase()),
  });
  const outcome = decideOutcome(review.verdict.decision, review.verdict.reasons, approval, settings.mode);
  const changes = new Map(
    approval.outdated.map((a) => [
      a.reviewer.toLowerCase(),
      whatChanged(records.find((r) => r.fingerprint === a.fingerprint && r.asked)?.asked, review),
    ]),
  );
  const section = approvalSection({ decision: review.verdict.decision, approval, settings, changes });

  const requested = [...ledgers.values()].some((l) => l.requested);
  const latest = facts.latest;
  let pullRequest: PullRequestWrites | undefined;
  if (latest.headSha === head && latest.open) {
    const request =
      outcome.askReviewers && !requested
        ? reviewRequest(settings, {
            author: facts.pull.author,
            owner: facts.pull.owner,
            requestedUsers: latest.requestedUsers,
            requestedTeams: latest.requestedTeams,
            reviewed: facts.reviews.map((r) => r.user?.login ?? '').filter(Boolean),
            askedBefore: requested,
          })
        : undefined;
    pullRequest = {
      comment: { body: commentBody(section, prepared), create: review.verdict.decision !== 'pass' },
      ...(settings.labels.required
        ? { label: { name: settings.labels.required, want: outcome.needsAttention, current: latest.labels } }
        : {}),
      ...(request ? { request } : {}),
    };
  }

  const previous = writes === undefined ? undefined : ledgers.get(writes);
  const ledger: Ledger = {
    v: 1,
    fingerprint,
    reviewedAt: previous?.fingerprint === fingerprint ? previous.reviewedAt : nowIso,
    asked: analysis.asked,
    clicks: previous?.clicks ?? [],
    withdrawals: approval.withdrawals,
    requested,
  };
  // Annotations add up over updates: only a run that has none gets them.
  const annotate = !reuse || reuse.annotationsCount === 0;
  const { annotations, omitted } = annotationsFor(review);

  const own = new Set([...(writes === undefined ? [] : [writes]), ...facts.started]);
  // A job for a commit the pull request has moved past leaves other commits' runs alone: the
  // newer head's run may just be waiting for its job (GitHub's write pacing), not abandoned.
  const current = facts.latest.headSha === head;
  const stale = staleRuns(facts.history.runs, own, now, facts.staleAfterMs)
    .filter((run) => run.sha === head || current)
    .map((run) =>
      run.sha === head
        ? { run, result: replacedBy(outcome, facts.pull.htmlUrl), linksToResult: true }
        : { run, result: unfinished(settings.mode), linksToResult: false },
    );

  return {
    ledgerUpdates: updates,
    ...(pullRequest ? { pullRequest } : {}),
    check: {
      ...(writes !== undefined ? { id: writes } : {}),
      result: {
        conclusion: outcome.conclusion,
        title: outcome.title,
        summary: checkSummary(section, prepared),
        ...(annotate ? { annotations } : {}),
        actions: outcome.actions,
        externalId: fingerprint,
      },
      ledger,
      audit: approval.audit,
      notes: omitted ? [`${omitted} annotations were left out (the App's limit); the summary lists every finding.`] : [],
    },
    stale,
    pullUrl: facts.pull.htmlUrl,
    log: { decision: review.verdict.decision, approved: approval.approved },
  };
}
