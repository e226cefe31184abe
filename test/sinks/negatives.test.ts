import { fixture } from './helpers.js';

/** Each source has a marked node that must NOT be a sink. */
const NOT_SINKS: [string, string][] = [
  ['a local function named track', `function track(event: string, props: unknown) {}\ndeclare const u: any;\n/*sink*/track('signup', u);`],
  [
    'a project class with an info method',
    `class Audit { info(x: unknown) {} }\nconst audit = new Audit();\ndeclare const u: any;\n/*sink*/audit.info(u);`,
  ],
  ['a project class with a send method', `class Mailer { send(x: unknown) {} }\ndeclare const u: any;\n/*sink*/new Mailer().send(u);`],
  ['x.send() on an unknown receiver', `declare const x: any;\ndeclare const u: any;\n/*sink*/x.send(u);`],
  ['x.info() on an untyped parameter', `function f(logger: any, u: any) { /*sink*/logger.info(u); }`],
  ['a shadowed console', `const console = { log(...a: unknown[]) {} };\n/*sink*/console.log('x');`],
  ['console as a parameter', `function f(console: { log(x: unknown): void }) { /*sink*/console.log(1); }`],
  ['Map.set', `const m = new Map<string, unknown>();\ndeclare const u: any;\n/*sink*/m.set('user', u);`],
  ['array.push is not dataLayer', `const events: unknown[] = [];\n/*sink*/events.push({ email: 'x' });`],
  ['a local dataLayer array', `const dataLayer: unknown[] = [];\n/*sink*/dataLayer.push({ event: 'x' });`],
  ['JSON.stringify', `declare const u: any;\n/*sink*/JSON.stringify(u);`],
  ['a local analytics object', `const analytics = { track(e: string) {} };\n/*sink*/analytics.track('x');`],
  ['a package outside the catalogue', `import foo from 'foo-analytics';\n/*sink*/foo.track('x', {});`],
  ['winston.format.printf is not a log call', `import winston from 'winston';\n/*sink*/winston.format.printf((i) => String(i.message));`],
  ['pino.destination is not a log call', `import pino from 'pino';\n/*sink*/pino.destination('/tmp/x');`],
  ['a NestJS Logger construction', `import { Logger } from '@nestjs/common';\n/*sink*/new Logger('Users');`],
  ['openai models.list is a read', `import OpenAI from 'openai';\n/*sink*/new OpenAI().models.list();`],
  ['localStorage.getItem', `/*sink*/localStorage.getItem('user');`],
  [
    'Firebase Analytics reads the app instance id',
    `import analytics from '@react-native-firebase/analytics';\n/*sink*/analytics().getAppInstanceId();`,
  ],
  [
    'the AI SDK parses a stream locally',
    `import { parseJsonEventStream } from 'ai';\ndeclare const s: any;\n/*sink*/parseJsonEventStream({ stream: s, schema: {} as any });`,
  ],
  ['document.title assignment', `/*sink*/document.title = 'x';`],
  ['posthog-node has no browser init', `import { PostHog } from 'posthog-node';\n/*sink*/new PostHog('k').init('x');`],
  [
    'Lob address lookups read',
    `import { ZipLookupsApi } from '@lob/lob-typescript-sdk';\n/*sink*/new ZipLookupsApi({} as any).lookup({} as any);`,
  ],
  [
    'Google Sheets values.get reads',
    `import { google } from 'googleapis';\n/*sink*/google.sheets({ version: 'v4' }).spreadsheets.values.get({ spreadsheetId: 's' });`,
  ],
  ['fs.readFileSync', `import fs from 'fs';\n/*sink*/fs.readFileSync('x', 'utf8');`],
  ['redis.get', `import Redis from 'ioredis';\n/*sink*/new Redis().get('k');`],
  [
    'express res.json answers the caller, it is not egress',
    `import express from 'express';\nconst app = express();\napp.get('/', (req, res) => { /*sink*/res.json({ a: 1 }); });`,
  ],
  [
    'a project errors helper named captureException',
    `import { captureException } from './errors';\n/*sink*/captureException(new Error('x'));`,
  ],
  ['a local object named req is not a request', `const req = { log: { info(x: unknown) {} } };\n/*sink*/req.log.info('x');`],
  [
    'a tagged template with an unknown tag',
    `declare function sql(s: TemplateStringsArray, ...v: unknown[]): string;\ndeclare const e: string;\n/*sink*/sql\`select \${e}\`;`,
  ],
  ['a prisma client typed any', `class S { constructor(private prisma: any) {} run() { /*sink*/this.prisma.user.create({ data: {} }); } }`],
  ['a global name outside the list', `declare const mytracker: any;\n/*sink*/mytracker.track('x');`],
  ['kafkajs admin calls', `import { Kafka } from 'kafkajs';\n/*sink*/new Kafka({ brokers: [] }).admin().createTopics({ topics: [] });`],
  ['an assignment to a plain variable', `let cookie = '';\n/*sink*/cookie = 'x';`],
  ['a comparison is not an assignment', `declare const document: any;\n/*sink*/document.cookie == 'x';`],
];

describe('non-sinks', () => {
  test.each(NOT_SINKS)('%s', (_name, source) => {
    expect(fixture({ '/src/errors.ts': `export function captureException(e: unknown) {}`, '/src/main.ts': source }).at()).toEqual([]);
  });

  test('axios response helpers are not sinks; only the request is', () => {
    const fx = fixture(
      `import axios from 'axios';\nasync function f(u: string) {\n  const res = await axios.get('https://a.example.com/x');\n  res.headers.get('etag');\n  axios.get(u).then((r) => r.headers.get('x'));\n}`,
    );
    expect(fx.all().map((m) => m.text)).toEqual(["axios.get('https://a.example.com/x')", 'axios.get(u)']);
  });

  test('fetch response methods are not sinks', () => {
    const fx = fixture(`async function f() { const r = await fetch('https://a.example.com'); await r.json(); r.headers.get('x'); }`);
    expect(fx.all().map((m) => m.text)).toEqual(["fetch('https://a.example.com')"]);
  });

  test('a realistic non-sink module has no sinks at all', () => {
    const fx = fixture(`
      import { z } from 'zod';
      import { format } from 'date-fns';
      export class UserService {
        private cache = new Map<string, { email: string }>();
        private events: string[] = [];
        info(x: string) { return x; }
        send(x: unknown) { return x; }
        register(email: string) {
          const schema = z.object({ email: z.string() });
          schema.parse({ email });
          this.cache.set(email, { email });
          this.events.push(format(new Date(), 'yyyy'));
          this.info(email);
          this.send({ email });
          return JSON.stringify({ email });
        }
      }`);
    expect(fx.all()).toEqual([]);
  });

  test('non-sink node kinds return [] immediately', () => {
    const fx = fixture(`const a = 1 + 2;\nconst b = { x: a };`);
    const sf = fx.program.getSourceFile('/src/main.ts')!;
    expect(fx.resolver.match(sf)).toEqual([]);
    expect(fx.resolver.match(sf.statements[0]!)).toEqual([]);
  });
});
