import type { Octokit } from './types.js';
import { rateLimitOf } from './rate-limit.js';

/** The longest rate-limit wait worth sitting out; a longer one fails the review with the reset time. */
export const MAX_RATE_LIMIT_WAIT_S = 60;

/** Times one request is sent again after a rate limit (a limit that keeps coming back is reported). */
export const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * How long a job's requests may take: they stop when `signal` aborts (a timeout, a newer push),
 * and a rate-limit wait is sat out only when it is short and ends before `deadline` (epoch ms).
 * Mutable: a job that failed gets a short budget of its own to complete its check runs.
 */
export class RequestBudget {
  constructor(
    public signal: AbortSignal | undefined,
    public deadline: number,
  ) {}

  /** A fresh budget of `ms` from now, for the last requests after the job's own budget is spent. */
  renew(ms: number, now = Date.now()): void {
    this.signal = AbortSignal.timeout(ms);
    this.deadline = now + ms;
  }

  /** Whether waiting `seconds` and trying again still ends before the deadline. */
  canWait(seconds: number, now = Date.now()): boolean {
    return seconds <= MAX_RATE_LIMIT_WAIT_S && !this.signal?.aborted && now + seconds * 1000 < this.deadline;
  }
}

const budgets = new WeakMap<object, RequestBudget>();

/** The budget an Octokit instance's requests run under (the throttling handlers ask it). */
export function budgetOf(octokit: object): RequestBudget | undefined {
  return budgets.get(octokit);
}

/**
 * Bound every request of this (per-job) Octokit instance by `budget`: the request carries the
 * budget's signal, and the caller stops waiting when it aborts, also while the throttling or retry
 * plugins wait to send it again (this hook is registered last, so it wraps theirs). A `retry-after`
 * the throttling plugin does not know as a secondary limit (it looks for GitHub's message) is
 * honoured here, within the same budget.
 */
export function bindBudget(octokit: Octokit, budget: RequestBudget): void {
  const first = !budgets.has(octokit);
  budgets.set(octokit, budget);
  if (!first) return;
  octokit.hook.wrap('request', async (request, options) => {
    for (let retry = 0; ; retry++) {
      const { signal } = budgets.get(octokit)!;
      signal?.throwIfAborted();
      const bounded = signal && !options.request?.signal ? { ...options, request: { ...options.request, signal } } : options;
      try {
        return await untilAborted(Promise.resolve(request(bounded)), signal);
      } catch (e) {
        const limit = rateLimitOf(e);
        const throttled = /\bsecondary rate\b/i.test(String((e as { message?: unknown }).message ?? ''));
        if (
          limit?.kind !== 'secondary' ||
          throttled ||
          retry >= MAX_RATE_LIMIT_RETRIES ||
          !budgets.get(octokit)!.canWait(limit.retryAfterS)
        )
          throw e;
        await delay(limit.retryAfterS * 1000, signal);
      }
    }
  });
}

/** `promise`, or its rejection with the abort reason as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return untilAborted(new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()), signal);
}
