import { fixture, only, sinkOf, type Summary } from './helpers.js';

type Expected = Partial<Summary> & { id: string };

/** [name, source with one marked call, expected sink] */
const CASES: [string, string, Expected][] = [
  [
    'console.log',
    `declare const user: any;\n/*sink*/console.log('user', user.email);`,
    { id: 'console', kind: 'logger', family: 'log', description: 'console.log', data: ["'user'", 'user.email'] },
  ],
  ['console.error', `/*sink*/console.error(new Error('x'));`, { id: 'console', description: 'console.error' }],
  ['console.table', `declare const rows: any[];\n/*sink*/console.table(rows);`, { id: 'console', data: ['rows'] }],
  [
    'console.assert logs from the 2nd argument',
    `declare const u: any;\n/*sink*/console.assert(u.ok, 'bad user', u);`,
    { id: 'console', data: ["'bad user'", 'u'] },
  ],
  [
    'console[level]',
    `declare const level: 'info' | 'warn';\ndeclare const u: any;\n/*sink*/console[level](u);`,
    { id: 'console', data: ['u'] },
  ],
  ['window.console.log', `declare const window: any;\n/*sink*/window.console.log(1);`, { id: 'console' }],
  ['process.stdout.write', `declare const s: string;\n/*sink*/process.stdout.write(s);`, { id: 'console', data: ['s'] }],
  ['process.stderr.write', `/*sink*/process.stderr.write('x');`, { id: 'console', description: 'process.stderr.write' }],
  [
    'winston default logger',
    `import winston from 'winston';\n/*sink*/winston.info('x', { a: 1 });`,
    { id: 'winston', package: 'winston', description: 'winston logger.info' },
  ],
  [
    'winston createLogger',
    `import { createLogger } from 'winston';\nconst log = createLogger({});\n/*sink*/log.warn('x');`,
    { id: 'winston', description: 'winston logger.warn' },
  ],
  [
    'winston log(level, msg, meta)',
    `import winston from 'winston';\nconst log = winston.createLogger();\ndeclare const meta: any;\n/*sink*/log.log('info', 'msg', meta);`,
    { id: 'winston', data: ["'info'", "'msg'", 'meta'] },
  ],
  [
    'winston child logger',
    `import winston from 'winston';\nconst log = winston.createLogger().child({ svc: 'a' });\n/*sink*/log.error('x');`,
    { id: 'winston' },
  ],
  ['winston loggers.get', `const winston = require('winston');\n/*sink*/winston.loggers.get('api').info('x');`, { id: 'winston' }],
  [
    'pino instance',
    `import pino from 'pino';\nconst log = pino();\n/*sink*/log.info({ a: 1 }, 'msg');`,
    { id: 'pino', description: 'pino logger.info', data: ['{ a: 1 }', "'msg'"] },
  ],
  ['pino named export', `import { pino } from 'pino';\n/*sink*/pino().error('x');`, { id: 'pino' }],
  [
    'pino child bindings are logged',
    `import pino from 'pino';\ndeclare const u: any;\n/*sink*/pino().child({ email: u.email });`,
    { id: 'pino', description: 'pino logger.child', data: ['{ email: u.email }'] },
  ],
  [
    'pino custom level (customLevels: { audit })',
    `import pino from 'pino';\nconst log = pino({ customLevels: { audit: 90 } });\n/*sink*/(log as any).audit({ a: 1 });`,
    { id: 'pino', description: 'pino logger.audit' },
  ],
  [
    'pino methods bound into a spread object',
    `import pino from 'pino';\nconst p = pino();\nconst bound = { audit: (p as any).audit.bind(p) };\nexport const logger = { ...bound, extra: 1 };\n/*sink*/logger.audit({ a: 1 });`,
    { id: 'pino' },
  ],
  [
    'electron-log scope',
    `import log from 'electron-log';\nconst logger = log.scope('main');\n/*sink*/logger.info('token', 'x');`,
    { id: 'electron-log' },
  ],
  [
    'pino-http req.log',
    `function handler(req: any, res: any) { /*sink*/req.log.info({ body: req.body }); }`,
    { id: 'pino', package: 'pino' },
  ],
  [
    'fastify request.log',
    `import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.get('/', async (request, reply) => { /*sink*/request.log.warn('x'); });`,
    { id: 'pino' },
  ],
  [
    'nestjs-pino PinoLogger',
    `import { PinoLogger } from 'nestjs-pino';\nclass S { constructor(private readonly logger: PinoLogger) {} run(u: any) { /*sink*/this.logger.info(u); } }`,
    { id: 'pino', package: 'nestjs-pino' },
  ],
  ['bunyan', `import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'a' });\n/*sink*/log.info('x');`, { id: 'bunyan' }],
  [
    'log4js getLogger',
    `import log4js from 'log4js';\nconst logger = log4js.getLogger('app');\n/*sink*/logger.debug('x');`,
    { id: 'log4js' },
  ],
  [
    'log4js addContext value',
    `import log4js from 'log4js';\ndeclare const u: any;\n/*sink*/log4js.getLogger().addContext('user', u.email);`,
    { id: 'log4js', data: ['u.email'] },
  ],
  ['loglevel', `import log from 'loglevel';\n/*sink*/log.getLogger('x').info('y');`, { id: 'loglevel' }],
  ['npmlog', `import log from 'npmlog';\n/*sink*/log.info('prefix', 'msg');`, { id: 'npmlog' }],
  [
    'debug namespace function',
    `import createDebug from 'debug';\nconst debug = createDebug('app:user');\ndeclare const u: any;\n/*sink*/debug('user %o', u);`,
    { id: 'debug', data: ["'user %o'", 'u'] },
  ],
  ["debug('ns')(...) inline", `const debug = require('debug');\n/*sink*/debug('x')('y');`, { id: 'debug' }],
  ['debug extend', `import debug from 'debug';\nconst d = debug('a').extend('b');\n/*sink*/d('x');`, { id: 'debug' }],
  ['fancy-log', `import log from 'fancy-log';\n/*sink*/log('x');`, { id: 'fancy-log' }],
  ['signale', `import { Signale } from 'signale';\n/*sink*/new Signale().success('x');`, { id: 'signale' }],
  ['consola withTag', `import { consola } from 'consola';\n/*sink*/consola.withTag('auth').info('x');`, { id: 'consola' }],
  ['roarr', `import { Roarr as log } from 'roarr';\n/*sink*/log.info('x');`, { id: 'roarr' }],
  ['roarr called directly', `import { Roarr as log } from 'roarr';\n/*sink*/log({ a: 1 }, 'x');`, { id: 'roarr' }],
  [
    'tslog sub-logger',
    `import { Logger } from 'tslog';\nconst log = new Logger().getSubLogger({ name: 'x' });\n/*sink*/log.silly('x');`,
    { id: 'tslog' },
  ],
  [
    'util.debuglog',
    `import util from 'node:util';\nconst dbg = util.debuglog('http');\n/*sink*/dbg('x');`,
    { id: 'util.debuglog', package: 'util' },
  ],
  [
    'NestJS static Logger',
    `import { Logger } from '@nestjs/common';\n/*sink*/Logger.log('x');`,
    { id: 'nestjs', description: 'nestjs Logger.log' },
  ],
  [
    'NestJS new Logger(ctx)',
    `import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger(S.name); run() { /*sink*/this.logger.error('x'); } }`,
    { id: 'nestjs' },
  ],
  [
    'NestJS injected Logger',
    `import { Logger } from '@nestjs/common';\nclass S { constructor(private readonly logger: Logger) {} run(u: any) { /*sink*/this.logger.warn(u.email); } }`,
    { id: 'nestjs', data: ['u.email'] },
  ],
  [
    'NestJS custom logger calling super.log',
    `import { ConsoleLogger } from '@nestjs/common';\nclass AppLogger extends ConsoleLogger { log(m: unknown) { /*sink*/super.log(m); } }`,
    { id: 'nestjs', data: ['m'] },
  ],
  [
    'Sentry captureException',
    `import * as Sentry from '@sentry/node';\ndeclare const e: Error;\n/*sink*/Sentry.captureException(e);`,
    { id: 'sentry', kind: 'error_reporter', family: 'log', package: '@sentry/node' },
  ],
  [
    'Sentry setUser (nextjs)',
    `import { setUser } from '@sentry/nextjs';\ndeclare const u: any;\n/*sink*/setUser({ email: u.email });`,
    { id: 'sentry', package: '@sentry/nextjs' },
  ],
  [
    'Sentry withScope(scope => scope.setUser)',
    `import * as Sentry from '@sentry/browser';\nSentry.withScope((scope) => { /*sink*/scope.setUser({ id: 1 }); });`,
    { id: 'sentry' },
  ],
  [
    'Sentry getCurrentScope().setContext',
    `import * as Sentry from '@sentry/react';\n/*sink*/Sentry.getCurrentScope().setContext('u', {});`,
    { id: 'sentry' },
  ],
  ['raven-js', `import Raven from 'raven-js';\n/*sink*/Raven.setUserContext({ email: 'x' });`, { id: 'sentry', package: 'raven-js' }],
  ['Bugsnag notify', `import Bugsnag from '@bugsnag/js';\n/*sink*/Bugsnag.notify(new Error('x'));`, { id: 'bugsnag' }],
  [
    'Bugsnag onError event callback',
    `import Bugsnag from '@bugsnag/js';\nBugsnag.notify(new Error('x'), (event) => { /*sink*/event.addMetadata('user', {}); });`,
    { id: 'bugsnag' },
  ],
  ['Rollbar', `import Rollbar from 'rollbar';\nconst rollbar = new Rollbar({});\n/*sink*/rollbar.error('x');`, { id: 'rollbar' }],
  ['Airbrake', `import { Notifier } from '@airbrake/node';\n/*sink*/new Notifier({}).notify({ error: 1 });`, { id: 'airbrake' }],
  [
    'Honeybadger',
    `import Honeybadger from '@honeybadger-io/js';\n/*sink*/Honeybadger.setContext({ user_email: 'x' });`,
    { id: 'honeybadger' },
  ],
  [
    'LogRocket identify',
    `import LogRocket from 'logrocket';\ndeclare const u: any;\n/*sink*/LogRocket.identify(u.id, { email: u.email });`,
    { id: 'logrocket', kind: 'error_reporter' },
  ],
  ['New Relic', `import newrelic from 'newrelic';\n/*sink*/newrelic.setCustomAttribute('email', 'x');`, { id: 'newrelic' }],
  [
    'Datadog span.setTag',
    `import tracer from 'dd-trace';\n/*sink*/tracer.scope().active()?.setTag('user.email', 'x');`,
    { id: 'datadog', package: 'dd-trace' },
  ],
  [
    'Datadog RUM setUser',
    `import { datadogRum } from '@datadog/browser-rum';\n/*sink*/datadogRum.setUser({ email: 'x' });`,
    { id: 'datadog', package: '@datadog/browser-rum' },
  ],
  [
    'OpenTelemetry active span',
    `import { trace } from '@opentelemetry/api';\n/*sink*/trace.getActiveSpan()?.setAttribute('user.email', 'x');`,
    { id: 'opentelemetry' },
  ],
  [
    'OpenTelemetry startActiveSpan callback',
    `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('x');\ntracer.startActiveSpan('op', (span) => { /*sink*/span.addEvent('login', { email: 'x' }); });`,
    { id: 'opentelemetry' },
  ],
  [
    'OpenTelemetry typed Span',
    `import type { Span } from '@opentelemetry/api';\nfunction f(span: Span, e: Error) { /*sink*/span.recordException(e); }`,
    { id: 'opentelemetry' },
  ],
  ['Elastic APM', `import apm from 'elastic-apm-node';\n/*sink*/apm.setUserContext({ email: 'x' });`, { id: 'elastic-apm' }],
];

