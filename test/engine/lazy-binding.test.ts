import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from '#ts-morph';
import { createProgram } from '../../src/engine/program.js';
import { bindLazily } from '../../src/engine/lazy-binding.js';
import { scan } from '../../src/engine/scan.js';
import { ANALYZERS } from '../../analyzers/index.js';

const ROOT = '/repo';
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
};

function lazyProgram(files: Record<string, string>) {
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.posix.join(ROOT, name), text]));
  const lazy = bindLazily(createProgram(texts, options, ROOT));
  const file = (name: string) => lazy.program.getSourceFile(path.posix.join(ROOT, name))!;
  // getSourceFiles, not getSourceFile: looking must not bind
  const isBound = (name: string) =>
    (lazy.program.getSourceFiles().find((sf) => sf.fileName === path.posix.join(ROOT, name)) as unknown as { locals?: unknown }).locals !==
    undefined;
  return { ...lazy, file, isBound };
}

function identifier(sf: ts.SourceFile, text: string, nth = 0): ts.Identifier {
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === text) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found[nth]!;
}

const PROJECT = {
  'src/service.ts': "import { User } from './user';\nimport { log } from './log';\nexport function save(user: User) { log(user.email); }",
  'src/user.ts': 'export interface User { email: string }',
  'src/log.ts': 'export function log(message: string) { console.log(message); }',
  'src/unrelated.ts': 'export const LABELS = { draft: "Draft" };\nexport function clamp(v: number) { return Math.min(v, 1); }',
  'src/legacy.ts': 'const LEGACY_LIMIT = 3;', // a script: its names are global
  'src/augment.ts': 'export {};\ndeclare global { interface Window { tracker: { send(x: unknown): void } } }',
  'src/shims.d.ts': 'declare const analytics: { track(event: object): void };',
};

test('only the files that add globals are bound before the first question', () => {
  const p = lazyProgram(PROJECT);
  expect(['src/legacy.ts', 'src/augment.ts', 'src/shims.d.ts'].map(p.isBound)).toEqual([true, true, true]);
  expect(['src/service.ts', 'src/user.ts', 'src/log.ts', 'src/unrelated.ts'].map(p.isBound)).toEqual([false, false, false, false]);
});

test('a question binds the file asked about and the files its imports resolve to, and no other', () => {
  const p = lazyProgram(PROJECT);
  const service = p.file('src/service.ts');
  const userParam = identifier(service, 'user', 1);
  const type = p.checker.getTypeAtLocation(userParam);
  expect(p.checker.getPropertiesOfType(type).map((s) => s.name)).toEqual(['email']);
  const callee = identifier(service, 'log', 1);
  const symbol = p.checker.getAliasedSymbol(p.checker.getSymbolAtLocation(callee)!);
  expect(symbol.declarations?.[0]?.getSourceFile().fileName).toBe('/repo/src/log.ts');
  expect(['src/service.ts', 'src/user.ts', 'src/log.ts'].map(p.isBound)).toEqual([true, true, true]);
  expect(p.isBound('src/unrelated.ts')).toBe(false);
  expect(p.bound()).toEqual({ bound: p.bound().files - 1, files: p.bound().files });
});

test('a lazily bound module sees the globals of scripts, declaration files and global augmentations', () => {
  const p = lazyProgram({
    ...PROJECT,
    'src/uses-globals.ts': 'export function f(w: Window) { analytics.track({}); w.tracker.send(LEGACY_LIMIT); }',
  });
  const sf = p.file('src/uses-globals.ts');
  expect(p.checker.getSymbolAtLocation(identifier(sf, 'analytics'))?.declarations?.[0]?.getSourceFile().fileName).toBe(
    '/repo/src/shims.d.ts',
  );
  expect(p.checker.getSymbolAtLocation(identifier(sf, 'LEGACY_LIMIT'))?.declarations?.[0]?.getSourceFile().fileName).toBe(
    '/repo/src/legacy.ts',
  );
  expect(p.checker.getSymbolAtLocation(identifier(sf, 'tracker'))?.declarations?.[0]?.getSourceFile().fileName).toBe(
    '/repo/src/augment.ts',
  );
});

test('a file handed to the analyzers is bound if it imports something, else only given parent pointers', () => {
  const p = lazyProgram(PROJECT);
  p.file('src/service.ts');
  p.file('src/unrelated.ts');
  expect(p.isBound('src/service.ts')).toBe(true);
  expect(p.isBound('src/unrelated.ts')).toBe(false);
});

test('an unbound file handed to the analyzers has parent pointers', () => {
  const p = lazyProgram(PROJECT);
  const sf = p.file('src/unrelated.ts');
  expect(p.isBound('src/unrelated.ts')).toBe(false);
  const clamp = identifier(sf, 'clamp');
  expect(clamp.parent && ts.isFunctionDeclaration(clamp.parent)).toBe(true);
  expect(clamp.getSourceFile()).toBe(sf);
});

test('a node with no way up to its file makes the checker bind everything rather than answer wrong', () => {
  const p = lazyProgram(PROJECT);
  p.checker.getTypeAtLocation(ts.factory.createIdentifier('synthesized'));
  expect(p.bound().bound).toBe(p.bound().files);
});

test('a scan finds the same through lazily bound files: a global logger from a script, a helper two imports away', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-lazy-'));
  mkdirSync(path.join(dir, 'src'));
  const files: Record<string, string> = {
    'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();",
    'src/audit.ts': "import { logger } from './logger';\nexport function audit(message: unknown) { logger.info(message); }",
    'src/signup.ts': "import { audit } from './audit';\nexport function signup(email: string) { audit({ email }); }",
    'src/global-log.ts': 'declare const sentry: { captureMessage(m: string): void };\nconst legacyLog = console;',
    'src/legacy.ts': 'export function remember(phone: string) { legacyLog.log(phone); }',
    'src/unrelated.ts': 'export const clamp = (v: number) => Math.min(v, 1);',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler' } }),
  );
  const fast = await scan({ root: dir, analyzers: ANALYZERS });
  const reference = await scan({ root: dir, analyzers: ANALYZERS, reference: true });
  const summary = (r: typeof fast) => r.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.categories.join(',')}`);
  expect(summary(fast)).toEqual(summary(reference));
  expect(summary(fast)).toEqual(
    expect.arrayContaining(['pii-logging src/signup.ts:2 user.contact.email', 'pii-logging src/legacy.ts:1 user.contact.phone_number']),
  );
  expect(fast.errors).toEqual([]);
});
