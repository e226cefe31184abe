import { LOGGER_SINKS } from '../../analyzers/pii-logging/loggers.catalog.js';
import { EGRESS_SINKS } from '../../analyzers/data-flow/sinks.catalog.js';
import { CatalogIndex, familyOf } from '../../src/sinks/catalog-index.js';
import { parsePattern } from '../../src/sinks/path-pattern.js';
import type { SinkSpec } from '../../src/sinks/catalog-types.js';

const ALL: readonly SinkSpec[] = [...LOGGER_SINKS, ...EGRESS_SINKS];

function pathsOf(spec: SinkSpec): string[] {
  return spec.calls.flatMap((c) => (c.path === undefined ? [] : typeof c.path === 'string' ? [c.path] : [...c.path]));
}

describe('catalogues', () => {
  test('every path pattern parses and the index builds', () => {
    for (const spec of ALL) for (const p of pathsOf(spec)) expect(() => parsePattern(p)).not.toThrow();
    expect(() => new CatalogIndex(ALL)).not.toThrow();
  });

  test('the logger catalogue only holds log-family kinds, the egress catalogue only egress kinds', () => {
    expect(LOGGER_SINKS.filter((s) => familyOf(s.kind) !== 'log').map((s) => s.id)).toEqual([]);
    expect(EGRESS_SINKS.filter((s) => familyOf(s.kind) !== 'egress').map((s) => s.id)).toEqual([]);
  });

  test('every spec has an id, a label, packages and calls; ids are manifest-friendly', () => {
    for (const s of ALL) {
      expect(s.id).toMatch(/^[a-z][a-zA-Z0-9._-]*$/);
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.packages.length).toBeGreaterThan(0);
      expect(s.calls.length).toBeGreaterThan(0);
    }
  });

  test('third parties say which service they are', () => {
    expect(EGRESS_SINKS.filter((s) => s.kind === 'third_party' && !s.service).map((s) => s.id)).toEqual([]);
  });

  test('no spec lists the same path twice (the second would never be used)', () => {
    const dups = ALL.flatMap((s) => {
      const seen = new Set<string>();
      return s.calls.flatMap((c) => {
        const keys =
          c.command !== undefined
            ? [c.command].flat().map((x) => `cmd:${x}`)
            : pathsOf({ ...s, calls: [c] }).map((p) => `${c.on ?? 'call'}:${p}`);
        return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false))).map((k) => `${s.id} ${k}`);
      });
    });
    expect(dups).toEqual([]);
  });

  test('every call is a path or an AWS command, never both', () => {
    for (const s of ALL) for (const c of s.calls) expect((c.path === undefined) !== (c.command === undefined)).toBe(true);
  });

  test('global specs are anchored (a suffix match on globals would cross vendors)', () => {
    const loose = ALL.filter((s) => s.packages.includes('global')).flatMap((s) => pathsOf(s).filter((p) => !p.startsWith('^')));
    expect(loose).toEqual([]);
  });

  test('the families of the brief are covered', () => {
    const ids = new Set(ALL.map((s) => s.id));
    for (const id of [
      'console',
      'winston',
      'pino',
      'bunyan',
      'log4js',
      'loglevel',
      'npmlog',
      'debug',
      'fancy-log',
      'signale',
      'consola',
      'roarr',
      'tslog',
      'util.debuglog',
      'nestjs',
      'sentry',
      'bugsnag',
      'rollbar',
      'airbrake',
      'honeybadger',
      'logrocket',
      'newrelic',
      'datadog',
      'opentelemetry',
      'elastic-apm',
      'segment',
      'rudderstack',
      'mixpanel',
      'amplitude',
      'posthog',
      'heap',
      'fullstory',
      'braze',
      'customerio',
      'klaviyo',
      'intercom',
      'hubspot',
      'google-analytics',
      'google-tag-manager',
      'facebook-pixel',
      'tiktok-pixel',
      'linkedin-insight',
      'openai',
      'anthropic',
      'google-gemini',
      'cohere',
      'mistral',
      'groq',
      'replicate',
      'huggingface',
      'vercel-ai',
      'langchain',
      'bedrock',
      'sendgrid',
      'nodemailer',
      'mailgun',
      'postmark',
      'resend',
      'ses',
      'twilio',
      'vonage',
      'slack',
      'stripe',
      'braintree',
      'square',
      'plaid',
      'adyen',
      'algolia',
      'elasticsearch',
      'salesforce',
      'zendesk',
      'mysql',
      'postgres',
      'sqlite',
      'mssql',
      'oracle',
      'prisma',
      'typeorm',
      'sequelize',
      'drizzle',
      'knex',
      'mongodb',
      'mongoose',
      'redis',
      'dynamodb',
      'firestore',
      'supabase',
      'hbase',
      'neo4j',
      'cassandra',
      'pinecone',
      'weaviate',
      'qdrant',
      'chroma',
      'milvus',
      'kafka',
      'rabbitmq',
      'rocketmq',
      'nats',
      'mqtt',
      'sqs',
      'sns',
      'kinesis',
      'eventbridge',
      'pubsub',
      'servicebus',
      'bullmq',
      'bull',
      'bee-queue',
      'agenda',
      's3',
      'gcs',
      'azure-blob',
      'fs',
      'localStorage',
      'sessionStorage',
      'cookie',
      'indexeddb',
      'localforage',
      'http',
    ]) {
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
  });
});
