import { fixture } from './helpers.js';

/** Origin of the expression right after the marker. */
function originOf(files: Record<string, string> | string) {
  return fixture(files).originAt();
}

describe('origin: imports and require', () => {
  test.each([
    [
      'default import, new, members',
      `import OpenAI from 'openai';\nconst client = new OpenAI();\n/*sink*/client.chat.completions.create;`,
      { module: 'openai', path: ['default', 'new', 'chat', 'completions', 'create'] },
    ],
    [
      'named import',
      `import { Logger } from '@nestjs/common';\n/*sink*/Logger.log;`,
      { module: '@nestjs/common', path: ['Logger', 'log'] },
    ],
    [
      'renamed named import',
      `import { createLogger as make } from 'winston';\n/*sink*/make();`,
      { module: 'winston', path: ['createLogger', '()'] },
    ],
    [
      'namespace import',
      `import * as winston from 'winston';\n/*sink*/winston.createLogger();`,
      { module: 'winston', path: ['createLogger', '()'] },
    ],
    ['import = require', `import pino = require('pino');\n/*sink*/pino();`, { module: 'pino', path: ['()'] }],
    ['require', `const pino = require('pino');\n/*sink*/pino();`, { module: 'pino', path: ['()'] }],
    [
      "require('x').y",
      `const createLogger = require('winston').createLogger;\n/*sink*/createLogger;`,
      { module: 'winston', path: ['createLogger'] },
    ],
    [
      'destructured require',
      `const { createLogger } = require('winston');\n/*sink*/createLogger;`,
      { module: 'winston', path: ['createLogger'] },
    ],
    [
      'dynamic import, default binding',
      `async function f() { const { default: OpenAI } = await import('openai');\n/*sink*/new OpenAI(); }`,
      { module: 'openai', path: ['default', 'new'] },
    ],
    [
      'dynamic import namespace',
      `async function f() { const m = await import('openai');\n/*sink*/new m.default(); }`,
      { module: 'openai', path: ['default', 'new'] },
    ],
    [
      'node: prefix is the bare builtin',
      `import { writeFile } from 'node:fs/promises';\n/*sink*/writeFile;`,
      { module: 'fs/promises', path: ['writeFile'] },
    ],
  ])('%s', (_name, source, expected) => {
    expect(originOf(source)).toEqual(expected);
  });

  test('require in a JavaScript file', () => {
    expect(originOf({ '/src/main.js': `const { Kafka } = require('kafkajs');\nconst k = new Kafka({});\n/*sink*/k.producer();` })).toEqual({
      module: 'kafkajs',
      path: ['Kafka', 'new', 'producer', '()'],
    });
  });

  test('a shadowing `require` is not CommonJS', () => {
    expect(originOf(`function require(x: string) { return {}; }\nconst pino = require('pino');\n/*sink*/pino;`)).toBeUndefined();
  });
});

