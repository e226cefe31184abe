import { calls, type SinkSpec } from '../../src/sinks/catalog-types.js';

/**
 * Loggers and error reporters (family `log`, rule pii-logging). Format and matching rule:
 * src/sinks/catalog-types.ts. In short: `packages` must contain the callee's module, and each `path`
 * must equal the end of the callee's API path once `new`/`default` steps are dropped (`^` anchors it
 * at the start). Arguments default to all: every argument of a log call ends up in the record.
 */

/** Common level methods; `[]` is `logger[level](...)`. */
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', '[]'];
/** Levels projects commonly add to pino (`customLevels: { audit: 90 }`): `logger.audit(event)` writes a record too. */
const PINO_CUSTOM_LEVELS = ['audit', 'notice', 'critical', 'alert', 'emerg', 'verbose', 'silly', 'http', 'success'];
/** winston's npm + syslog levels. */
const WINSTON_LEVELS = [
  'error',
  'warn',
  'info',
  'http',
  'verbose',
  'debug',
  'silly',
  'emerg',
  'alert',
  'crit',
  'warning',
  'notice',
  'log',
  '[]',
];
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', '[]'];

/** Every `@sentry/*` SDK (node, browser, react, nextjs, vue, ...) shares this API; raven is its predecessor. */
const SENTRY_METHODS = [
  'captureException',
  'captureMessage',
  'captureEvent',
  'captureFeedback',
  'addBreadcrumb',
  'setUser',
  'setContext',
  'setTag',
  'setTags',
  'setExtra',
  'setExtras',
  // raven-js / raven
  'captureBreadcrumb',
  'setUserContext',
  'setExtraContext',
  'setTagsContext',
  'mergeContext',
];

