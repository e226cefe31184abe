import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConfigError, formatProblem } from '../../src/config/errors.js';

/**
 * Generated YAML documents for fuzzing the three parsers: a valid-ish document of the right shape,
 * with wrong types, awkward strings (newlines, controls, unicode) and then text mutations (random
 * bytes, duplicate keys, anchors and aliases, deep nesting, many keys, broken syntax).
 */

/** Strings a person would not write but a pull request can: line breaks, controls, bidi overrides, long. */
export const awkwardString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'a\nb',
    'line\r\nbreak',
    'cr\ronly',
    'nel\u0085x',
    'ls\u2028ps\u2029',
    'esc\u001b[31mred',
    'bidi\u202eevil',
    'tab\tx',
    '"quoted"',
    "it's",
    'x: y',
    '- item',
    '#hash',
    '*alias',
    '&anchor',
    '{a: 1}',
    '',
  ),
  fc.string({ minLength: 81, maxLength: 200 }),
);

const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/);

/** Any YAML value, small. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    awkwardString,
    word,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(word, awkwardString), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Usually `arbitrary`, sometimes any value at all (a wrong type, a newline in a string). */
export function mostly<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary, weight: 4 }, { arbitrary: anyValue, weight: 1 });
}

const categoryKey = fc.constantFrom(
  'user.contact.email',
  'user.device.ip_address',
  'user.financial.bank_account',
  'user.biometric',
  'user',
  'user.nope',
  'TODO',
);
const category = mostly(categoryKey);
const country = mostly(fc.constantFrom('US', 'DE', 'GB', 'XX', 'UK', 'TODO'));
const id = mostly(fc.oneof(word, awkwardString));
const list = <T>(arbitrary: fc.Arbitrary<T>) => mostly(fc.array(arbitrary, { maxLength: 3 }));

