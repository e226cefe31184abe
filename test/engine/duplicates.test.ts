import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from '#ts-morph';
import type { FindingInput } from '../../src/core/analyzer.js';
import type { Analyzer } from '../../src/engine/analyzer.js';
import { scan } from '../../src/engine/scan.js';

// Two paths that carry the same data to the same sink at one place are one claim (issue 11: the
// labels saw three findings on one line, two of them identical).
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'pr-dup-'));
  writeFileSync(path.join(root, 'a.ts'), 'send(email);\nsend(email);\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function reporting(inputs: (at: ts.Node) => Omit<FindingInput, 'at'>[]): Analyzer {
  return {
    meta: { id: 'data-flow', name: 'test', shortDescription: 'test', help: 'test' },
    create: (ctx) => ({
      [ts.SyntaxKind.CallExpression]: (node: ts.Node) => {
        for (const input of inputs(node)) ctx.report({ at: node, ...input });
      },
    }),
  };
}

const base = { message: 'Sends email', confidence: 'high' as const, remediation: 'declare it' };
const sink = { id: 'nodemailer', kind: 'third_party' as const, package: 'nodemailer' };

test('an exact duplicate (rule, file, line, column, sink, categories) is reported once', async () => {
  const analyzer = reporting(() => [
    { ...base, categories: ['user.contact.email'], sink },
    { ...base, categories: ['user.contact.email'], sink, message: 'Sends email from another path' },
  ]);
  const r = await scan({ root, analyzers: [analyzer] });
  expect(r.findings.map((f) => f.line)).toEqual([1, 2]);
});

test('other data, another sink or another place stays a finding of its own', async () => {
  const analyzer = reporting(() => [
    { ...base, categories: ['user.contact.email'], sink },
    { ...base, categories: ['user.contact.phone_number'], sink },
    { ...base, categories: ['user.contact.email'], sink: { ...sink, id: 'ses' } },
  ]);
  const r = await scan({ root, analyzers: [analyzer] });
  expect(r.findings).toHaveLength(6);
  expect(new Set(r.findings.map((f) => f.id)).size).toBe(6);
});
