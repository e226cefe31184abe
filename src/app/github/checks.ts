import { CHECK_NAME } from '../constants.js';
import { batches, type Annotation } from '../present/annotations.js';
import type { CheckAction, Conclusion } from '../present/conclusion.js';
import type { Octokit, RepoRef } from './types.js';

/** One of the App's check runs, as read back from GitHub. */
export interface CheckRunRecord {
  id: number;
  sha: string;
  status: string;
  conclusion: string | null;
  externalId: string;
  startedAt: string | null;
  completedAt: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  annotationsCount: number;
  url: string;
}

export interface CheckResult {
  conclusion: Conclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: readonly Annotation[];
  actions?: readonly CheckAction[];
  /** The review fingerprint: only the App can write its check runs, so this is a trusted record. */
  externalId?: string;
  detailsUrl?: string;
}

/** A new check run, `in_progress` at once: the pull request shows the review is under way. */
export async function startCheckRun(octokit: Octokit, repo: RepoRef, sha: string, now: Date): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: sha,
    status: 'in_progress',
    started_at: now.toISOString(),
    output: { title: 'Reviewing…', summary: 'The privacy review of this commit is running.' },
  });
  return data.id;
}

/** The App's check runs on a commit, newest first. */
export async function listCheckRuns(octokit: Octokit, repo: RepoRef, sha: string, appId: number): Promise<CheckRunRecord[]> {
  const { data } = await octokit.rest.checks.listForRef({
    ...repo,
    ref: sha,
    check_name: CHECK_NAME,
    app_id: appId,
    filter: 'all',
    per_page: 100,
  });
  return data.check_runs
    .filter((r) => r.app?.id === appId && r.name === CHECK_NAME)
    .map((r): CheckRunRecord => ({
      id: r.id,
      sha: r.head_sha,
      status: r.status,
      conclusion: r.conclusion ?? null,
      externalId: r.external_id ?? '',
      startedAt: r.started_at ?? null,
      completedAt: r.completed_at ?? null,
      title: r.output?.title ?? null,
      summary: r.output?.summary ?? null,
      text: r.output?.text ?? null,
      annotationsCount: r.output?.annotations_count ?? 0,
      url: r.html_url ?? '',
    }))
    .sort((a, b) => b.id - a.id);
}

/**
 * Complete a check run. GitHub takes 50 annotations per request: all batches but the last go in
 * while the run is still in progress, the last one with the conclusion, so that a completed run
 * always has all of them.
 */
export async function completeCheckRun(octokit: Octokit, repo: RepoRef, id: number, result: CheckResult, now: Date): Promise<void> {
  const output = { title: result.title, summary: result.summary, ...(result.text ? { text: result.text } : {}) };
  const parts = batches(result.annotations ?? []);
  for (const part of parts.slice(0, -1)) {
    await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { ...output, annotations: part } });
  }
  const last = parts[parts.length - 1];
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: id,
    status: 'completed',
    conclusion: result.conclusion,
    completed_at: now.toISOString(),
    output: { ...output, ...(last ? { annotations: last } : {}) },
    actions: [...(result.actions ?? [])],
    ...(result.externalId !== undefined ? { external_id: result.externalId } : {}),
    ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
  });
}

/** Rewrite only a run's text (to record a click on its button) without touching its conclusion. */
export async function updateCheckText(octokit: Octokit, repo: RepoRef, run: CheckRunRecord, text: string): Promise<void> {
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: run.id,
    output: { title: run.title ?? CHECK_NAME, summary: run.summary ?? '', text },
  });
}
