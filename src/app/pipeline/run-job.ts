import { ConfigError, formatProblem } from '../../config/errors.js';
import { parseCommand } from '../approval/commands.js';
import { needsTeamLookup } from '../approval/eligibility.js';
import { evaluateApprovals } from '../approval/evaluate.js';
import type { Ledger } from '../approval/ledger.js';
import { encodeLedger, stripLedger } from '../approval/ledger.js';
import type { ApprovalSignal, FingerprintRecord } from '../approval/types.js';
import { loadAppConfig } from '../config/load.js';
import type { AppConfig, Mode } from '../config/types.js';
import { APP_CONFIG_PATH } from '../constants.js';
import { completeCheckRun, startCheckRun, updateCheckText, type CheckResult } from '../github/checks.js';
import { upsertSticky } from '../github/comment.js';
import { compareCommits } from '../github/compare.js';
import { describeError } from '../github/errors.js';
import { rateLimitOf, rateLimitTitle } from '../github/rate-limit.js';
import { bindBudget, RequestBudget, untilAborted } from '../github/request-budget.js';
import { staleRuns } from '../github/stale-runs.js';
import { loadHistory } from '../github/history.js';
import { syncLabel } from '../github/labels.js';
import { getPull, listComments, listReviews, recentCommits } from '../github/pulls.js';
import { requestReviewers } from '../github/reviewers.js';
import { teamMemberships } from '../github/teams.js';
import type { Octokit, RepoRef } from '../github/types.js';
import type { AppIdentity } from '../identity.js';
import { annotationsFor } from '../present/annotations.js';
import { approvalSection } from '../present/approval-section.js';
import { decideOutcome, errorOutcome } from '../present/conclusion.js';
import { checkSummary, checkText, commentBody } from '../present/documents.js';
import { reviewRequest } from '../present/review-requests.js';
import { whatChanged } from '../present/what-changed.js';
import { JobAborted } from '../queue/types.js';
import { analysisKey, analyze, type AnalysisCache, type AnalyzeDeps } from './analyze.js';
import type { PrJob, StartingRun } from './job.js';

