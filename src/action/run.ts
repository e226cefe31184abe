import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError, formatProblem } from '../config/errors.js';
import { loadAppConfig } from '../app/config/load.js';
import type { AppConfig, Mode } from '../app/config/types.js';
import { decide } from '../app/decide/decide.js';
import type { Analysis } from '../app/decide/facts.js';
import { configFailure, draft, notCompleted } from '../app/decide/results.js';
import { completeCheckRun, startCheckRun, type CheckResult } from '../app/github/checks.js';
import { describeError, isStatus } from '../app/github/errors.js';
import { DEFAULT_LIMITS } from '../app/github/archive-checks.js';
import { getPull } from '../app/github/pulls.js';
import type { Octokit } from '../app/github/types.js';
import type { AppIdentity } from '../app/identity.js';
import { FactsReader } from '../app/pipeline/facts-reader.js';
import { gatherFacts } from '../app/pipeline/gather.js';
import type { PrJob } from '../app/pipeline/job.js';
import { ReviewSetupError } from '../review/errors.js';
import { workflowClient } from './client.js';
import { readEvent } from './event.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { analyzeLocally, type LocalAnalysisInput } from './local-analysis.js';
import type { ActionLog } from './log.js';
import { outputsOf, writeOutputs, writeSummary } from './outputs.js';
import { publishAsWorkflow } from './publish.js';
import { withoutButtons, withoutClicks } from './trust.js';

export interface ActionDeps {
  log: ActionLog;
  now: () => Date;
  /** The review of the pull request (default: from the workflow's clone). */
  analyze?: (input: LocalAnalysisInput) => Promise<Analysis>;
}

/**
 * One run of the action, from the environment GitHub Actions gives a step: decide what the event
 * asks for (as the App does), review the pull request from the clone, gather reviews, comments
 * and earlier runs through the API, decide with the App's pure decision (src/app/decide), publish
 * the sticky comment, label, review request and check run with the workflow's token, write the
 * job summary, SARIF and step outputs. Returns the exit code: 1 when the check does not pass (see
 * `fail-on`) or the review could not be made (it fails closed), else 0.
 */
