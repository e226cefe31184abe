import { fingerprint } from '../../src/engine/fingerprint.js';
import type { Finding, RuleId } from '../../src/core/contract.js';
import { diffFindings } from '../../src/review/diff-findings.js';
import type { MatchedFinding, ReviewedFinding } from '../../src/review/types.js';

/** A finding with the id the engine would give it (fingerprint of its identity and occurrence). */
interface Spec {
  file?: string;
  line?: number;
  rule?: RuleId;
  symbol?: string;
  categories?: string[];
  sink?: string;
  /** The engine's discriminator (call text), which findings do not carry. */
  call?: string;
  occurrence?: number;
  message?: string;
  suppressed?: boolean;
}

function f(spec: Spec = {}): MatchedFinding {
  const rule = spec.rule ?? 'pii-logging';
  const file = spec.file ?? 'src/a.ts';
  const symbol = spec.symbol ?? 'register';
  const categories = spec.categories ?? ['user.contact.email'];
  const sink = { kind: 'logger' as const, id: spec.sink ?? 'pino' };
  const id = fingerprint({ rule, file, symbol, categories, sink, discriminator: spec.call ?? 'pino logger.info' }, spec.occurrence ?? 0);
  const line = spec.line ?? 1;
  const finding: Finding = {
    id,
    rule,
    severity: 'medium',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 10,
    message: spec.message ?? `Logs email address to ${sink.id}.`,
    categories,
    symbol,
    sink,
    trace: [],
    suppressed: spec.suppressed ?? false,
    ...(spec.suppressed ? { suppression: { kind: 'inline' as const, reason: 'operator terminal only' } } : {}),
    confidence: 'high',
    remediation: '',
  };
  return { finding, declared: false };
}

const statuses = (r: readonly ReviewedFinding[]) =>
  r.map(
    (x) =>
      `${x.status} ${x.finding.file}:${x.finding.line}${x.baseFile ? ` (from ${x.baseFile})` : ''}${x.previous ? ` (was ${x.previous.categories.join(', ')})` : ''}`,
  );

test.each<[string, MatchedFinding[], MatchedFinding[], Record<string, string>, string[]]>([
  ['identical sides', [f()], [f()], {}, ['unchanged src/a.ts:1']],
  ['lines shifted (code added above, reformatted)', [f({ line: 3 })], [f({ line: 40 })], {}, ['unchanged src/a.ts:40']],
  [
    'code moved inside a file (order swapped)',
    [f({ line: 2, symbol: 'a' }), f({ line: 9, symbol: 'b' })],
    [f({ line: 2, symbol: 'b' }), f({ line: 9, symbol: 'a' })],
    {},
    ['unchanged src/a.ts:2', 'unchanged src/a.ts:9'],
  ],
  ['a finding added', [f()], [f(), f({ line: 5, sink: 'winston' })], {}, ['unchanged src/a.ts:1', 'new src/a.ts:5']],
  ['a finding removed', [f(), f({ line: 5, sink: 'winston' })], [f()], {}, ['unchanged src/a.ts:1', 'fixed src/a.ts:5']],
  [
    'categories widened: one changed finding, not a new and a fixed one',
    [f()],
    [f({ categories: ['user.contact.email', 'user.government_id'] })],
    {},
    ['new src/a.ts:1 (was user.contact.email)'],
  ],
  [
    'categories narrowed in a renamed file: changed',
    [f({ file: 'src/old.ts', categories: ['user.contact.email', 'user.name'] })],
    [f({ file: 'src/new.ts' })],
    { 'src/old.ts': 'src/new.ts' },
    ['new src/new.ts:1 (was user.contact.email, user.name)'],
  ],
  [
    'other data at another place: new and fixed',
    [f()],
    [f({ symbol: 'other', categories: ['user.name'] })],
    {},
    ['new src/a.ts:1', 'fixed src/a.ts:1'],
  ],
  [
    'a file renamed',
    [f({ file: 'src/old.ts' })],
    [f({ file: 'src/new.ts', line: 7 })],
    { 'src/old.ts': 'src/new.ts' },
    ['unchanged src/new.ts:7 (from src/old.ts)'],
  ],
  [
    'a file renamed, without the rename map',
    [f({ file: 'src/old.ts' })],
    [f({ file: 'src/new.ts' })],
    {},
    ['new src/new.ts:1', 'fixed src/old.ts:1'],
  ],
  [
    'a file renamed and a finding added to it',
    [f({ file: 'src/old.ts' })],
    [f({ file: 'src/new.ts' }), f({ file: 'src/new.ts', line: 2, sink: 'winston' })],
    { 'src/old.ts': 'src/new.ts' },
    ['unchanged src/new.ts:1 (from src/old.ts)', 'new src/new.ts:2'],
  ],
  [
    'a file renamed and a different finding in it (no pairing across identities)',
    [f({ file: 'src/old.ts', symbol: 'a' })],
    [f({ file: 'src/new.ts', symbol: 'b' })],
    { 'src/old.ts': 'src/new.ts' },
    ['new src/new.ts:1', 'fixed src/old.ts:1'],
  ],
  [
    'a renamed file, and a new file at the old path',
    [f({ file: 'src/old.ts' })],
    [f({ file: 'src/new.ts', line: 3 }), f({ file: 'src/old.ts' })],
    { 'src/old.ts': 'src/new.ts' },
    ['unchanged src/new.ts:3 (from src/old.ts)', 'new src/old.ts:1'],
  ],
  [
    'two files swapped names',
    [f({ file: 'src/a.ts', symbol: 'x' }), f({ file: 'src/b.ts', symbol: 'y' })],
    [f({ file: 'src/a.ts', symbol: 'y' }), f({ file: 'src/b.ts', symbol: 'x' })],
    { 'src/a.ts': 'src/b.ts', 'src/b.ts': 'src/a.ts' },
    ['unchanged src/a.ts:1 (from src/b.ts)', 'unchanged src/b.ts:1 (from src/a.ts)'],
  ],
  [
    'repeats: the first of two identical log calls removed',
    [f({ line: 1 }), f({ line: 2, occurrence: 1 })],
    [f({ line: 2 })],
    {},
    ['unchanged src/a.ts:2', 'fixed src/a.ts:2'],
  ],
  [
    'repeats: a third identical call added',
    [f({ line: 1 }), f({ line: 2, occurrence: 1 })],
    [f({ line: 1 }), f({ line: 2, occurrence: 1 }), f({ line: 3, occurrence: 2 })],
    {},
    ['unchanged src/a.ts:1', 'unchanged src/a.ts:2', 'new src/a.ts:3'],
  ],
  [
    'repeats in a renamed file pair in order',
    [f({ file: 'o.ts', line: 1 }), f({ file: 'o.ts', line: 2, occurrence: 1 })],
    [f({ file: 'n.ts', line: 5 }), f({ file: 'n.ts', line: 6, occurrence: 1 })],
    { 'o.ts': 'n.ts' },
    ['unchanged n.ts:5 (from o.ts)', 'unchanged n.ts:6 (from o.ts)'],
  ],
])('%s', (_name, base, head, renames, expected) => {
  expect(statuses(diffFindings({ base, head, renames: new Map(Object.entries(renames)) }))).toEqual(expected);
});

