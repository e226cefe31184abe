import { ts } from 'ts-morph';
import { FlowAnalyzer } from '../../src/flow/flow-analyzer.js';
import { FLOW_SUMMARIES, SANITIZERS, summaryIndex } from '../../src/flow/summaries.catalog.js';
import { Classifier } from '../../src/classifier/classifier.js';
import { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import { fixture, MARK } from '../sinks/helpers.js';

const PERSON = `interface User { email: string; tags: string[] }\ndeclare const user: User;\ndeclare const people: User[];\n`;

/** Categories the flow engine finds in the expression after the marker. */
function carried(source: string, redactors: string[] = []): string[] {
  const fx = fixture(PERSON + source);
  const sf = fx.program.getSourceFile('/src/main.ts')!;
  const at = sf.text.indexOf(MARK) + MARK.length;
  let expr: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) === at && ts.isExpression(n) && (!expr || n.end > expr.end)) expr = n;
    if (n.pos <= at && n.end >= at) ts.forEachChild(n, visit);
  };
  visit(sf);
  const checker = fx.program.getTypeChecker();
  const flow = new FlowAnalyzer({ program: fx.program, checker, classifier: new Classifier(Taxonomy.default()), config: { redactors }, relative: (f) => f });
  return [...new Set(flow.taintOf(expr!).sources.map((s) => s.category))].sort();
}

const EMAIL = ['user.contact.email'];

/** [row, source with the call marked, categories its result carries] */
const CASES: [string, string, string[]][] = [
  ['receiver-text: a string method', `/*sink*/user.email.toLowerCase();`, EMAIL],
  ['receiver-text: a chain of them', `/*sink*/user.email.trim().padEnd(40);`, EMAIL],
  ['receiver-and-arguments: an array method keeps elements', `/*sink*/[user.email].filter(Boolean);`, EMAIL],
  ['callback-result: map returns what the callback returns', `/*sink*/people.map((p) => p.email);`, EMAIL],
  ['callback-result: a callback returning nothing personal', `/*sink*/people.map(() => 1);`, []],
  ['callback-result: the callback parameter is an element of the receiver', `declare const rows: any[];\n/*sink*/[user].map((p: any) => p.email);`, EMAIL],
  ['callback-result: parts of a message are what the person wrote', `interface Message { id: string; parts: { text: string }[] }\ndeclare const m: Message;\n/*sink*/m.parts.map((p: any) => p.text).join('');`, ['user.content.private']],
  ['callback-result: the id of a message is not its content', `interface Message { id: string; parts: { text: string }[] }\ndeclare const ms: Message[];\n/*sink*/ms.map((m: any) => m.id);`, []],
  ['callback-result: reduce binds its second parameter to the elements', `/*sink*/[user].reduce((acc: number, u: any) => acc + u.tags.length, 0);`, []],
  ['callback-result: reduce returns what it accumulates from the elements', `/*sink*/[user].reduce((acc: string, u: any) => acc + u.email, '');`, EMAIL],
  ['receiver-text: the bytes of a blob', `declare const file: { arrayBuffer(): Promise<ArrayBuffer>; email: string };\n/*sink*/file.arrayBuffer();`, EMAIL],
  ['arguments-text: JSON.stringify', `/*sink*/JSON.stringify({ email: user.email });`, EMAIL],
  ['arguments-text: a plain call of String', `/*sink*/String(user.email);`, EMAIL],
  ['arguments: Object.assign', `/*sink*/Object.assign({}, { email: user.email });`, EMAIL],
  ['arguments: a plain call of structuredClone', `/*sink*/structuredClone({ email: user.email });`, EMAIL],
  ['a method row does not apply to a plain call', `declare function trim(x: unknown): number;\n/*sink*/trim(user.email);`, []],
  ['sanitizer word', `declare function maskEmail(x: string): string;\n/*sink*/maskEmail(user.email);`, []],
  ['configured redactor', `declare function scramble(x: string): string;\n/*sink*/scramble(user.email);`, []],
  ['sanitizer chain from node:crypto', `import { createHash } from 'node:crypto';\n/*sink*/createHash('sha256').update(user.email).digest('base64url');`, []],
];

test.each(CASES)('%s', (_row, source, expected) => {
  expect(carried(source, ['scramble'])).toEqual(expected);
});

test('the first row that names a method decides: slice of a string is text, not structure', () => {
  expect(summaryIndex().method.get('slice')).toBe('receiver-text');
  expect(summaryIndex().method.get('values')).toBe('receiver-and-arguments');
  expect(summaryIndex().function.get('values')).toBe('arguments');
  expect(summaryIndex().function.has('trim')).toBe(false);
});

test('rows name each method once per row, and sanitizer words are lower case', () => {
  for (const row of FLOW_SUMMARIES) expect(new Set(row.names).size).toBe(row.names.length);
  for (const w of SANITIZERS.words) expect(w).toBe(w.toLowerCase());
});
