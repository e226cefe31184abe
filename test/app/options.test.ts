import { optionsFromEnv } from '../../src/app/options.js';

/** The App's own environment variables; anything that is not a usable value keeps the default. */
test.each([
  [{}, {}],
  [{ PRIVACY_REVIEW_CONCURRENCY: '3' }, { concurrency: 3 }],
  [{ PRIVACY_REVIEW_CONCURRENCY: '2.7' }, { concurrency: 2 }],
  [{ PRIVACY_REVIEW_CONCURRENCY: '0' }, {}],
  [{ PRIVACY_REVIEW_CONCURRENCY: 'many' }, {}],
  [{ PRIVACY_REVIEW_TIMEOUT_MINUTES: '1.5' }, { timeoutMs: 90_000 }],
  [{ PRIVACY_REVIEW_MAX_FILES: '100' }, { limits: { maxFiles: 100 } }],
  [{ PRIVACY_REVIEW_MAX_DOWNLOAD_MB: '2' }, { limits: { maxDownloadBytes: 2 * 1024 * 1024 } }],
  [{ PRIVACY_REVIEW_STALE_RUN_SECONDS: '2' }, { staleAfterMs: 2000 }],
  [{ PRIVACY_REVIEW_STALE_RUN_SECONDS: '-1' }, {}],
  [{ PRIVACY_REVIEW_ACK_FIRST: 'false' }, { ackFirst: false }],
  [{ PRIVACY_REVIEW_ACK_FIRST: ' FALSE ' }, { ackFirst: false }],
  [{ PRIVACY_REVIEW_ACK_FIRST: 'true' }, {}],
  [{ PRIVACY_REVIEW_ACK_FIRST: 'off' }, { ackFirst: false }],
  [{ PRIVACY_REVIEW_ACK_FIRST: '0' }, { ackFirst: false }],
  [{ PRIVACY_REVIEW_ACK_FIRST: 'nope' }, {}],
])('%j -> %j', (env, options) => {
  expect(optionsFromEnv(env)).toEqual(options);
});