export async function runAction(env: NodeJS.ProcessEnv, deps: ActionDeps): Promise<number> {
  const { log } = deps;
  let inputs: ActionInputs;
  let event: ReturnType<typeof readEvent>;
  try {
    inputs = readInputs(env);
    event = readEvent(env);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    log.error(e.message);
    return 1;
  }
  if (event.kind === 'ignore') {
    log.info(`privacy-review: nothing to do (${event.reason})`);
    return 0;
  }
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) {
    log.error(
      "no token: pass `github-token` (default: the workflow's GITHUB_TOKEN) with the permissions contents: read, pull-requests: write, checks: write",
    );
    return 1;
  }
  const octokit = workflowClient(token, env.GITHUB_API_URL || 'https://api.github.com');
  const pr = event.pr;
  const repo = { owner: pr.owner, repo: pr.repo };
  log.info(`privacy-review: ${event.event} on pull request #${pr.number}`);

  let runId: number | undefined;
  let mode: Mode | undefined;
  const fail = async (reason: string, result?: CheckResult): Promise<number> => {
    log.error(reason);
    if (runId !== undefined) {
      await completeCheckRun(octokit, repo, runId, result ?? notCompleted(mode, reason), deps.now()).catch((e: unknown) =>
        log.warning(`could not report the failure on the check run: ${describeError(e)}`),
      );
    }
    return 1;
  };

  try {
    const pull = await getPull(octokit, pr);
    if (pull.state !== 'open') {
      log.info('privacy-review: the pull request is closed; nothing to review');
      return 0;
    }
    const head = pull.head.sha;
    runId = await startCheckRun(octokit, repo, head, deps.now());
    const me = await identityOf(octokit, repo, runId);

    let config: AppConfig;
    try {
      config = await loadAppConfig(octokit, repo);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      for (const p of e.problems) log.error(formatProblem(p));
      return await fail(
        'the repository configuration cannot be used',
        configFailure(e, `${pull.base.repo.html_url}/blob/${pull.base.repo.default_branch}`),
      );
    }
    mode = config.settings.mode;
    if (pull.draft && config.settings.drafts === 'skip') {
      await completeCheckRun(octokit, repo, runId, withoutActions(draft()), deps.now());
      log.info('privacy-review: a draft pull request; reviewed once it is ready for review');
      return 0;
    }

    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const analysis = await (deps.analyze ?? analyzeLocally)({
      dir: path.resolve(workspace, inputs.path),
      base: { ref: pull.base.ref, sha: pull.base.sha },
      head: { ref: pull.head.ref, sha: head },
      config,
      ...(inputs.manifest ? { manifest: inputs.manifest } : {}),
      ...(inputs.config ? { configFile: inputs.config } : {}),
      repoName: pr.repo,
      repoUrl: pull.base.repo.html_url,
    });

    const reader = new FactsReader(octokit, pr, me.id, { trees: unused, limits: DEFAULT_LIMITS });
    const job: PrJob = {
      installationId: 0,
      pr,
      started: [],
      clicks: [],
      withdrawals: event.withdrawal ? [event.withdrawal] : [],
      reanalyze: false,
      events: [event.event],
    };
    const facts = withoutClicks(
      await gatherFacts(reader, { job, pull, config, me, target: runId, started: [runId] }, new AbortController().signal),
    );
    const plan = withoutButtons(decide(facts, analysis, [], deps.now()));
    await publishAsWorkflow(
      { octokit, pr, botLogin: me.botLogin, comments: facts.comments, runId, comment: inputs.comment, log, now: deps.now },
      plan,
    );

    const conclusion = plan.check.result.conclusion;
    const outputs = outputsOf(analysis, conclusion, plan.log.approved);
    if (inputs.summary) writeSummary(env.GITHUB_STEP_SUMMARY, plan.check.result.summary);
    if (inputs.sarif) await writeSarif(path.resolve(workspace, inputs.sarif), analysis);
    writeOutputs(env.GITHUB_OUTPUT, outputs);
    log.info(
      `privacy-review: ${plan.check.result.title} (verdict ${outputs.verdict}, ${outputs['new-findings']} new, ${outputs['fixed-findings']} fixed, fingerprint ${outputs.fingerprint.slice(0, 12)})`,
    );
    return exitCode(inputs, outputs.verdict, conclusion);
  } catch (e) {
    if (e instanceof ReviewSetupError || e instanceof InputError) return fail(e.message);
    if (e instanceof ConfigError) {
      for (const p of e.problems) log.error(formatProblem(p));
      return fail('the scan configuration cannot be used');
    }
    if (isStatus(e, 403) && runId === undefined) {
      return fail(
        `${describeError(e)}: the workflow token cannot write check runs. Give the job \`permissions: { contents: read, pull-requests: write, checks: write }\`; a pull request from a fork gets a read-only token`,
      );
    }
    return fail(`the privacy review could not be completed: ${describeError(e)}`);
  }
}

/** The review fails the job as the check run would block the merge, per `fail-on`. */
function exitCode(inputs: ActionInputs, verdict: string, conclusion: string): number {
  if (inputs.failOn === 'none') return 0;
  if (inputs.failOn === 'fail') return verdict === 'fail' && conclusion === 'failure' ? 1 : 0;
  return conclusion === 'action_required' || conclusion === 'failure' ? 1 : 0;
}

/**
 * Who the token writes as: the app of the run it just created (GitHub Actions for a workflow's
 * GITHUB_TOKEN; an App when a team passes an App's installation token). The history of earlier
 * reviews is read from that app's runs, and its bot's comment is the sticky one.
 */
async function identityOf(octokit: Octokit, repo: { owner: string; repo: string }, runId: number): Promise<AppIdentity> {
  const { data } = await octokit.rest.checks.get({ ...repo, check_run_id: runId });
  if (!data.app?.slug) throw new Error('the check run GitHub created names no app');
  return { id: data.app.id, slug: data.app.slug, botLogin: `${data.app.slug}[bot]` };
}

async function writeSarif(file: string, analysis: Analysis): Promise<void> {
  const [{ renderReview }, { ANALYZERS }] = [await import('../render/index.js'), await import('../../analyzers/index.js')];
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, renderReview(analysis.review, { format: 'sarif', rules: ANALYZERS.map((a) => a.meta) }));
}

function withoutActions(result: CheckResult): CheckResult {
  return { ...result, actions: [] };
}

/** The action reviews from its clone; the App's tarball path is never taken (FactsReader.analysis is not called). */
const unused = async (): Promise<never> => {
  throw new Error('the action reviews from its clone, not from downloaded trees');
};