const flow = fc.record(
  {
    id,
    kind: mostly(fc.constantFrom('http', 'third_party', 'logger', 'storage', 'datastore', 'queue')),
    categories: list(category),
    countries: list(country),
    transferMechanism: mostly(fc.constantFrom('dpf', 'scc', 'TODO')),
    match: mostly(fc.record({ sinks: list(word), hosts: list(word) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const dataset = fc.record(
  { id, fields: list(fc.record({ symbol: mostly(word), path: mostly(word), categories: list(category) }, { requiredKeys: [] })) },
  { requiredKeys: [] },
);
const purpose = fc.record(
  {
    id,
    dataUse: mostly(fc.constantFrom('analytics.reporting', 'essential.service', 'marketing', 'nope', 'TODO')),
    dataSubjects: list(mostly(fc.constantFrom('customer', 'employee', 'nobody', 'TODO'))),
    categories: list(category),
    legalBasis: mostly(fc.constantFrom('consent', 'contract', 'TODO')),
    flows: list(id),
    datasets: list(id),
  },
  { requiredKeys: [] },
);
const exception = fc.record(
  {
    id,
    reason: mostly(awkwardString),
    expires: mostly(fc.constantFrom('2099-12-31', '2020-01-01', '2025-02-30', 'soon')),
    rule: mostly(word),
    paths: list(word),
  },
  { requiredKeys: [] },
);

/** A data-flow manifest, mostly of the right shape. */
export const manifestValue = fc.record(
  {
    version: mostly(fc.constant(1)),
    system: mostly(fc.record({ name: mostly(word), owner: mostly(awkwardString) }, { requiredKeys: [] })),
    datasets: list(dataset),
    flows: list(flow),
    purposes: list(purpose),
    logging: mostly(fc.record({ allowedCategories: list(category), redactors: list(mostly(word)) }, { requiredKeys: [] })),
    exceptions: list(exception),
    unknown: anyValue,
  },
  { requiredKeys: [] },
);

/** A scan configuration (`.privacy-review.yml`), mostly of the right shape. */
export const configValue = fc.record(
  {
    include: list(mostly(word)),
    exclude: list(mostly(word)),
    failOn: mostly(fc.constantFrom('high', 'medium', 'low', 'none', 'hgh')),
    maxFileBytes: mostly(fc.integer({ min: -10, max: 10_000_000 })),
    gitignore: mostly(fc.boolean()),
    classifier: mostly(
      fc.record(
        {
          categories: list(
            fc.record(
              {
                key: mostly(fc.constantFrom('user.unique_id.loyalty', 'user.contact.email', 'bad key')),
                parent: mostly(word),
                label: mostly(awkwardString),
                tags: list(mostly(word)),
              },
              { requiredKeys: [] },
            ),
          ),
          names: mostly(fc.dictionary(fc.oneof(categoryKey, awkwardString), list(mostly(word)), { maxKeys: 3 })),
          patterns: mostly(
            fc.dictionary(
              fc.oneof(categoryKey, awkwardString),
              list(mostly(fc.oneof(word, awkwardString, fc.constantFrom('([', '^nir$', '(?<x')))),
              { maxKeys: 3 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    unknownKey: anyValue,
  },
  { requiredKeys: [] },
);

/** An App configuration (`.github/privacy-review.yml`): App keys and scan keys in one file. */
export const appConfigValue = fc
  .tuple(
    fc.record(
      {
        reviewers: mostly(
          fc.record(
            {
              users: list(mostly(fc.oneof(word, fc.constantFrom('@alice', 'bad user')))),
              teams: list(mostly(fc.constantFrom('acme/privacy', 'nope'))),
              required: mostly(fc.integer({ min: -1, max: 12 })),
            },
            { requiredKeys: [] },
          ),
        ),
        mode: mostly(fc.constantFrom('block', 'warn', 'blok')),
        threshold: mostly(fc.constantFrom('high', 'medium', 'low')),
        manifest: mostly(fc.constantFrom('.privacy/manifest.yml', '../x', '/abs', 'a\\b')),
        templates: mostly(word),
        labels: mostly(fc.oneof(fc.constant(false), fc.record({ required: mostly(word) }, { requiredKeys: [] }))),
        drafts: mostly(fc.constantFrom('skip', 'review')),
        _extends: mostly(fc.constantFrom('.github', 'acme/policies:privacy.yml', 'bad ref')),
      },
      { requiredKeys: [] },
    ),
    configValue,
  )
  .map(([app, scan]) => ({ ...app, ...scan }));

/** A change to the text of a document. */
type Mutation = (text: string) => string;

const position = fc.nat();
const at = (text: string, n: number) => (text.length ? n % (text.length + 1) : 0);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // random characters or bytes somewhere
  fc
    .tuple(
      position,
      fc.oneof(
        awkwardString,
        fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')),
      ),
    )
    .map(
      ([n, s]) =>
        (t: string) =>
          t.slice(0, at(t, n)) + s + t.slice(at(t, n)),
    ),
  // a line said twice: duplicate keys
  position.map((n) => (t: string) => {
    const lines = t.split('\n');
    const i = n % lines.length;
    return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n');
  }),
  // a top-level key twice
  fc.constantFrom('version', 'flows', 'include', 'mode', 'reviewers').map((k) => (t: string) => `${t}\n${k}: again\n`),
  // anchors and aliases, resolved or not, a few or a bomb
  fc
    .nat({ max: 12 })
    .map((n) => (t: string) => `${t}\nanchored: &a [x, y]\naliased: [${Array(n).fill('*a').join(', ')}]\nmissing: *nope\n`),
  fc.nat({ max: 6 }).map((levels) => (t: string) => {
    let bomb = 'b0: &b0 [x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= levels; i++)
      bomb += `b${i}: &b${i} [${Array(8)
        .fill(`*b${i - 1}`)
        .join(', ')}]\n`;
    return `${t}\n${bomb}`;
  }),
  // deep nesting, around the depth limit
  fc.integer({ min: 1, max: 120 }).map((n) => (t: string) => `${t}\ndeep: ${'['.repeat(n)}x${']'.repeat(n)}\n`),
  fc
    .integer({ min: 1, max: 80 })
    .map((n) => (t: string) => `${t}\ndeep:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} x\n`),
  // a mapping with many keys (within the limits: thousands would make 10,000 documents slow)
  fc
    .integer({ min: 20, max: 200 })
    .map((n) => (t: string) => `${t}\nmany:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`),
  // broken syntax
  fc
    .constantFrom(
      '\t- tab',
      '---\nsecond: doc',
      ': no key',
      '"unclosed',
      '{a: [}',
      '!!binary x',
      '!custom tag',
      '%YAML 1.1',
      '? complex\n: key',
      '|\n bad',
    )
    .map((s) => (t: string) => `${t}\n${s}\n`),
  // cut short
  position.map((n) => (t: string) => t.slice(0, at(t, n))),
);

/** Text of a document of `value`'s shape, block or flow style, with up to three mutations. */
export function documentText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc
    .tuple(value, fc.boolean(), fc.array(mutation, { maxLength: 3 }))
    .map(([v, flow, mutations]) => mutations.reduce((text, m) => m(text), stringify(v, flow ? { collectionStyle: 'flow' } : {})));
}

/** Problems must keep the format editors and terminals turn into links: one line each, a real position. */
export function badProblems(
  problems: readonly { file: string; line: number; column: number }[],
  formatted: readonly string[],
  file: string,
): string[] {
  const bad: string[] = [];
  problems.forEach((p, i) => {
    if (p.file !== file) bad.push(`file ${JSON.stringify(p.file)}`);
    if (!Number.isInteger(p.line) || p.line < 1) bad.push(`line ${p.line}`);
    if (!Number.isInteger(p.column) || p.column < 1) bad.push(`column ${p.column}`);
    if (/[\n\r\u0085\u2028\u2029]/.test(formatted[i]!)) bad.push(`not one line: ${JSON.stringify(formatted[i])}`);
  });
  return bad;
}

/**
 * `runs` generated documents through a configuration parser: each is valid or refused with a
 * ConfigError whose problems are positioned and one line each; nothing hangs. Returns how many
 * were refused (the generator must reach the error paths) and the slowest parse, in CPU time
 * (a loaded machine stretches wall time, not the work a parse does).
 */
export function fuzzConfigParser(
  value: fc.Arbitrary<unknown>,
  parse: (text: string, file: string) => unknown,
  file: string,
  runs: number,
): { refused: number; slowestMs: number } {
  let slowestMs = 0;
  let refused = 0;
  fc.assert(
    fc.property(documentText(value), (text) => {
      const started = cpuMs();
      try {
        parse(text, file);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        refused++;
        expect(e.problems.length).toBeGreaterThan(0);
        expect(badProblems(e.problems, e.problems.map(formatProblem), file)).toEqual([]);
        expect(e.message.split('\n')).toHaveLength(e.problems.length);
      } finally {
        slowestMs = Math.max(slowestMs, cpuMs() - started);
      }
    }),
    { numRuns: runs },
  );
  return { refused, slowestMs };
}

/** CPU time of this process in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