test('a renamed file pairs same-identity findings by message first', () => {
  const base = [
    f({ file: 'o.ts', call: 'pino logger.info', message: 'info call' }),
    f({ file: 'o.ts', call: 'pino logger.warn', message: 'warn call' }),
  ];
  // the head has only the warn call left: it must pair with the base's warn call, leaving the info call fixed
  const head = [f({ file: 'n.ts', call: 'pino logger.warn', message: 'warn call', line: 4 })];
  const r = diffFindings({ base, head, renames: new Map([['o.ts', 'n.ts']]) });
  expect(r.map((x) => [x.status, x.finding.message])).toEqual([
    ['unchanged', 'warn call'],
    ['fixed', 'info call'],
  ]);
});

test('suppressed findings keep their flag in every status', () => {
  const base = [f({ symbol: 'kept', suppressed: true }), f({ symbol: 'gone', suppressed: true })];
  const head = [f({ symbol: 'kept', suppressed: true }), f({ symbol: 'added', suppressed: true })];
  const r = diffFindings({ base, head });
  expect(r.map((x) => [x.status, x.finding.symbol, x.finding.suppressed, x.finding.suppression?.reason])).toEqual([
    ['unchanged', 'kept', true, 'operator terminal only'],
    ['new', 'added', true, 'operator terminal only'],
    ['fixed', 'gone', true, 'operator terminal only'],
  ]);
});

test('unchanged findings carry the head side (lines, declaration), fixed ones the base side', () => {
  const base = { ...f({ line: 1 }), declared: false, reason: 'no flow' };
  const head = { ...f({ line: 9 }), declared: true, declaration: { kind: 'logging' as const, id: 'logging' } };
  const [r] = diffFindings({ base: [base], head: [head] });
  expect(r).toMatchObject({ status: 'unchanged', declared: true, finding: { line: 9 } });
  expect(r!.baseFile).toBeUndefined();
  const [fixed] = diffFindings({ base: [base], head: [] });
  expect(fixed).toMatchObject({ status: 'fixed', declared: false, reason: 'no flow', finding: { line: 1 } });
});

test('empty sides', () => {
  expect(diffFindings({ base: [], head: [] })).toEqual([]);
  expect(diffFindings({ base: [], head: [f()] }).map((r) => r.status)).toEqual(['new']);
  expect(diffFindings({ base: [f()], head: [] }).map((r) => r.status)).toEqual(['fixed']);
});
