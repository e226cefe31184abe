import { parseCommand } from '../approval/commands.js';
import { needsTeamLookup } from '../approval/eligibility.js';
import { encodeLedger, stripLedger, type Ledger } from '../approval/ledger.js';
import type { ApprovalSignal, PendingClick } from '../approval/types.js';
import type { CheckRunRecord } from '../github/checks.js';
import type { Facts, HistoryFact } from './facts.js';

/** An older run whose text is rewritten to record a click on its button (its conclusion stays). */
export interface LedgerUpdate {
  run: CheckRunRecord;
  text: string;
}

/**
 * Clicks on "Approve": GitHub keeps no record of them, so the clicked run keeps it in its ledger.
 * The run the job writes at the end (`writes`) gets it with its result; another (older) run is
 * rewritten. A click on a run the App does not know of is dropped.
 */
export function recordClicks(
  history: HistoryFact,
  clicks: readonly PendingClick[],
  writes: number | undefined,
): { ledgers: Map<number, Ledger>; updates: LedgerUpdate[] } {
  const ledgers = new Map(history.ledgers);
  const updates: LedgerUpdate[] = [];
  for (const click of clicks) {
    const run = history.runs.find((r) => r.id === click.checkRunId);
    if (!run) continue;
    const before = ledgers.get(run.id) ?? {
      v: 1,
      fingerprint: run.externalId,
      reviewedAt: run.completedAt ?? click.at,
      asked: [],
      clicks: [],
      withdrawals: [],
      requested: false,
    };
    // What the run showed when it was clicked: it may have been rewritten since (a retargeted base).
    const ledger: Ledger = {
      ...before,
      clicks: [...before.clicks, { actor: click.actor, at: click.at, fingerprint: click.fingerprint ?? run.externalId }],
    };
    ledgers.set(run.id, ledger);
    if (run.id !== writes) updates.push({ run, text: `${stripLedger(run.text ?? '')}\n\n${encodeLedger(ledger)}` });
  }
  return { ledgers, updates };
}

/** Everything that may approve or withdraw: reviews, `/privacy` comments (not the App's own), clicks kept in the ledgers. */
export function approvalSignals(
  facts: Pick<Facts, 'reviews' | 'comments' | 'botLogin' | 'history'>,
  ledgers: ReadonlyMap<number, Ledger>,
): ApprovalSignal[] {
  const signals: ApprovalSignal[] = [];
  for (const r of facts.reviews) {
    if (!r.user || !r.submitted_at) continue;
    signals.push({
      via: 'review',
      id: r.id,
      actor: { login: r.user.login, type: r.user.type },
      at: r.submitted_at,
      state: r.state,
      commit: r.commit_id ?? '',
      url: r.html_url,
    });
  }
  for (const c of facts.comments) {
    const command = parseCommand(c.body);
    if (!command || !c.user || c.user.login.toLowerCase() === facts.botLogin.toLowerCase()) continue;
    signals.push({
      via: 'comment',
      id: c.id,
      actor: { login: c.user.login, type: c.user.type },
      at: c.created_at,
      command,
      edited: c.updated_at !== c.created_at,
      url: c.html_url,
    });
  }
  for (const [runId, ledger] of ledgers) {
    const url = facts.history.runs.find((r) => r.id === runId)?.url;
    ledger.clicks.forEach((k, i) =>
      signals.push({ via: 'action', id: runId * 1000 + i, actor: k.actor, at: k.at, fingerprint: k.fingerprint, ...(url ? { url } : {}) }),
    );
  }
  return signals;
}

/** The run the job writes its result to: the one a webhook started, else the head's latest (an approval refresh); undefined: a new one. */
export function runToWrite(facts: Pick<Facts, 'target' | 'history' | 'pull'>): number | undefined {
  return facts.target ?? facts.history.runs.find((r) => r.sha === facts.pull.headSha)?.id;
}

/** Logins whose team memberships the decision needs: people who tried to approve and are not listed reviewers. */
export function teamLookups(facts: Omit<Facts, 'teams' | 'latest'>, clicks: readonly PendingClick[]): string[] {
  const { ledgers } = recordClicks(facts.history, clicks, runToWrite(facts));
  const actors = approvalSignals(facts, ledgers).map((s) => s.actor);
  return needsTeamLookup(actors, facts.pull.author, facts.settings.reviewers);
}