describe('origin: variables and expressions', () => {
  test.each([
    [
      'let with a single assignment',
      `import Redis from 'ioredis';\nlet client;\nclient = new Redis();\n/*sink*/client.set;`,
      { module: 'ioredis', path: ['default', 'new', 'set'] },
    ],
    [
      'let initialized to null then assigned (lazy singleton)',
      `import OpenAI from 'openai';\nlet c: OpenAI | null = null;\nfunction get() { if (!c) c = new OpenAI(); return c; }\n/*sink*/get();`,
      { module: 'openai', path: ['default', 'new'] },
    ],
    [
      'destructuring an instance',
      `import OpenAI from 'openai';\nconst client = new OpenAI();\nconst { chat } = client;\n/*sink*/chat.completions;`,
      { module: 'openai', path: ['default', 'new', 'chat', 'completions'] },
    ],
    [
      'nested destructuring',
      `import OpenAI from 'openai';\nconst { chat: { completions } } = new OpenAI();\n/*sink*/completions;`,
      { module: 'openai', path: ['default', 'new', 'chat', 'completions'] },
    ],
    [
      'await, parens, as, !, satisfies',
      `import OpenAI from 'openai';\nasync function f(p: Promise<OpenAI>) { const c = new OpenAI();\n/*sink*/((await (c as any))! satisfies unknown).chat; }`,
      { module: 'openai', path: ['default', 'new', 'chat'] },
    ],
    [
      'optional chaining',
      `import OpenAI from 'openai';\nconst c = new OpenAI();\n/*sink*/c?.chat?.completions;`,
      { module: 'openai', path: ['default', 'new', 'chat', 'completions'] },
    ],
    [
      '.bind keeps the function',
      `import pino from 'pino';\nconst log = pino();\nconst info = log.info.bind(log);\n/*sink*/info;`,
      { module: 'pino', path: ['default', '()', 'info'] },
    ],
    [
      'a string-keyed element access is a member',
      `import pino from 'pino';\nconst log = pino();\n/*sink*/log['info'];`,
      { module: 'pino', path: ['default', '()', 'info'] },
    ],
    [
      'a computed member',
      `import pino from 'pino';\nconst log = pino();\ndeclare const level: string;\n/*sink*/log[level];`,
      { module: 'pino', path: ['default', '()', '[]'] },
    ],
    [
      '?? picks the resolvable side',
      `import pino from 'pino';\ndeclare const injected: any;\nconst log = injected ?? pino();\n/*sink*/log;`,
      { module: 'pino', path: ['default', '()'] },
    ],
    [
      'chained factory (child)',
      `import pino from 'pino';\nconst log = pino();\n/*sink*/log.child({ a: 1 });`,
      { module: 'pino', path: ['default', '()', 'child', '()'] },
    ],
    [
      'axios.create instance',
      `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://x.io' });\n/*sink*/api.post;`,
      { module: 'axios', path: ['default', 'create', '()', 'post'] },
    ],
    [
      'callback parameter',
      `import * as Sentry from '@sentry/node';\nSentry.withScope((scope) => { /*sink*/scope.setUser; });`,
      { module: '@sentry/node', path: ['withScope', '=>', 'setUser'] },
    ],
    [
      'destructured callback parameter',
      `import express from 'express';\nconst app = express();\napp.get('/', ({ query }, res) => { /*sink*/res.cookie; });`,
      { module: 'express', path: ['default', '()', 'get', '=>', 'cookie'] },
    ],
  ])('%s', (_name, source, expected) => {
    expect(originOf(source)).toEqual(expected);
  });

  test('let with conflicting assignments has no origin', () => {
    expect(
      originOf(
        `import pino from 'pino';\nimport winston from 'winston';\nlet log;\nlog = pino();\nlog = winston.createLogger();\n/*sink*/log;`,
      ),
    ).toBeUndefined();
  });

  test('a type annotation names the instance when nothing else does', () => {
    expect(originOf(`import type { Logger } from 'winston';\nlet log: Logger;\n/*sink*/log.info;`)).toEqual({
      module: 'winston',
      path: ['Logger', 'new', 'info'],
    });
  });
});

