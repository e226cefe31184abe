/** What GitHub said when it refused a request for being over a rate limit. */
export type RateLimit =
  /** The installation's hourly quota is used up until `resetAt`. */
  | { kind: 'primary'; resetAt: Date }
  /** GitHub asked the App to slow down (secondary limit): wait `retryAfterS` seconds. */
  | { kind: 'secondary'; retryAfterS: number };

/** Seconds to wait when a secondary limit names none (GitHub's advice: at least a minute). */
const SECONDARY_FALLBACK_S = 60;

/**
 * The rate limit an Octokit error reports, if any: a 403 or 429 with `x-ratelimit-remaining: 0`
 * (primary), or with `retry-after` or GitHub's "secondary rate limit" message (secondary).
 */
export function rateLimitOf(e: unknown): RateLimit | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { status, message, response } = e as { status?: unknown; message?: unknown; response?: { headers?: Record<string, unknown> } };
  if (status !== 403 && status !== 429) return undefined;
  const headers = response?.headers ?? {};
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset > 0) return { kind: 'primary', resetAt: new Date(reset * 1000) };
  }
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers['retry-after'] !== undefined)
    return { kind: 'secondary', retryAfterS: retryAfter };
  if (/\bsecondary rate\b/i.test(String(message ?? ''))) return { kind: 'secondary', retryAfterS: SECONDARY_FALLBACK_S };
  if (status === 429) return { kind: 'secondary', retryAfterS: SECONDARY_FALLBACK_S };
  return undefined;
}

/** "HH:MM UTC" (the reset is at most an hour ahead, so the day goes without saying). */
export function utcClock(at: Date): string {
  return `${at.toISOString().slice(11, 16)} UTC`;
}

/** A sentence a person can act on: when the App can try again. */
export function describeRateLimit(limit: RateLimit): string {
  return limit.kind === 'primary'
    ? `GitHub's API rate limit for this installation is used up until ${utcClock(limit.resetAt)}`
    : `GitHub asked the App to slow down (secondary rate limit) for ${limit.retryAfterS} seconds`;
}

/** The same, short enough for a check run's title. */
export function rateLimitTitle(limit: RateLimit): string {
  return limit.kind === 'primary' ? `rate limited until ${utcClock(limit.resetAt)}` : 'rate limited by GitHub';
}
