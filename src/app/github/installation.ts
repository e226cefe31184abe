import Bottleneck from 'bottleneck';
import type { Probot } from 'probot';
import type { Log } from '../pipeline/run-job.js';
import { budgetOf, MAX_RATE_LIMIT_RETRIES, MAX_RATE_LIMIT_WAIT_S } from './request-budget.js';
import type { SharedThrottle } from './shared-throttle.js';
import type { Octokit } from './types.js';

/** The retry plugin's default statuses not to retry; 429 is added: rate limits are the throttling plugin's. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];

/** What the factory reads of the options Probot would build the client with. */
interface ClientOptions {
  throttle?: { enabled?: boolean; [key: string]: unknown };
  retry?: { doNotRetry?: number[]; [key: string]: unknown };
  auth?: Record<string, unknown>;
  [key: string]: unknown;
}

type Handler = (retryAfterS: number, options: { method: string; url: string }, octokit: object, retryCount: number) => boolean;

/**
 * Probot's installation client (as `probot.auth(id)` builds it: same options, token cache and
 * throttling groups) with the App's rate-limit policy instead of Probot's, which waits for a
 * primary limit's reset however far (an hour) and never retries a secondary limit: a limit is
 * sat out only when the wait is short and ends within the job's budget (see RequestBudget);
 * otherwise the request fails and the check run says until when. With `shared`, the throttling
 * groups live in Redis, shared by every process acting for the installation.
 */
export async function installationOctokit(probot: Probot, installationId: number, log: Log, shared?: SharedThrottle): Promise<Octokit> {
  const app = await probot.auth();
  const handlers = { onRateLimit: decide('primary', log), onSecondaryRateLimit: decide('secondary', log) };
  return (await app.auth({
    type: 'installation',
    installationId,
    factory: ({ octokit, octokitOptions }: { octokit: { constructor: new (o: object) => Octokit }; octokitOptions: ClientOptions }) => {
      const Client = octokit.constructor;
      return new Client({
        ...octokitOptions,
        log: probot.log.child({ name: 'github' }),
        throttle: octokitOptions.throttle?.enabled
          ? { ...octokitOptions.throttle, ...(shared ? { ...shared, Bottleneck } : {}), ...handlers, id: String(installationId) }
          : { enabled: false },
        retry: { ...octokitOptions.retry, doNotRetry: [...new Set([...(octokitOptions.retry?.doNotRetry ?? DO_NOT_RETRY), 429])] },
        auth: { ...octokitOptions.auth, installationId },
      });
    },
  })) as Octokit;
}

function decide(limit: 'primary' | 'secondary', log: Log): Handler {
  return (retryAfterS, options, octokit, retryCount) => {
    const budget = budgetOf(octokit);
    const retry = retryCount < MAX_RATE_LIMIT_RETRIES && (budget ? budget.canWait(retryAfterS) : retryAfterS <= MAX_RATE_LIMIT_WAIT_S);
    // The route template only (no owner, repository or parameters).
    log.warn({ limit, retryAfterS, request: `${options.method} ${options.url}`, retry }, 'GitHub rate limit');
    return retry;
  };
}