/** The logging the job needs; Probot's (wrapped) pino logger fits. Never pass payloads or bodies. */
export interface Log {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobDeps extends AnalyzeDeps {
  auth(installationId: number): Promise<Octokit>;
  identity(): Promise<AppIdentity>;
  cache: AnalysisCache;
  log: Log;
  now(): Date;
  timeoutMs: number;
  /** An in-progress run of the App this old that no job works on is completed (default 60 s). */
  staleAfterMs?: number;
}

/** After the job's own time is spent: how long completing its check runs may still take. */
const CLOSING_MS = 30_000;

/**
 * Evaluate one pull request from what GitHub has now (stateless, like policy-bot): configuration
 * from the default branch, the analysis of merge base and head (cached per commit pair), the
 * approvals from reviews, comments and the App's own check runs; then write the check run, the
 * sticky comment, the label and (once) the review request. Every check run a webhook started is
 * completed, whatever happens: with the result, as superseded, or as a failure saying why.
 */
export async function runJob(deps: JobDeps, job: PrJob, signal: AbortSignal): Promise<void> {
  const t0 = Date.now();
  const repo: RepoRef = { owner: job.pr.owner, repo: job.pr.repo };
  const ids = { pr: job.pr.number, installation: job.installationId, events: job.events };
  const done = new Set<number>();
  // Every request of the job stops at the timeout, rate-limit waits included.
  const budget = new RequestBudget(signal, t0 + deps.timeoutMs);
  const awaited = new Set<StartingRun>();
  let octokit: Octokit | undefined;
  let mode: Mode | undefined;
  let headSha: string | undefined;
  let target: number | undefined;
  const complete = async (id: number, result: CheckResult) => {
    await completeCheckRun(octokit!, repo, id, result, deps.now());
    done.add(id);
  };

  // The check runs the webhooks asked for: created by now, or being created (their ids are needed below).
  const started = [...job.started];
  try {
    for (const s of job.starting ?? []) {
      const id = await untilAborted(s.id, signal);
      awaited.add(s);
      if (id !== undefined) started.push({ sha: s.sha, id });
    }
    octokit = await deps.auth(job.installationId);
    bindBudget(octokit, budget);
    const me = await deps.identity();
    const pull = await getPull(octokit, job.pr);
    headSha = pull.head.sha;
    const head = headSha;
    target = started.filter((s) => s.sha === head).sort((a, b) => b.id - a.id)[0]?.id;
    for (const s of started) if (s.id !== target) await complete(s.id, superseded());

    if (pull.state !== 'open') {
      if (target) await complete(target, { conclusion: 'neutral', title: 'Pull request closed', summary: 'The pull request was closed before the review finished.' });
      return;
    }
    let config: AppConfig;
    try {
      config = await loadAppConfig(octokit, repo);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      target ??= await startCheckRun(octokit, repo, head, deps.now());
      await complete(target, configFailure(e, `${pull.base.repo.html_url}/blob/${pull.base.repo.default_branch}`));
      deps.log.warn({ ...ids, problems: e.problems.length }, 'invalid repository configuration');
      return;
    }
    mode = config.settings.mode;
    if (pull.draft && config.settings.drafts === 'skip') {
      if (target) await complete(target, draft());
      return;
    }

    const comparison = await compareCommits(octokit, repo, pull.base.sha, head);
    const key = analysisKey(pull.base.repo.id, comparison.mergeBase, head, config);
    let analysis = job.reanalyze ? undefined : deps.cache.get(key);
    if (!analysis) {
      analysis = await analyze(
        octokit,
        deps,
        { repo, repoUrl: pull.base.repo.html_url, baseRef: pull.base.ref, headRef: pull.head.ref, headSha: head, comparison, config },
        signal,
      );
      deps.cache.set(key, analysis);
    }
    signal.throwIfAborted();
    const { review, prepared } = analysis;
    const fingerprint = review.verdict.reviewFingerprint;

    const [reviews, comments, commits] = await Promise.all([listReviews(octokit, job.pr), listComments(octokit, job.pr), recentCommits(octokit, job.pr)]);
    const history = await loadHistory(octokit, repo, [...commits, ...reviews.map((r) => r.commit_id ?? ''), ...job.clicks.map((c) => c.sha), head].filter(Boolean), me.id);

    // The run to write: the one a webhook started, else the head's latest run (an approval refresh), else a new one.
    const reuse = target === undefined ? history.runs.find((r) => r.sha === head) : undefined;

    // Clicks on "Approve": GitHub keeps no record of them, so the clicked run keeps it.
    for (const click of job.clicks) {
      const run = history.runs.find((r) => r.id === click.checkRunId);
      if (!run) continue;
      const ledger: Ledger = history.ledgers.get(run.id) ?? { v: 1, fingerprint: run.externalId, reviewedAt: run.completedAt ?? click.at, asked: [], clicks: [], withdrawals: [], requested: false };
      // What the run showed when it was clicked: it may have been rewritten since (a retargeted base).
      ledger.clicks = [...ledger.clicks, { actor: click.actor, at: click.at, fingerprint: click.fingerprint ?? run.externalId }];
      history.ledgers.set(run.id, ledger);
      // The run written at the end gets it with its result; another (older) run is updated now.
      if (run.id !== (target ?? reuse?.id)) await updateCheckText(octokit, repo, run, `${stripLedger(run.text ?? '')}\n\n${encodeLedger(ledger)}`);
    }

    const signals: ApprovalSignal[] = [];
    for (const r of reviews) {
      if (!r.user || !r.submitted_at) continue;
      signals.push({ via: 'review', id: r.id, actor: { login: r.user.login, type: r.user.type }, at: r.submitted_at, state: r.state, commit: r.commit_id ?? '', url: r.html_url });
    }
    for (const c of comments) {
      const command = parseCommand(c.body);
      if (!command || !c.user || c.user.login.toLowerCase() === me.botLogin.toLowerCase()) continue;
      signals.push({ via: 'comment', id: c.id, actor: { login: c.user.login, type: c.user.type }, at: c.created_at, command, edited: c.updated_at !== c.created_at, url: c.html_url });
    }
    for (const [runId, ledger] of history.ledgers) {
      const url = history.runs.find((r) => r.id === runId)?.url;
      ledger.clicks.forEach((k, i) => signals.push({ via: 'action', id: runId * 1000 + i, actor: k.actor, at: k.at, fingerprint: k.fingerprint, ...(url ? { url } : {}) }));
    }

    const settings = config.settings;
    const author = pull.user.login;
    const memberships = await teamMemberships(octokit, needsTeamLookup(signals.map((s) => s.actor), author, settings.reviewers), settings.reviewers.teams);
    const nowIso = deps.now().toISOString();
    const records: FingerprintRecord[] = [...history.records, { sha: head, fingerprint, completedAt: nowIso, asked: analysis.asked }];
    const withdrawals = [...job.withdrawals, ...[...history.ledgers.values()].flatMap((l) => l.withdrawals)];
    const approval = evaluateApprovals({ fingerprint, author, policy: settings.reviewers, signals, history: records, withdrawals, teamsOf: (login) => memberships.get(login.toLowerCase()) });
    const outcome = decideOutcome(review.verdict.decision, review.verdict.reasons, approval, settings.mode);
    const changes = new Map(approval.outdated.map((a) => [a.reviewer.toLowerCase(), whatChanged(records.find((r) => r.fingerprint === a.fingerprint && r.asked)?.asked, review)]));
    const section = approvalSection({ decision: review.verdict.decision, approval, settings, changes });

    // A push while this ran: the newer job writes the pull request's comment and label.
    signal.throwIfAborted();
    const fresh = await getPull(octokit, job.pr);
    const stillHead = fresh.head.sha === head && fresh.state === 'open';
    let requested = [...history.ledgers.values()].some((l) => l.requested);
    let commentUrl: string | undefined;
    if (stillHead) {
      const sticky = await upsertSticky(octokit, job.pr, me.botLogin, commentBody(section, prepared), comments, { create: review.verdict.decision !== 'pass' });
      commentUrl = sticky.url;
      if (settings.labels.required) await syncLabel(octokit, job.pr, settings.labels.required, outcome.needsAttention, fresh.labels.map((l) => l.name));
      if (outcome.askReviewers && !requested) {
        const request = reviewRequest(settings, {
          author,
          owner: repo.owner,
          requestedUsers: (fresh.requested_reviewers ?? []).map((u) => u.login),
          requestedTeams: (fresh.requested_teams ?? []).map((t) => t.slug),
          reviewed: reviews.map((r) => r.user?.login ?? '').filter(Boolean),
          askedBefore: requested,
        });
        if (request) {
          try {
            await requestReviewers(octokit, job.pr, request);
            requested = true;
          } catch (e) {
            // E.g. a listed reviewer without access to the repository: the comment still names them.
            deps.log.warn({ ...ids, reason: describeError(e) }, 'could not request privacy reviewers');
          }
        }
      }
    }

    const runId = target ?? reuse?.id ?? (await startCheckRun(octokit, repo, head, deps.now()));
    const previous = history.ledgers.get(runId);
    const sameReview = previous?.fingerprint === fingerprint;
    const ledger: Ledger = {
      v: 1,
      fingerprint,
      reviewedAt: sameReview ? previous!.reviewedAt : nowIso,
      asked: analysis.asked,
      clicks: previous?.clicks ?? [],
      withdrawals: approval.withdrawals,
      requested,
    };
    // Annotations add up over updates: only a run that has none gets them.
    const annotate = !reuse || reuse.annotationsCount === 0;
    const { annotations, omitted } = annotationsFor(review);
    const extra = omitted ? [`${omitted} annotations were left out (the App's limit); the summary lists every finding.`] : [];
    await complete(runId, {
      conclusion: outcome.conclusion,
      title: outcome.title,
      summary: checkSummary(section, prepared),
      text: checkText(approval.audit, ledger, extra),
      ...(annotate ? { annotations } : {}),
      actions: outcome.actions,
      externalId: fingerprint,
      detailsUrl: commentUrl ?? pull.html_url,
    });
    deps.log.info({ ...ids, conclusion: outcome.conclusion, decision: review.verdict.decision, approved: approval.approved, ms: Date.now() - t0 }, 'privacy review published');

    // Runs an earlier job could not complete (GitHub refused the update): the head's get this result.
    const own = new Set([runId, ...started.map((s) => s.id)]);
    for (const run of staleRuns(history.runs, own, deps.now(), deps.staleAfterMs)) {
      const result = run.sha === head ? replacedBy(outcome, commentUrl ?? pull.html_url) : unfinished(mode);
      await complete(run.id, result).then(
        () => deps.log.info({ ...ids, run: run.id }, 'stale check run completed'),
        (e: unknown) => deps.log.warn({ ...ids, run: run.id, reason: describeError(e) }, 'could not complete a stale check run'),
      );
    }
  } catch (e) {
    await fail(e);
  }

  async function fail(e: unknown): Promise<void> {
    // The job's own budget may be spent (a timeout): its check runs get a short one of their own.
    budget.renew(CLOSING_MS);
    for (const s of job.starting ?? []) {
      if (awaited.has(s)) continue;
      const id = await untilAborted(s.id, budget.signal).catch(() => undefined);
      if (id !== undefined) started.push({ sha: s.sha, id });
    }
    // Stopped before it had a client (a timeout while waiting for its check run): one to complete it.
    if (!octokit && started.length) {
      octokit = await deps.auth(job.installationId).catch(() => undefined);
      if (octokit) bindBudget(octokit, budget);
    }
    if (!octokit) {
      deps.log.error({ ...ids, reason: describeError(e) }, 'privacy review could not start');
      return;
    }
    const aborted = e instanceof JobAborted ? e : signal.aborted && signal.reason instanceof JobAborted ? signal.reason : undefined;
    const open = [...new Set([...(target ? [target] : []), ...started.map((s) => s.id)])].filter((id) => !done.has(id));
    if (aborted?.reason === 'superseded') {
      for (const id of open) await complete(id, superseded()).catch(() => undefined);
      deps.log.info({ ...ids }, 'privacy review superseded by a newer push');
      return;
    }
    const reason = aborted?.reason === 'timeout' ? `it did not finish within ${Math.round(deps.timeoutMs / 60_000)} minutes` : describeError(e);
    deps.log.error({ ...ids, reason }, 'privacy review failed');
    if (!open.length && headSha) {
      const id = await startCheckRun(octokit, repo, headSha, deps.now()).catch(() => undefined);
      if (id) open.push(id);
    }
    const limit = aborted ? undefined : rateLimitOf(e);
    const outcome = errorOutcome(mode, limit && rateLimitTitle(limit));
    for (const id of open) {
      await complete(id, {
        ...outcome,
        summary:
          `The privacy review of this commit could not be completed: ${reason}.\n\n` +
          'Nothing was decided about this pull request. Use **Re-run** above (or re-run the check from the Checks tab). ' +
          'If it keeps failing, the App’s logs have the details.',
      }).catch((err: unknown) => deps.log.error({ ...ids, reason: describeError(err) }, 'could not report the failure on the check run'));
    }
  }
}

/** A stale run of the head: the result this job published, pointing to where it is. */
function replacedBy(outcome: Pick<CheckResult, 'conclusion' | 'title'>, detailsUrl: string): CheckResult {
  return {
    conclusion: outcome.conclusion,
    title: outcome.title,
    summary: 'This run stopped before it finished. A newer run of the privacy review of this commit has the result (the same conclusion), its checklist and its approvals.',
    detailsUrl,
  };
}

/** A stale run of an earlier commit: it never finished, and nothing was decided for that commit. */
function unfinished(mode: Mode | undefined): CheckResult {
  return {
    ...errorOutcome(mode, 'it did not finish'),
    summary: 'This run stopped before it finished (GitHub did not accept its result). A newer commit of this pull request is reviewed instead; use **Re-run** to review this commit again.',
  };
}

function superseded(): CheckResult {
  return { conclusion: 'neutral', title: 'Superseded by a newer commit', summary: 'A newer push to this pull request is reviewed instead.' };
}

function draft(): CheckResult {
  return {
    conclusion: 'neutral',
    title: 'Draft pull request: not reviewed yet',
    summary: `The privacy review runs when the pull request is marked ready for review (\`drafts: review\` in ${APP_CONFIG_PATH} reviews drafts too).`,
  };
}

/** The configuration is invalid: what is wrong and where, with links to the lines on the default branch. */
function configFailure(e: ConfigError, blobBase: string): CheckResult {
  const lines = e.problems.slice(0, 50).map((p) => {
    const own = !p.file.includes(':');
    const where = own ? `[\`${p.file}:${p.line}\`](${blobBase}/${p.file}#L${p.line})` : `\`${p.file}:${p.line}\``;
    return `- ${where}: ${formatProblem(p).slice(`${p.file}:${p.line}:${p.column}: `.length)}`;
  });
  const first = e.problems[0];
  return {
    conclusion: 'failure',
    title: `Invalid configuration: ${first ? `${first.file}:${first.line}: ${first.message}` : 'see details'}`.slice(0, 120),
    summary: [
      `The repository configuration cannot be used, so this pull request was not reviewed.`,
      '',
      ...lines,
      '',
      `Fix it on the default branch (the configuration is read from there, so that a pull request cannot change its own rules), then push or use **Re-run**.`,
    ].join('\n'),
    actions: [...errorOutcome('block').actions],
  };
}
