import { describeRateLimit, rateLimitOf } from './rate-limit.js';

/** Whether an Octokit error is this HTTP status (RequestError carries `status`). */
export function isStatus(e: unknown, status: number): boolean {
  return typeof e === 'object' && e !== null && (e as { status?: unknown }).status === status;
}

/**
 * A one-line reason for logs and the check run, without request or response bodies: a rate limit
 * says until when; another Octokit error's message is GitHub's message (no payload); other errors
 * keep their first line.
 */
export function describeError(e: unknown): string {
  const limit = rateLimitOf(e);
  if (limit) return describeRateLimit(limit);
  if (typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number') {
    const status = (e as { status: number }).status;
    const message = String((e as { message?: unknown }).message ?? '')
      .split('\n')[0]
      .slice(0, 200);
    return `GitHub API error ${status}${message ? `: ${message}` : ''}`;
  }
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].slice(0, 300);
}
