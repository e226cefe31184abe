import { ts } from 'ts-morph';
import { FlowAnalyzer } from '../../src/flow/flow-analyzer.js';
import { FLOW_SUMMARIES, PACKAGE_SUMMARIES, SANITIZERS, summaryIndex } from '../../src/flow/summaries.catalog.js';
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
  const flow = new FlowAnalyzer({
    program: fx.program,
    checker,
    classifier: new Classifier(Taxonomy.default()),
    config: { redactors },
    relative: (f) => f,
    sinks: fx.resolver,
  });
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
  [
    'callback-result: the callback parameter is an element of the receiver',
    `declare const rows: any[];\n/*sink*/[user].map((p: any) => p.email);`,
    EMAIL,
  ],
  [
    'callback-result: parts of a message are what the person wrote',
    `interface Message { id: string; parts: { text: string }[] }\ndeclare const m: Message;\n/*sink*/m.parts.map((p: any) => p.text).join('');`,
    ['user.content.private'],
  ],
  [
    'callback-result: the id of a message is not its content',
    `interface Message { id: string; parts: { text: string }[] }\ndeclare const ms: Message[];\n/*sink*/ms.map((m: any) => m.id);`,
    [],
  ],
  [
    'callback-result: reduce binds its second parameter to the elements',
    `/*sink*/[user].reduce((acc: number, u: any) => acc + u.tags.length, 0);`,
    [],
  ],
  [
    'callback-result: reduce returns what it accumulates from the elements',
    `/*sink*/[user].reduce((acc: string, u: any) => acc + u.email, '');`,
    EMAIL,
  ],
  [
    'receiver-text: the bytes of a blob',
    `declare const file: { arrayBuffer(): Promise<ArrayBuffer>; email: string };\n/*sink*/file.arrayBuffer();`,
    EMAIL,
  ],
  ['arguments-text: JSON.stringify', `/*sink*/JSON.stringify({ email: user.email });`, EMAIL],
  ['arguments-text: a plain call of String', `/*sink*/String(user.email);`, EMAIL],
  ['arguments: Object.assign', `/*sink*/Object.assign({}, { email: user.email });`, EMAIL],
  ['arguments: a plain call of structuredClone', `/*sink*/structuredClone({ email: user.email });`, EMAIL],
  ['a method row does not apply to a plain call', `declare function trim(x: unknown): number;\n/*sink*/trim(user.email);`, []],
  ['sanitizer word', `declare function maskEmail(x: string): string;\n/*sink*/maskEmail(user.email);`, []],
  ['configured redactor', `declare function scramble(x: string): string;\n/*sink*/scramble(user.email);`, []],
  [
    'sanitizer chain from node:crypto',
    `import { createHash } from 'node:crypto';\n/*sink*/createHash('sha256').update(user.email).digest('base64url');`,
    [],
  ],
  // The domain part of an address names a company or provider; the local part is the person's.
  ['domain part: split at @, second element', `/*sink*/user.email.split('@')[1];`, []],
  ['domain part: through a variable', `const parts = user.email.split('@');\n/*sink*/parts[1];`, []],
  ['domain part: pop and at(-1)', `/*sink*/[user.email.split('@').pop(), user.email.split('@').at(-1)];`, []],
  ['domain part: slice from the @', `/*sink*/user.email.slice(user.email.indexOf('@') + 1);`, []],
  [
    'domain part: a project helper returning it',
    `function emailDomain(e: string) { return e.split('@')[1]?.toLowerCase(); }\n/*sink*/emailDomain(user.email);`,
    [],
  ],
  ['local part: still the address', `/*sink*/user.email.split('@')[0];`, EMAIL],
  ['local part: slice up to the @', `/*sink*/user.email.slice(0, user.email.indexOf('@'));`, EMAIL],
  // The rest of a destructuring holds every key but the ones named beside it.
  ['rest without the named key', `const { email, ...rest } = { email: user.email, plan: 'pro' };\n/*sink*/rest;`, []],
  ['rest keeps the other keys', `const { plan, ...rest } = { email: user.email, plan: 'pro' };\n/*sink*/rest;`, EMAIL],
  [
    'rest of a parameter, through a call',
    `function options({ tracing, ...rest }: { tracing: unknown; prompt: string }) { return rest; }\n/*sink*/options({ tracing: { email: user.email }, prompt: 'hi' });`,
    [],
  ],
  [
    'rest of a parameter keeps the other keys',
    `function options({ tracing, ...rest }: { tracing: unknown; prompt: unknown }) { return rest; }\n/*sink*/options({ tracing: 1, prompt: { email: user.email } });`,
    EMAIL,
  ],
  // Package rows: a local transformation passes its arguments on (the token is followed to where it goes).
  [
    'jsonwebtoken sign: the token carries its claims',
    `import jwt from 'jsonwebtoken';\n/*sink*/jwt.sign({ email: user.email }, 'k');`,
    EMAIL,
  ],
  [
    'jsonwebtoken sign: not the key',
    `import jwt from 'jsonwebtoken';\ndeclare const key: string;\n/*sink*/jwt.sign({ plan: 'pro' }, key);`,
    [],
  ],
  [
    '@nestjs/jwt signAsync on an injected service',
    `import { JwtService } from '@nestjs/jwt';\nclass A { constructor(private jwt: JwtService) {} t() { return /*sink*/this.jwt.signAsync({ email: user.email }); } }`,
    EMAIL,
  ],
  [
    'jose SignJWT chain',
    `import { SignJWT } from 'jose';\ndeclare const key: Uint8Array;\n/*sink*/new SignJWT({ email: user.email }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key);`,
    EMAIL,
  ],
  [
    'oauth authHeader carries the token',
    `import { OAuth } from 'oauth';\ndeclare const accessToken: string;\nconst o = new OAuth('a', 'b', 'c', 'd', '1.0A', null, 'HMAC-SHA1');\n/*sink*/o.authHeader('https://api.example/x', accessToken, 's', 'GET');`,
    ['user.authorization.credentials'],
  ],
  [
    'a push service registration token is the device id',
    `import messaging from '@react-native-firebase/messaging';\n/*sink*/messaging().getToken();`,
    ['user.device.device_id'],
  ],
  ['Buffer.concat carries the chunks', `/*sink*/Buffer.concat([Buffer.from(user.email)]);`, EMAIL],
  ['a string concat carries its argument', `/*sink*/'to: '.concat(user.email);`, EMAIL],
  [
    'a sign method of another package is not a row',
    `declare const signer: { sign(x: unknown): string };\n/*sink*/signer.sign({ email: user.email });`,
    [],
  ],
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

test('package rows compile: every path parses and names its packages', () => {
  for (const row of PACKAGE_SUMMARIES) {
    expect(row.packages.length).toBeGreaterThan(0);
    expect(row.paths.length).toBeGreaterThan(0);
  }
});

test('rows name each method once per row, and sanitizer words are lower case', () => {
  for (const row of FLOW_SUMMARIES) expect(new Set(row.names).size).toBe(row.names.length);
  for (const w of SANITIZERS.words) expect(w).toBe(w.toLowerCase());
});
