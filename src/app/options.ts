import type { PrivacyReviewOptions } from './app.js';

/**
 * Runtime settings from the environment (Probot's own variables, APP_ID, PRIVATE_KEY, ..., are read
 * by Probot): PRIVACY_REVIEW_CONCURRENCY, PRIVACY_REVIEW_TIMEOUT_MINUTES, PRIVACY_REVIEW_MAX_FILES,
 * PRIVACY_REVIEW_MAX_DOWNLOAD_MB, PRIVACY_REVIEW_MAX_WEBHOOK_MB (the largest webhook body the server
 * reads; default 25), PRIVACY_REVIEW_STALE_RUN_SECONDS (an in-progress check run of the App this old
 * that no job works on is completed by the next review; default 60); a value that is not a positive number is ignored. And
 * PRIVACY_REVIEW_ACK_FIRST=false (or 0, no, off: answer webhooks only after their handlers, as plain Probot does).
 */
const OFF = new Set(['false', '0', 'no', 'off']);

export function optionsFromEnv(env: NodeJS.ProcessEnv): PrivacyReviewOptions {
  const num = (name: string) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const concurrency = num('PRIVACY_REVIEW_CONCURRENCY');
  const minutes = num('PRIVACY_REVIEW_TIMEOUT_MINUTES');
  const files = num('PRIVACY_REVIEW_MAX_FILES');
  const mb = num('PRIVACY_REVIEW_MAX_DOWNLOAD_MB');
  const webhookMb = num('PRIVACY_REVIEW_MAX_WEBHOOK_MB');
  const staleSeconds = num('PRIVACY_REVIEW_STALE_RUN_SECONDS');
  return {
    ...(OFF.has(env.PRIVACY_REVIEW_ACK_FIRST?.trim().toLowerCase() ?? '') ? { ackFirst: false } : {}),
    ...(concurrency ? { concurrency: Math.floor(concurrency) } : {}),
    ...(minutes ? { timeoutMs: minutes * 60_000 } : {}),
    ...(staleSeconds ? { staleAfterMs: staleSeconds * 1000 } : {}),
    ...(webhookMb ? { maxWebhookBytes: Math.floor(webhookMb * 1024 * 1024) } : {}),
    ...(files || mb
      ? { limits: { ...(files ? { maxFiles: Math.floor(files) } : {}), ...(mb ? { maxDownloadBytes: mb * 1024 * 1024 } : {}) } }
      : {}),
  };
}

/** Which part of the App a process runs: `web` answers webhooks, `worker` runs reviews, `all` both. */
export type Role = 'all' | 'web' | 'worker';

/** The shared queue's settings: where Redis is, and how long its records live. */
export interface SharedQueueSettings {
  /** redis:// or rediss:// (TLS), with user, password and database as ioredis reads them. */
  url: string;
  /** Every key starts with this (several Apps on one Redis). */
  prefix: string;
  /** How long a delivery id is remembered (redeliveries dropped across processes). */
  dedupeMs: number;
  /** A worker that stops renewing its hold on a job this long is taken as gone; its job runs again elsewhere. */
  lockMs: number;
  /** Analyses kept in Redis (per commit pair), how long, and the largest one stored. */
  cache: { entries: number; ttlMs: number; maxBytes: number };
}

export interface Deployment {
  role: Role;
  /** Undefined: the in-process queue (`npm start` with nothing else). */
  shared?: SharedQueueSettings;
}

/** A setting that cannot be used: what to change, never a stack trace. */
export class DeploymentError extends Error {
  override readonly name = 'DeploymentError';
}

const ROLES = new Set<Role>(['all', 'web', 'worker']);

/**
 * PRIVACY_REVIEW_REDIS_URL switches to the shared queue; PRIVACY_REVIEW_ROLE=all|web|worker
 * (default all; web and worker need Redis); PRIVACY_REVIEW_REDIS_PREFIX (default privacy-review);
 * PRIVACY_REVIEW_DEDUPE_HOURS (default 72: GitHub redelivers within three days);
 * PRIVACY_REVIEW_LOCK_SECONDS (default 30); PRIVACY_REVIEW_CACHE_ENTRIES (default 200),
 * PRIVACY_REVIEW_CACHE_HOURS (default 24), PRIVACY_REVIEW_CACHE_ENTRY_MB (default 8).
 */
export function deploymentFromEnv(env: NodeJS.ProcessEnv): Deployment {
  const role = (env.PRIVACY_REVIEW_ROLE?.trim().toLowerCase() || 'all') as Role;
  if (!ROLES.has(role))
    throw new DeploymentError(`PRIVACY_REVIEW_ROLE must be all, web or worker (it is "${env.PRIVACY_REVIEW_ROLE?.slice(0, 20)}")`);
  const url = env.PRIVACY_REVIEW_REDIS_URL?.trim();
  if (!url) {
    if (role !== 'all')
      throw new DeploymentError(
        `PRIVACY_REVIEW_ROLE=${role} needs PRIVACY_REVIEW_REDIS_URL (the queue the web and worker processes share)`,
      );
    return { role };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeploymentError('PRIVACY_REVIEW_REDIS_URL is not a URL: use redis://[:password@]host:port[/db] or rediss:// for TLS');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new DeploymentError(`PRIVACY_REVIEW_REDIS_URL must start with redis:// or rediss:// (TLS), not ${parsed.protocol}//`);
  }
  if (!parsed.hostname) throw new DeploymentError('PRIVACY_REVIEW_REDIS_URL has no host: use redis://host:port');
  const positive = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v <= 0) throw new DeploymentError(`${name} must be a positive number (it is "${raw.slice(0, 20)}")`);
    return v;
  };
  const prefix = env.PRIVACY_REVIEW_REDIS_PREFIX?.trim() || 'privacy-review';
  if (!/^[\w.-]{1,64}$/.test(prefix))
    throw new DeploymentError('PRIVACY_REVIEW_REDIS_PREFIX may have letters, digits, ".", "_" and "-" (at most 64)');
  return {
    role,
    shared: {
      url,
      prefix,
      dedupeMs: positive('PRIVACY_REVIEW_DEDUPE_HOURS', 72) * 3_600_000,
      lockMs: Math.max(1000, positive('PRIVACY_REVIEW_LOCK_SECONDS', 30) * 1000),
      cache: {
        entries: Math.floor(positive('PRIVACY_REVIEW_CACHE_ENTRIES', 200)),
        ttlMs: positive('PRIVACY_REVIEW_CACHE_HOURS', 24) * 3_600_000,
        maxBytes: Math.floor(positive('PRIVACY_REVIEW_CACHE_ENTRY_MB', 8) * 1024 * 1024),
      },
    },
  };
}
