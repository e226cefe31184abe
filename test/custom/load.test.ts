import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import { CustomAnalyzerError, loadCustomAnalyzers } from '../../src/custom/load.js';
import { operatorAnalyzerSpecifiers } from '../../src/app/custom-analyzers.js';

/** Loading custom analyzers: a clear error with what to do for every way a module can be wrong. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-custom-'));
const module = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return `./${name}`;
};
const meta = "{ name: 'x-rule', rule: 'pii-logging', description: 'finds x' }";

test.each([
  ['a missing file', './nope.mjs', /custom analyzer \.\/nope\.mjs: .*nope\.mjs does not exist; check the path/],
  [
    'a package that is not installed',
    '@acme/not-installed',
    /no such package .*; install it \(npm install --save-dev @acme\/not-installed\)/,
  ],
  ['a syntax error', module('broken.mjs', 'export default {'), /it could not be loaded \(.*\); a custom analyzer is an ES module/],
  ['no meta', module('nometa.mjs', 'export default { create() { return {}; } };'), /meta is missing: \{ name, rule, description \}/],
  [
    'a bad name',
    module('badname.mjs', "export default { meta: { name: 'Acme Rule', rule: 'data-flow', description: 'd' }, create() { return {}; } };"),
    /meta\.name must be lower case letters/,
  ],
  [
    'an unknown rule',
    module('badrule.mjs', "export default { meta: { name: 'a', rule: 'pii', description: 'd' }, create() { return {}; } };"),
    /meta\.rule must be one of pii-field, pii-logging, data-flow/,
  ],
  ['no create', module('nocreate.mjs', `export default { meta: ${meta} };`), /create\(context\) must be a function/],
])('%s: %s', async (_what, specifier, message) => {
  const error = await loadCustomAnalyzers([specifier], dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CustomAnalyzerError);
  expect((error as Error).message).toMatch(message);
});

test('two analyzers with one name are refused', async () => {
  const a = module('a.mjs', `export default { meta: ${meta}, create() { return {}; } };`);
  const b = module('b.mjs', `export default { meta: ${meta}, create() { return {}; } };`);
  await expect(loadCustomAnalyzers([a, b], dir)).rejects.toThrow('the name "x-rule" is taken by another custom analyzer');
});

test('a wrong syntax kind name or a bad report fails the file with the reason, never silently', async () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'pr-custom-project-'));
  writeFileSync(path.join(project, 'a.ts'), 'export const x = 1;\n');
  const kind = module('kind.mjs', `export default { meta: ${meta}, create() { return { CallExpresion() {} }; } };`);
  const category = module(
    'category.mjs',
    `export default { meta: ${meta}, create(context) { return { VariableDeclaration(node) { context.report({ node, categories: ['user.favourite_colour'], message: 'm' }); } }; } };`,
  );
  for (const [specifier, reason] of [
    [kind, 'custom analyzer x-rule: "CallExpresion" is not a syntax kind (use ts-morph\'s SyntaxKind names, e.g. CallExpression)'],
    [category, 'custom analyzer x-rule: unknown data category "user.favourite_colour"'],
  ] as const) {
    const result = await scan({ root: project, analyzers: await loadCustomAnalyzers([specifier], dir) });
    expect(result.errors).toEqual([{ file: 'a.ts', message: expect.stringContaining(reason) }]);
  }
});

test('a custom analyzer reports under its rule, with its own name in the message, and reads names through the classifier', async () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'pr-custom-project-'));
  writeFileSync(
    path.join(project, 'a.ts'),
    'declare const audit: { write(x: unknown): void };\nexport function f(customerEmail: string) {\n  audit.write(customerEmail);\n}\n',
  );
  const specifier = module(
    'audit.mjs',
    `export default { meta: ${meta}, create(context) { return { CallExpression(call) {
      if (call.getExpression().getText() !== 'audit.write') return;
      const arg = call.getArguments()[0];
      const category = context.categoryOfName(arg.getText());
      context.report({ node: call, categories: [category], message: 'audit log of ' + arg.getText(), sink: { kind: 'logger', id: 'audit' } });
    } }; } };`,
  );
  const result = await scan({ root: project, analyzers: await loadCustomAnalyzers([specifier], dir) });
  expect(
    result.findings.map((f) => ({ rule: f.rule, line: f.line, categories: f.categories, message: f.message, sink: f.sink?.id })),
  ).toEqual([
    {
      rule: 'pii-logging',
      line: 3,
      categories: ['user.contact.email'],
      message: 'audit log of customerEmail (reported by x-rule)',
      sink: 'audit',
    },
  ]);
});

test("the App reads the operator's list of custom analyzers from PRIVACY_REVIEW_ANALYZERS", () => {
  expect(operatorAnalyzerSpecifiers({})).toEqual([]);
  expect(operatorAnalyzerSpecifiers({ PRIVACY_REVIEW_ANALYZERS: ' ./a.mjs, @acme/rules ,,' })).toEqual(['./a.mjs', '@acme/rules']);
});