describe('logger and error-reporter catalogue', () => {
  test.each(CASES)('%s', (_name, source, expected) => {
    expect(sinkOf(source)).toMatchObject(expected);
  });
});

describe('loggers: resolution scenarios', () => {
  test('a logger exported from another file', () => {
    const fx = fixture({
      '/src/logger.ts': `import pino from 'pino';\nexport const logger = pino({ level: 'info' });`,
      '/src/user.ts': `import { logger } from './logger';\nexport function register(u: { email: string }) { /*sink*/logger.info({ email: u.email }, 'registered'); }`,
    });
    expect(only(fx)).toMatchObject({ id: 'pino', description: 'pino logger.info', data: ['{ email: u.email }', "'registered'"] });
  });

  test('pino redact paths are carried by calls on the logger and its children', () => {
    const fx = fixture({
      '/src/logger.ts': `import pino from 'pino';\nexport const logger = pino({ redact: ['user.email', 'req.headers.authorization'] });`,
      '/src/main.ts': `import { logger } from './logger';\nconst child = logger.child({ mod: 'a' }, { redact: ['user.phone'] });\ndeclare const user: any;\n/*sink*/child.info({ user });\n/*plain*/logger.info({ user });`,
    });
    expect(only(fx).redactedPaths?.sort()).toEqual(['req.headers.authorization', 'user.email', 'user.phone']);
    expect(only(fx, '/*plain*/').redactedPaths?.sort()).toEqual(['req.headers.authorization', 'user.email']);
  });

  test('pino redact given as { paths } through a const options object', () => {
    const fx = fixture(
      `import pino from 'pino';\nconst REDACT = ['password'];\nconst opts = { redact: { paths: REDACT, censor: '***' } };\nconst log = pino(opts);\n/*sink*/log.info({});`,
    );
    expect(only(fx).redactedPaths).toEqual(['password']);
  });

  test('a pino logger without redact has no redactedPaths', () => {
    expect(sinkOf(`import pino from 'pino';\n/*sink*/pino().info({});`).redactedPaths).toBeUndefined();
  });

  test('a logger held in a class field and used in a method', () => {
    const fx = fixture(
      `import winston from 'winston';\nexport class Users {\n  private log = winston.createLogger({});\n  create(u: any) { /*sink*/this.log.info('created', u); }\n}`,
    );
    expect(only(fx)).toMatchObject({ id: 'winston', data: ["'created'", 'u'] });
  });

  test('logger returned by a project factory', () => {
    const fx = fixture({
      '/src/log.ts': `import bunyan from 'bunyan';\nexport function makeLogger(name: string) { return bunyan.createLogger({ name }); }`,
      '/src/main.ts': `import { makeLogger } from './log';\nconst log = makeLogger('x');\n/*sink*/log.warn('x');`,
    });
    expect(only(fx).id).toBe('bunyan');
  });

  test('CommonJS logger module required from JavaScript', () => {
    const fx = fixture({
      '/src/logger.js': `const winston = require('winston');\nmodule.exports = winston.createLogger({});`,
      '/src/app.js': `const logger = require('./logger');\n/*sink*/logger.info('x');`,
    });
    expect(only(fx).id).toBe('winston');
  });
});
