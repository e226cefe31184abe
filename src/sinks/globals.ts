/**
 * Identifiers that mean a browser/Node global (module `global`) when nothing in the project declares
 * them: runtime APIs and the globals that vendor snippets install (`gtag`, `fbq`, `analytics`, ...).
 * A local declaration of the same name shadows them.
 */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set([
  // runtime
  'console',
  'fetch',
  'localStorage',
  'sessionStorage',
  'document',
  'navigator',
  'window',
  'globalThis',
  'self',
  'global',
  'process',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'Image',
  'indexedDB',
  'URL',
  // analytics / tag snippets
  'gtag',
  'ga',
  'dataLayer',
  'fbq',
  'ttq',
  'lintrk',
  'uetq',
  'snaptr',
  'pintrk',
  'twq',
  'rdt',
  '_hsq',
  '_learnq',
  '_cio',
  'analytics',
  'rudderanalytics',
  'mixpanel',
  'amplitude',
  'posthog',
  'heap',
  'FS',
  'Intercom',
  'hj',
  'pendo',
  'clarity',
  'klaviyo',
  'braze',
  // monitoring snippets
  'DD_RUM',
  'DD_LOGS',
  'newrelic',
  'LogRocket',
  'Sentry',
  'Raven',
  'Bugsnag',
  'Rollbar',
]);

/** `window.x`, `globalThis.x`, `self.x`, `global.x` are the global `x`. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self', 'global']);

export const GLOBAL_MODULE = 'global';
