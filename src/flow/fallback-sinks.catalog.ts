/**
 * The rows of fallback-sinks.ts: names and methods that mark a sink when no catalogued package is
 * named, and the names that rule one out.
 */

/** Level methods a logger found by its name must be called with. */
export const LOG_METHODS = new Set([
  'trace',
  'debug',
  'info',
  'warn',
  'warning',
  'error',
  'fatal',
  'log',
  'verbose',
  'critical',
  'notice',
  'silly',
  'audit',
]);
/** Receiver names that mean a logger: `logger`, `log`, `this.logger`, `appLogger`, `_log`. */
export const LOGGER_NAME = /^_?(?:[a-z]+)?(?:logger|Logger|log|Log)$/;
/** Names ending in log that are not loggers. */
export const NOT_LOGGER = new Set([
  'console',
  'changelog',
  'catalog',
  'Catalog',
  'dialog',
  'Dialog',
  'backlog',
  'blog',
  'Blog',
  'auditLog',
  'activityLog',
  'eventLog',
]);

/** Vendor globals used without an import (a script tag, an injected global): name → sink and methods. */
export const VENDOR_GLOBALS: ReadonlyMap<
  string,
  {
    id: string;
    label: string;
    kind: 'error_reporter' | 'third_party';
    service?: string;
    family: 'log' | 'egress';
    methods: ReadonlySet<string>;
  }
> = new Map([
  [
    'ReactGA',
    {
      id: 'google-analytics',
      label: 'Google Analytics',
      kind: 'third_party' as const,
      service: 'analytics',
      family: 'egress' as const,
      methods: new Set(['event', 'set', 'send', 'pageview', 'gtag', 'initialize']),
    },
  ],
  [
    'Sentry',
    {
      id: 'sentry',
      label: 'Sentry',
      kind: 'error_reporter' as const,
      family: 'log' as const,
      methods: new Set([
        'captureException',
        'captureMessage',
        'captureEvent',
        'setUser',
        'setContext',
        'setExtra',
        'setExtras',
        'setTag',
        'setTags',
        'addBreadcrumb',
      ]),
    },
  ],
  [
    'Bugsnag',
    {
      id: 'bugsnag',
      label: 'Bugsnag',
      kind: 'error_reporter' as const,
      family: 'log' as const,
      methods: new Set(['notify', 'setUser', 'addMetadata', 'leaveBreadcrumb', 'start']),
    },
  ],
]);

/** Receivers of `postMessage` that are another window (not a worker, a port or this window's own channel). */
export const OTHER_WINDOW = /(?:^|\.)(?:contentWindow|opener|parent|top|frames(?:\[[^\]]+\])?)$/;

/** Methods that write a response header: `res.setHeader('Set-Cookie', v)`, `headers.append('Set-Cookie', v)`. */
export const HEADER_METHODS = new Set(['setHeader', 'header', 'set', 'append', 'appendHeader']);

/**
 * First words of methods that erase by key (`deleteThread(userId)`, `removeUser(id)`, `purgeCache`):
 * an erasure stores and discloses nothing, so an uncatalogued client's such call is no vendor flow.
 */
export const ERASURE_VERBS = new Set([
  'delete',
  'del',
  'remove',
  'destroy',
  'purge',
  'erase',
  'drop',
  'evict',
  'invalidate',
  'revoke',
  'unlink',
  'clear',
]);

/** Node's own modules: never an uncatalogued vendor. */
export const NODE_BUILTINS = new Set([
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
]);
