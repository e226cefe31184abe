import { Octokit as RestOctokit } from '@octokit/rest';
import type { Octokit } from '../app/github/types.js';

/**
 * The workflow's own client: `@octokit/rest` with the job's `GITHUB_TOKEN`, against
 * `GITHUB_API_URL` (github.com, a GitHub Enterprise Server, or a test's loopback server). The App's
 * GitHub helpers (src/app/github) call only `octokit.rest.*`, `octokit.paginate` and
 * `octokit.request`, which this client has as Probot's has; the cast says so once, here.
 */
export function workflowClient(token: string, apiUrl: string): Octokit {
  const client = new RestOctokit({
    auth: token,
    baseUrl: apiUrl.replace(/\/+$/, ''),
    userAgent: 'privacy-review-action',
    // Octokit's own request logging would print URLs with query strings; failures are reported once, by the action.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return client as unknown as Octokit;
}
