import { ts } from 'ts-morph';
import { fixture, only } from './helpers.js';
import { BUILTIN_SINKS } from '../../analyzers/index.js';
import { createSinkResolver } from '../../src/sinks/resolver.js';

/** A checker that counts how often it is asked anything. */
function countingChecker(checker: ts.TypeChecker): { checker: ts.TypeChecker; calls: () => number } {
  let n = 0;
  const proxy = new Proxy(checker, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (...args: unknown[]) => (n++, (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
    },
  });
  return { checker: proxy, calls: () => n };
}

function callsIn(sf: ts.SourceFile): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('match: cost', () => {
  test('a call whose method name no sink uses never reaches the checker', () => {
    const fx = fixture(`declare const a: any;\na.doSomething(1);\na.b.c.compute(2);\n[1, 2].map((x) => x).filter(Boolean);`);
    const counter = countingChecker(fx.program.getTypeChecker());
    const resolver = createSinkResolver({ program: fx.program, checker: counter.checker, catalogue: BUILTIN_SINKS, custom: [] });
    for (const call of callsIn(fx.program.getSourceFile('/src/main.ts')!)) expect(resolver.match(call)).toEqual([]);
    expect(counter.calls()).toBe(0);
  });

  test('matches are memoized per node: a second match does not ask the checker again', () => {
    const fx = fixture(`import pino from 'pino';\nconst log = pino();\nlog.info('x');`);
    const counter = countingChecker(fx.program.getTypeChecker());
    const resolver = createSinkResolver({ program: fx.program, checker: counter.checker, catalogue: BUILTIN_SINKS, custom: [] });
    const [, call] = callsIn(fx.program.getSourceFile('/src/main.ts')!);
    const first = resolver.match(call!);
    const asked = counter.calls();
    expect(first).toHaveLength(1);
    expect(asked).toBeGreaterThan(0);
    expect(resolver.match(call!)).toEqual(first);
    expect(counter.calls()).toBe(asked);
  });

  test('returned arrays are copies: callers cannot corrupt the memo', () => {
    const fx = fixture(`/*sink*/console.log('x');`);
    const node = fx.marked();
    fx.resolver.match(node).pop();
    expect(fx.resolver.match(node)).toHaveLength(1);
  });
});

describe('match: result shape', () => {
  test('a match carries the node, family, sink ref and origin', () => {
    const fx = fixture(`import Stripe from 'stripe';\nconst stripe = new Stripe('k');\n/*sink*/stripe.customers.create({ email: 'x' });`);
    const [m] = fx.resolver.match(fx.marked());
    expect(m!.node).toBe(fx.marked());
    expect(m!.family).toBe('egress');
    expect(m!.sink).toEqual({ kind: 'third_party', id: 'stripe', label: 'Stripe', package: 'stripe', service: 'payments' });
    expect(m!.origin).toEqual({ module: 'stripe', path: ['default', 'new', 'customers', 'create'] });
  });

  test('a spread argument is kept as data wherever it may land', () => {
    const fx = fixture(
      `import mysql from 'mysql2';\nconst c = mysql.createConnection({});\ndeclare const args: [string, unknown[]];\n/*sink*/c.query(...args);`,
    );
    expect(only(fx).data).toEqual(['args']);
  });

  test('a property narrowed inside a spread object keeps the spread', () => {
    const fx = fixture(
      `import { Kafka } from 'kafkajs';\nconst p = new Kafka({ brokers: [] }).producer();\ndeclare const base: any;\n/*sink*/p.send({ ...base, topic: 't' });`,
    );
    expect(only(fx).data).toEqual(['base']);
  });
});

describe('custom sinks from configuration', () => {
  const sinks = [
    {
      id: 'acme-telemetry',
      kind: 'third_party' as const,
      package: '@acme/telemetry',
      call: 'events.send',
      args: [1],
      service: 'analytics',
      label: 'Acme',
    },
    { id: 'acme-log', kind: 'logger' as const, package: '@acme/log', call: 'write' },
  ];

  test('a configured egress sink matches its package and call path', () => {
    const fx = fixture(`import { client } from '@acme/telemetry';\ndeclare const u: any;\n/*sink*/client.events.send('signup', u);`, {
      sinks,
    });
    expect(only(fx)).toMatchObject({ id: 'acme-telemetry', kind: 'third_party', family: 'egress', service: 'analytics', data: ['u'] });
  });

  test('a configured logger feeds the log family with all arguments', () => {
    const fx = fixture(`import log from '@acme/log';\n/*sink*/log.write('a', 'b');`, { sinks });
    expect(only(fx)).toMatchObject({ id: 'acme-log', family: 'log', data: ["'a'", "'b'"] });
  });

  test('custom sinks do not match other packages', () => {
    const fx = fixture(`import { client } from '@other/telemetry';\n/*sink*/client.events.send('x', 1);`, { sinks });
    expect(fx.at()).toEqual([]);
  });

  test('without configuration they do not exist', () => {
    expect(fixture(`import { client } from '@acme/telemetry';\n/*sink*/client.events.send('x', 1);`).at()).toEqual([]);
  });
});