describe('origin: classes and parameters', () => {
  test.each([
    [
      'property initializer',
      `import pino from 'pino';\nclass S { log = pino(); run() { /*sink*/this.log.info; } }`,
      { module: 'pino', path: ['default', '()', 'info'] },
    ],
    [
      'constructor assignment',
      `import pino from 'pino';\nclass S { private log: any; constructor() { this.log = pino(); } run() { /*sink*/this.log.info; } }`,
      { module: 'pino', path: ['default', '()', 'info'] },
    ],
    [
      '#private field',
      `import pino from 'pino';\nclass S { #log = pino(); run() { /*sink*/this.#log.info; } }`,
      { module: 'pino', path: ['default', '()', 'info'] },
    ],
    [
      'inside an arrow function',
      `import pino from 'pino';\nclass S { log = pino(); run = () => { /*sink*/this.log; }; }`,
      { module: 'pino', path: ['default', '()'] },
    ],
    [
      'NestJS injected Logger (parameter property)',
      `import { Logger } from '@nestjs/common';\nclass S { constructor(private readonly logger: Logger) {} run() { /*sink*/this.logger; } }`,
      { module: '@nestjs/common', path: ['Logger', 'new'] },
    ],
    [
      'typed parameter, qualified type',
      `import pino from 'pino';\nfunction f(log: pino.Logger) { /*sink*/log.info; }`,
      { module: 'pino', path: ['default', 'Logger', 'new', 'info'] },
    ],
    [
      'typed parameter, union with undefined',
      `import type { Redis } from 'ioredis';\nfunction f(r: Redis | undefined) { /*sink*/r; }`,
      { module: 'ioredis', path: ['Redis', 'new'] },
    ],
    [
      'ReturnType<typeof factory>',
      `import pino from 'pino';\nfunction f(log: ReturnType<typeof pino>) { /*sink*/log; }`,
      { module: 'pino', path: ['default', '()'] },
    ],
    [
      'property of a typed deps object',
      `import type { Logger } from 'pino';\ninterface Deps { logger: Logger }\nfunction f(deps: Deps) { /*sink*/deps.logger.info; }`,
      { module: 'pino', path: ['Logger', 'new', 'info'] },
    ],
    [
      'destructured typed parameter',
      `import type { Logger } from 'pino';\nfunction f({ logger }: { logger: Logger }) { /*sink*/logger; }`,
      { module: 'pino', path: ['Logger', 'new'] },
    ],
    [
      'project class extending a package class',
      `import { Model } from 'sequelize';\nclass User extends Model {}\n/*sink*/User.create;`,
      { module: 'sequelize', path: ['Model', 'create'] },
    ],
    [
      'instance of a project subclass via its type',
      `import { PrismaClient } from '@prisma/client';\nclass PrismaService extends PrismaClient {}\nclass Repo { constructor(private prisma: PrismaService) {} run() { /*sink*/this.prisma.user.create; } }`,
      { module: '@prisma/client', path: ['PrismaClient', 'new', 'user', 'create'] },
    ],
    [
      'getter returning a client',
      `import OpenAI from 'openai';\nclass S { private c = new OpenAI(); get client() { return this.c; } run() { /*sink*/this.client.chat; } }`,
      { module: 'openai', path: ['default', 'new', 'chat'] },
    ],
    [
      'method returning a client',
      `import OpenAI from 'openai';\nclass S { private make() { return new OpenAI(); } run() { /*sink*/this.make().chat; } }`,
      { module: 'openai', path: ['default', 'new', 'chat'] },
    ],
  ])('%s', (_name, source, expected) => {
    expect(originOf(source)).toEqual(expected);
  });

  test.each([
    [
      'super.method in a class extending a package class',
      `import { ConsoleLogger } from '@nestjs/common';\nclass AppLogger extends ConsoleLogger { log(m: string) { /*sink*/super.log; } }`,
      { module: '@nestjs/common', path: ['ConsoleLogger', 'new', 'log'] },
    ],
    [
      'inherited package member on this',
      `import { PrismaClient } from '@prisma/client';\nclass Db extends PrismaClient { run() { /*sink*/this.user; } }`,
      { module: '@prisma/client', path: ['PrismaClient', 'new', 'user'] },
    ],
    [
      'this in a static method is the class',
      `import pino from 'pino';\nclass S { static log = pino(); static run() { /*sink*/this.log; } }`,
      { module: 'pino', path: ['default', '()'] },
    ],
    [
      'this in an object-literal method is the object',
      `import OpenAI from 'openai';\nconst svc = { ai: new OpenAI(), run() { /*sink*/this.ai.chat; } };`,
      { module: 'openai', path: ['default', 'new', 'chat'] },
    ],
    [
      'member inherited from a project base class',
      `import pino from 'pino';\nclass Base { protected log = pino(); }\nclass S extends Base { run() { /*sink*/this.log; } }`,
      { module: 'pino', path: ['default', '()'] },
    ],
    [
      'interface extending a package type',
      `import type { Logger } from 'winston';\ninterface AppLogger extends Logger { extra(): void }\nfunction f(log: AppLogger) { /*sink*/log.info; }`,
      { module: 'winston', path: ['Logger', 'new', 'info'] },
    ],
    [
      'ambient declaration with a package type',
      `import type { Redis } from 'ioredis';\ndeclare const cache: Redis;\n/*sink*/cache.set;`,
      { module: 'ioredis', path: ['Redis', 'new', 'set'] },
    ],
    [
      'element access with a const key',
      `import OpenAI from 'openai';\nconst KEY = 'chat';\nconst c = new OpenAI();\n/*sink*/c[KEY];`,
      { module: 'openai', path: ['default', 'new', 'chat'] },
    ],
    [
      'member of a const object literal',
      `import pino from 'pino';\nconst deps = { logger: pino() };\n/*sink*/deps.logger;`,
      { module: 'pino', path: ['default', '()'] },
    ],
    [
      'member of a const object via destructuring',
      `import pino from 'pino';\nconst deps = { logger: pino() };\nconst { logger } = deps;\n/*sink*/logger;`,
      { module: 'pino', path: ['default', '()'] },
    ],
  ])('%s', (_name, source, expected) => {
    expect(originOf(source)).toEqual(expected);
  });

  test('a project class without a package base has no origin', () => {
    expect(originOf(`class Foo { info(x: unknown) {} }\n/*sink*/new Foo().info;`)).toBeUndefined();
  });
});

