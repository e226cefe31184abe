import { CALL } from './path-pattern.js';
import type { Origin } from './types.js';

/**
 * Framework conventions, as data: a member of a framework's object that holds another package's
 * value, which no import shows (as CodeQL's `typeModel` rows). Adding a framework is a row here and a
 * row in the table test (test/sinks/conventions.test.ts).
 */
export interface MemberConvention {
  /** Packages whose values carry the member: the request or instance of these frameworks. */
  hosts: readonly string[];
  member: string;
  /** Untyped handler parameters with these names carry the member too (`(req, res) => req.log.info(...)`). */
  parameterNames: readonly string[];
  /** The value the member holds. */
  value: Origin;
}

export const MEMBER_CONVENTIONS: readonly MemberConvention[] = [
  {
    // pino-http and Fastify put the request's pino logger at `req.log` (and Fastify's instance at `app.log`).
    hosts: ['express', 'fastify', 'koa', 'pino-http', 'express-pino-logger', 'koa-pino-logger'],
    member: 'log',
    parameterNames: ['req', 'request'],
    value: { module: 'pino', path: ['default', CALL] },
  },
];