export const LOGGER_SINKS: readonly SinkSpec[] = [
  // ---- console and stdio ----
  {
    id: 'console',
    kind: 'logger',
    label: 'console',
    packages: ['global'],
    calls: [
      ...calls(CONSOLE_METHODS.map((m) => `^console.${m}`)),
      { path: '^console.assert', args: ['1..'] },
      { path: ['^process.stdout.write', '^process.stderr.write'], args: [0] },
    ],
  },
  // `import { Console } from 'console'; new Console(stream).log(...)`
  { id: 'console', kind: 'logger', label: 'console', packages: ['console'], calls: calls(CONSOLE_METHODS) },

  // ---- logging libraries ----
  {
    id: 'winston',
    kind: 'logger',
    label: 'winston',
    receiver: 'logger',
    packages: ['winston'],
    // Bindings passed to child() are written with every record of the child.
    calls: [...calls(WINSTON_LEVELS), { path: 'child', args: [0] }],
  },
  {
    id: 'pino',
    kind: 'logger',
    label: 'pino',
    receiver: 'logger',
    redact: 'pino',
    packages: ['pino', 'pino-http', 'express-pino-logger', 'koa-pino-logger', 'hapi-pino'],
    calls: [...calls([...LEVELS, ...PINO_CUSTOM_LEVELS]), { path: 'child', args: [0] }],
  },
  {
    id: 'pino',
    kind: 'logger',
    label: 'nestjs-pino',
    packages: ['nestjs-pino'],
    calls: calls([
      'PinoLogger.trace',
      'PinoLogger.debug',
      'PinoLogger.info',
      'PinoLogger.warn',
      'PinoLogger.error',
      'PinoLogger.fatal',
      'PinoLogger.assign',
      'Logger.log',
      'Logger.error',
      'Logger.warn',
      'Logger.debug',
      'Logger.verbose',
      'Logger.fatal',
    ]),
  },
  {
    id: 'bunyan',
    kind: 'logger',
    label: 'bunyan',
    receiver: 'logger',
    packages: ['bunyan'],
    calls: [...calls(LEVELS), { path: 'child', args: [0] }],
  },
  {
    id: 'log4js',
    kind: 'logger',
    label: 'log4js',
    receiver: 'logger',
    packages: ['log4js'],
    calls: [...calls([...LEVELS, 'mark', 'log']), { path: 'addContext', args: [1] }],
  },
  {
    id: 'loglevel',
    kind: 'logger',
    label: 'loglevel',
    receiver: 'logger',
    packages: ['loglevel'],
    calls: calls(['trace', 'debug', 'info', 'warn', 'error', 'log', '[]']),
  },
  {
    id: 'npmlog',
    kind: 'logger',
    label: 'npmlog',
    receiver: 'log',
    packages: ['npmlog'],
    calls: calls(['silly', 'verbose', 'info', 'timing', 'http', 'notice', 'warn', 'error', 'log', '[]']),
  },
  // debug('ns')('message %o', obj); debug('a').extend('b')(...)
  { id: 'debug', kind: 'logger', label: 'debug', packages: ['debug'], calls: calls(['^()', '^().extend()']) },
  { id: 'fancy-log', kind: 'logger', label: 'fancy-log', packages: ['fancy-log'], calls: calls(['^', '^info', '^warn', '^error', '^dir']) },
  {
    id: 'signale',
    kind: 'logger',
    label: 'signale',
    receiver: 'logger',
    packages: ['signale'],
    calls: calls([
      'await',
      'complete',
      'error',
      'debug',
      'fatal',
      'fav',
      'info',
      'note',
      'pause',
      'pending',
      'star',
      'start',
      'success',
      'warn',
      'watch',
      'log',
      '[]',
    ]),
  },
  {
    id: 'consola',
    kind: 'logger',
    label: 'consola',
    receiver: 'logger',
    packages: ['consola'],
    calls: calls([
      'log',
      'info',
      'start',
      'box',
      'success',
      'ready',
      'fail',
      'warn',
      'error',
      'debug',
      'trace',
      'fatal',
      'verbose',
      'silent',
      '[]',
    ]),
  },
  // import { Roarr as log } from 'roarr'; log(...), log.info(...), log.child({...})(...)
  { id: 'roarr', kind: 'logger', label: 'roarr', receiver: 'log', packages: ['roarr'], calls: calls(['^Roarr', 'child()', ...LEVELS]) },
  { id: 'tslog', kind: 'logger', label: 'tslog', receiver: 'logger', packages: ['tslog'], calls: calls(['silly', ...LEVELS]) },
  {
    id: 'electron-log',
    kind: 'logger',
    label: 'electron-log',
    receiver: 'log',
    packages: ['electron-log', 'electron-log/*'],
    calls: calls(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'log', '[]']),
  },
  {
    id: 'powertools-logger',
    kind: 'logger',
    label: 'AWS Lambda Powertools logger',
    receiver: 'logger',
    packages: ['@aws-lambda-powertools/logger'],
    calls: [...calls(['debug', 'info', 'warn', 'error', 'critical']), ...calls(['appendKeys', 'appendPersistentKeys', 'addContext'], [0])],
  },
  // const debuglog = util.debuglog('section'); debuglog('x %o', user)
  { id: 'util.debuglog', kind: 'logger', label: 'util.debuglog', packages: ['util'], calls: calls(['^debuglog()', '^debug()']) },
  // new Logger(ctx).log(...), Logger.log(...) static, injected `logger: Logger` / `LoggerService`
  {
    id: 'nestjs',
    kind: 'logger',
    label: 'NestJS Logger',
    packages: ['@nestjs/common'],
    calls: calls(
      ['Logger', 'ConsoleLogger', 'LoggerService'].flatMap((c) =>
        ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'].map((m) => `${c}.${m}`),
      ),
    ),
  },
  {
    id: 'google-cloud-logging',
    kind: 'logger',
    label: 'Google Cloud Logging',
    packages: ['@google-cloud/logging'],
    calls: calls(['entry', 'write', 'info', 'warning', 'error', 'debug', 'critical', 'alert', 'emergency', 'notice']),
  },
  {
    id: 'datadog-logs',
    kind: 'logger',
    label: 'Datadog browser logs',
    packages: ['@datadog/browser-logs'],
    calls: calls([
      'logger.debug',
      'logger.info',
      'logger.warn',
      'logger.error',
      'logger.log',
      'createLogger().debug',
      'createLogger().info',
      'createLogger().warn',
      'createLogger().error',
      'createLogger().log',
      'setUser',
      'setGlobalContextProperty',
      'setGlobalContext',
    ]),
  },
  {
    id: 'datadog-logs',
    kind: 'logger',
    label: 'Datadog browser logs',
    packages: ['global'],
    calls: calls(['^DD_LOGS.logger.debug', '^DD_LOGS.logger.info', '^DD_LOGS.logger.warn', '^DD_LOGS.logger.error', '^DD_LOGS.setUser']),
  },
  {
    id: 'opentelemetry-logs',
    kind: 'logger',
    label: 'OpenTelemetry logs',
    packages: ['@opentelemetry/api-logs'],
    calls: [{ path: 'emit', args: [0] }],
  },

  // ---- error reporters and APM ----
  {
    id: 'sentry',
    kind: 'error_reporter',
    label: 'Sentry',
    packages: ['@sentry/*', 'raven-js', 'raven', 'react-native-sentry'],
    // init({ initialScope: { user } }): attached to every event; configureScope(scope => scope.setUser(u)) is the
    // callback's `scope` (`=>`) and matches setUser
    calls: [...calls(SENTRY_METHODS), { path: 'init', args: [{ index: 0, property: 'initialScope' }] }],
  },
  {
    id: 'sentry',
    kind: 'error_reporter',
    label: 'Sentry',
    packages: ['global'],
    calls: calls([...SENTRY_METHODS.map((m) => `^Sentry.${m}`), ...SENTRY_METHODS.map((m) => `^Raven.${m}`)]),
  },
  {
    id: 'bugsnag',
    kind: 'error_reporter',
    label: 'Bugsnag',
    packages: ['@bugsnag/js', '@bugsnag/node', '@bugsnag/browser', '@bugsnag/react-native', '@bugsnag/expo', 'bugsnag', 'bugsnag-js'],
    // notify(err, event => event.addMetadata(...)): the callback's event is reached through `=>`.
    calls: [
      ...calls(['notify', 'leaveBreadcrumb', 'setUser', 'addMetadata', 'setContext']),
      // Bugsnag.start({ user, metadata }): attached to every report
      {
        path: 'start',
        args: [
          { index: 0, property: 'user' },
          { index: 0, property: 'metadata' },
        ],
      },
    ],
  },
  {
    id: 'bugsnag',
    kind: 'error_reporter',
    label: 'Bugsnag',
    packages: ['global'],
    calls: calls(['^Bugsnag.notify', '^Bugsnag.leaveBreadcrumb', '^Bugsnag.setUser', '^Bugsnag.addMetadata']),
  },
  // configure({ payload: { person } }) attaches the user to every report
  {
    id: 'rollbar',
    kind: 'error_reporter',
    label: 'Rollbar',
    packages: ['rollbar'],
    calls: calls(['critical', 'error', 'warning', 'warn', 'info', 'debug', 'log', 'configure']),
  },
  {
    id: 'rollbar',
    kind: 'error_reporter',
    label: 'Rollbar',
    packages: ['global'],
    calls: calls([
      '^Rollbar.critical',
      '^Rollbar.error',
      '^Rollbar.warning',
      '^Rollbar.info',
      '^Rollbar.debug',
      '^Rollbar.log',
      '^Rollbar.configure',
    ]),
  },
  {
    id: 'airbrake',
    kind: 'error_reporter',
    label: 'Airbrake',
    packages: ['@airbrake/node', '@airbrake/browser', 'airbrake-js', 'airbrake'],
    calls: calls(['notify']),
  },
  {
    id: 'honeybadger',
    kind: 'error_reporter',
    label: 'Honeybadger',
    packages: ['@honeybadger-io/js', '@honeybadger-io/react', '@honeybadger-io/vue', 'honeybadger', 'honeybadger-js'],
    calls: calls(['notify', 'setContext', 'addBreadcrumb']),
  },
  {
    id: 'logrocket',
    kind: 'error_reporter',
    label: 'LogRocket',
    packages: ['logrocket', 'logrocket-react'],
    calls: calls(['identify', 'track', 'captureException', 'captureMessage', 'log', 'info', 'warn', 'error', 'debug']),
  },
  {
    id: 'logrocket',
    kind: 'error_reporter',
    label: 'LogRocket',
    packages: ['global'],
    calls: calls(['^LogRocket.identify', '^LogRocket.track', '^LogRocket.captureException', '^LogRocket.captureMessage']),
  },
  {
    id: 'newrelic',
    kind: 'error_reporter',
    label: 'New Relic',
    packages: ['newrelic', '@newrelic/browser-agent', '@newrelic/browser-agent/*'],
    calls: calls([
      'noticeError',
      'setCustomAttribute',
      'addCustomAttribute',
      'addCustomAttributes',
      'addCustomSpanAttribute',
      'addCustomSpanAttributes',
      'setUserID',
      'setUserId',
      'recordCustomEvent',
      'recordLogEvent',
      'addPageAction',
      'log',
    ]),
  },
  {
    id: 'newrelic',
    kind: 'error_reporter',
    label: 'New Relic',
    packages: ['global'],
    calls: calls([
      '^newrelic.noticeError',
      '^newrelic.setCustomAttribute',
      '^newrelic.setUserId',
      '^newrelic.addPageAction',
      '^newrelic.log',
    ]),
  },
  // tracer.scope().active().setTag(k, v); tracer.trace('op', span => span.setTag(...)); tracer.setUser(user)
  {
    id: 'datadog',
    kind: 'error_reporter',
    label: 'Datadog APM',
    packages: ['dd-trace'],
    calls: calls(['setTag', 'addTags', 'setUser', 'setBaggageItem']),
  },
  {
    id: 'datadog',
    kind: 'error_reporter',
    label: 'Datadog RUM',
    packages: ['@datadog/browser-rum', '@datadog/browser-rum-react'],
    calls: calls(['setUser', 'setUserProperty', 'addAction', 'addError', 'setGlobalContextProperty', 'setGlobalContext', 'setAccount']),
  },
  {
    id: 'datadog',
    kind: 'error_reporter',
    label: 'Datadog RUM',
    packages: ['global'],
    calls: calls([
      '^DD_RUM.setUser',
      '^DD_RUM.setUserProperty',
      '^DD_RUM.addAction',
      '^DD_RUM.addError',
      '^DD_RUM.setGlobalContextProperty',
    ]),
  },
  // StatsD tags are free text and often end up holding user ids or e-mails
  {
    id: 'statsd',
    kind: 'error_reporter',
    label: 'StatsD (hot-shots)',
    packages: ['hot-shots', 'node-statsd'],
    calls: calls(['increment', 'decrement', 'gauge', 'histogram', 'distribution', 'timing', 'event', 'check', 'unique']),
  },
  {
    id: 'opentelemetry',
    kind: 'error_reporter',
    label: 'OpenTelemetry',
    packages: ['@opentelemetry/api'],
    // spans from trace.getActiveSpan(), tracer.startSpan(), startActiveSpan(name, span => ...), `span: Span`;
    // baggage travels to every downstream service in request headers
    calls: calls(['setAttribute', 'setAttributes', 'addEvent', 'recordException', 'setStatus', 'createBaggage', 'setEntry']),
  },
  {
    id: 'elastic-apm',
    kind: 'error_reporter',
    label: 'Elastic APM',
    packages: ['elastic-apm-node', '@elastic/apm-rum', '@elastic/apm-rum-react'],
    calls: calls(['setUserContext', 'setCustomContext', 'setLabel', 'addLabels', 'captureError']),
  },
];
