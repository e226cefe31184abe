import { MEMBER_CONVENTIONS } from '../../src/sinks/conventions.js';
import { fixture } from './helpers.js';

const originOf = (source: string) => fixture(source).originAt();

/** [convention, source with the member marked, origin it resolves to (undefined: the convention does not apply)] */
const CASES: [string, string, { module: string; path: string[] } | undefined][] = [
  ['an express handler parameter req', `function h(req: any) { /*sink*/req.log; }`, { module: 'pino', path: ['default', '()'] }],
  ['a handler parameter request', `const h = (request: any) => /*sink*/request.log;`, { module: 'pino', path: ['default', '()'] }],
  [
    'a Fastify instance',
    `import Fastify from 'fastify';\nconst app = Fastify();\n/*sink*/app.log;`,
    { module: 'pino', path: ['default', '()'] },
  ],
  [
    'a pino-http middleware value',
    `import pinoHttp from 'pino-http';\nconst mw = pinoHttp();\n/*sink*/mw.log;`,
    { module: 'pino', path: ['default', '()'] },
  ],
  [
    'a member of the convention is followed on',
    `function h(req: any) { /*sink*/req.log.info; }`,
    { module: 'pino', path: ['default', '()', 'info'] },
  ],
  ['a local object named req is not a request', `const req = { log: 1 };\n/*sink*/req.log;`, undefined],
  ['another member of a request is not the logger', `function h(req: any) { /*sink*/req.logger; }`, undefined],
  ['a parameter with another name is not a request', `function h(ctx: any) { /*sink*/ctx.log; }`, undefined],
  [
    'a package no convention names keeps its own member',
    `import axios from 'axios';\n/*sink*/axios.log;`,
    { module: 'axios', path: ['default', 'log'] },
  ],
];

test.each(CASES)('%s', (_name, source, expected) => {
  expect(originOf(source)).toEqual(expected);
});

test('every convention row names hosts, a member, parameter names and a package value', () => {
  for (const c of MEMBER_CONVENTIONS) {
    expect(c.hosts.length).toBeGreaterThan(0);
    expect(c.member).toMatch(/^[A-Za-z_$][\w$]*$/);
    expect(c.value.module).not.toBe('');
  }
});
