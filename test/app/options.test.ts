import { deploymentFromEnv, DeploymentError, optionsFromEnv } from '../../src/app/options.js';

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

describe('the shared queue and the role', () => {
  const HOUR = 3_600_000;
  test('without Redis: the in-process queue, all roles in one process', () => {
    expect(deploymentFromEnv({})).toEqual({ role: 'all' });
    expect(deploymentFromEnv({ PRIVACY_REVIEW_ROLE: ' ALL ' })).toEqual({ role: 'all' });
  });

  test('with Redis: the URL, the role and the defaults', () => {
    expect(
      deploymentFromEnv({ PRIVACY_REVIEW_REDIS_URL: 'rediss://:s3cret@redis.internal:6380/2', PRIVACY_REVIEW_ROLE: 'worker' }),
    ).toEqual({
      role: 'worker',
      shared: {
        url: 'rediss://:s3cret@redis.internal:6380/2',
        prefix: 'privacy-review',
        dedupeMs: 72 * HOUR,
        lockMs: 30_000,
        cache: { entries: 200, ttlMs: 24 * HOUR, maxBytes: 8 * 1024 * 1024 },
      },
    });
  });

  test('every setting can be changed', () => {
    const shared = deploymentFromEnv({
      PRIVACY_REVIEW_REDIS_URL: 'redis://127.0.0.1:7000',
      PRIVACY_REVIEW_ROLE: 'web',
      PRIVACY_REVIEW_REDIS_PREFIX: 'acme-pr',
      PRIVACY_REVIEW_DEDUPE_HOURS: '1',
      PRIVACY_REVIEW_LOCK_SECONDS: '4',
      PRIVACY_REVIEW_CACHE_ENTRIES: '10',
      PRIVACY_REVIEW_CACHE_HOURS: '0.5',
      PRIVACY_REVIEW_CACHE_ENTRY_MB: '1',
    }).shared;
    expect(shared).toEqual({
      url: 'redis://127.0.0.1:7000',
      prefix: 'acme-pr',
      dedupeMs: HOUR,
      lockMs: 4_000,
      cache: { entries: 10, ttlMs: HOUR / 2, maxBytes: 1024 * 1024 },
    });
  });

  test.each([
    [{ PRIVACY_REVIEW_ROLE: 'web' }, 'PRIVACY_REVIEW_ROLE=web needs PRIVACY_REVIEW_REDIS_URL'],
    [{ PRIVACY_REVIEW_ROLE: 'worker' }, 'PRIVACY_REVIEW_ROLE=worker needs PRIVACY_REVIEW_REDIS_URL'],
    [{ PRIVACY_REVIEW_ROLE: 'scheduler' }, 'PRIVACY_REVIEW_ROLE must be all, web or worker'],
    [{ PRIVACY_REVIEW_REDIS_URL: 'localhost:6379' }, 'must start with redis:// or rediss://'],
    [{ PRIVACY_REVIEW_REDIS_URL: 'http://redis:6379' }, 'must start with redis:// or rediss://'],
    [{ PRIVACY_REVIEW_REDIS_URL: 'not a url' }, 'is not a URL'],
    [
      { PRIVACY_REVIEW_REDIS_URL: 'redis://h:1', PRIVACY_REVIEW_LOCK_SECONDS: 'soon' },
      'PRIVACY_REVIEW_LOCK_SECONDS must be a positive number',
    ],
    [
      { PRIVACY_REVIEW_REDIS_URL: 'redis://h:1', PRIVACY_REVIEW_DEDUPE_HOURS: '0' },
      'PRIVACY_REVIEW_DEDUPE_HOURS must be a positive number',
    ],
    [{ PRIVACY_REVIEW_REDIS_URL: 'redis://h:1', PRIVACY_REVIEW_REDIS_PREFIX: 'a b' }, 'PRIVACY_REVIEW_REDIS_PREFIX may have'],
  ])('%j is refused: %s', (env, message) => {
    expect(() => deploymentFromEnv(env)).toThrow(DeploymentError);
    expect(() => deploymentFromEnv(env)).toThrow(message);
  });

  test('the refusal never repeats a password from the URL', () => {
    expect(() => deploymentFromEnv({ PRIVACY_REVIEW_REDIS_URL: 'http://:hunter2@redis:6379' })).toThrow(/^(?!.*hunter2)/s);
  });
});
