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
    ...(files || mb ? { limits: { ...(files ? { maxFiles: Math.floor(files) } : {}), ...(mb ? { maxDownloadBytes: mb * 1024 * 1024 } : {}) } } : {}),
  };
}