describe('origin: across files', () => {
  test('exported const', () => {
    expect(
      originOf({
        '/src/logger.ts': `import pino from 'pino';\nexport const logger = pino();`,
        '/src/main.ts': `import { logger } from './logger';\n/*sink*/logger.info;`,
      }),
    ).toEqual({ module: 'pino', path: ['default', '()', 'info'] });
  });

  test('re-export under another name', () => {
    expect(
      originOf({
        '/src/logger.ts': `import pino from 'pino';\nexport const logger = pino();`,
        '/src/index.ts': `export { logger as log } from './logger';`,
        '/src/main.ts': `import { log } from './index';\n/*sink*/log;`,
      }),
    ).toEqual({ module: 'pino', path: ['default', '()'] });
  });

  test('export default expression', () => {
    expect(
      originOf({
        '/src/logger.ts': `import winston from 'winston';\nexport default winston.createLogger();`,
        '/src/main.ts': `import log from './logger';\n/*sink*/log;`,
      }),
    ).toEqual({ module: 'winston', path: ['default', 'createLogger', '()'] });
  });

  test('namespace import of a project module', () => {
    expect(
      originOf({
        '/src/clients.ts': `import OpenAI from 'openai';\nexport const ai = new OpenAI();`,
        '/src/main.ts': `import * as clients from './clients';\n/*sink*/clients.ai;`,
      }),
    ).toEqual({ module: 'openai', path: ['default', 'new'] });
  });

  test('factory function in another file', () => {
    expect(
      originOf({
        '/src/log.ts': `import pino from 'pino';\nexport function createLogger(name: string) { return pino({ name }); }\nexport const make = () => pino();`,
        '/src/main.ts': `import { createLogger, make } from './log';\nconst a = createLogger('x');\nconst b = make();\n/*sink*/a;`,
      }),
    ).toEqual({ module: 'pino', path: ['default', '()'] });
  });

  test('CommonJS module.exports from a required file', () => {
    expect(
      originOf({
        '/src/logger.js': `const pino = require('pino');\nmodule.exports = pino();`,
        '/src/main.js': `const log = require('./logger');\n/*sink*/log.info;`,
      }),
    ).toEqual({ module: 'pino', path: ['()', 'info'] });
  });

  test('CommonJS exports.name', () => {
    expect(
      originOf({
        '/src/clients.js': `const OpenAI = require('openai');\nexports.ai = new OpenAI();`,
        '/src/main.js': `const { ai } = require('./clients');\n/*sink*/ai;`,
      }),
    ).toEqual({ module: 'openai', path: ['new'] });
  });
});

describe('origin: globals', () => {
  test.each([
    ['console', `/*sink*/console.log;`, { module: 'global', path: ['console', 'log'] }],
    ['window.fetch is fetch', `declare const window: any;\n/*sink*/window.fetch;`, { module: 'global', path: ['fetch'] }],
    ['globalThis.localStorage', `/*sink*/globalThis.localStorage;`, { module: 'global', path: ['localStorage'] }],
    ['declared snippet global', `declare function gtag(...args: unknown[]): void;\n/*sink*/gtag;`, { module: 'global', path: ['gtag'] }],
    ['process.stdout', `/*sink*/process.stdout.write;`, { module: 'global', path: ['process', 'stdout', 'write'] }],
    ['alias of a global method', `const log = console.log;\n/*sink*/log;`, { module: 'global', path: ['console', 'log'] }],
  ])('%s', (_name, source, expected) => {
    expect(originOf(source)).toEqual(expected);
  });

  test('a local `console` shadows the global', () => {
    expect(originOf(`const console = { log(x: unknown) {} };\n/*sink*/console.log;`)).toBeUndefined();
  });

  test('a local `dataLayer` array shadows the global', () => {
    expect(originOf(`const dataLayer: unknown[] = [];\n/*sink*/dataLayer.push;`)).toBeUndefined();
  });

  test('unknown identifiers are not globals', () => {
    expect(originOf(`declare const somethingElse: any;\n/*sink*/somethingElse.track;`)).toBeUndefined();
  });

  test('req.log / request.log is the pino-http logger', () => {
    expect(originOf(`function h(req: any) { /*sink*/req.log.info; }`)).toEqual({ module: 'pino', path: ['default', '()', 'info'] });
    expect(originOf(`import Fastify from 'fastify';\nconst app = Fastify();\n/*sink*/app.log;`)).toEqual({
      module: 'pino',
      path: ['default', '()'],
    });
  });
});

describe('origin: robustness', () => {
  test('cyclic initializers give no origin and do not throw', () => {
    expect(originOf(`let a: any = b;\nlet b: any = a;\n/*sink*/a.x;`)).toBeUndefined();
  });

  test('recursive factories give no origin and do not throw', () => {
    expect(originOf(`function f(): any { return g(); }\nfunction g(): any { return f(); }\n/*sink*/f();`)).toBeUndefined();
  });

  test('long member chains resolve; absurdly deep ones give up without overflowing', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`).join('.');
    expect(originOf(`import x from 'x';\n/*sink*/x.${chain(40)};`)?.path).toHaveLength(41);
    expect(() => originOf(`import x from 'x';\n/*sink*/x.${chain(600)};`)).not.toThrow();
  });
});
