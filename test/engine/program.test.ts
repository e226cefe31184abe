import path from 'node:path';
import { ts } from '#ts-morph';
import { createProgram } from '../../src/engine/program.js';
import { isBareSpecifier } from '../../src/ts/syntax.js';

const ROOT = '/repo';
const FILES = {
  'src/service.ts':
    "import { User } from './user';\nimport { helper } from '@app/lib/helper';\nimport pino from 'pino';\nimport { x } from '@scope/pkg/sub';\nimport fs from 'node:fs';",
  'src/user.ts': 'export interface User { email: string }',
  'src/lib/helper.ts': 'export const helper = 1;',
};

/** Where each import of src/service.ts resolves (undefined: unresolved), through the program's own module resolution. */
function resolutions(options: ts.CompilerOptions): Record<string, string | undefined> {
  const texts = new Map(Object.entries(FILES).map(([name, text]) => [path.posix.join(ROOT, name), text]));
  const program = createProgram(texts, options, ROOT) as ts.Program & {
    getResolvedModuleFromModuleSpecifier(
      specifier: ts.StringLiteralLike,
      file: ts.SourceFile,
    ): ts.ResolvedModuleWithFailedLookupLocations | undefined;
  };
  const sf = program.getSourceFile('/repo/src/service.ts')!;
  const out: Record<string, string | undefined> = {};
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    out[st.moduleSpecifier.text] = program.getResolvedModuleFromModuleSpecifier(st.moduleSpecifier, sf)?.resolvedModule?.resolvedFileName;
  }
  return out;
}

const base: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };

test('relative imports resolve to project files; package names stay unresolved without paths', () => {
  expect(resolutions(base)).toEqual({
    './user': '/repo/src/user.ts',
    '@app/lib/helper': undefined,
    pino: undefined,
    '@scope/pkg/sub': undefined,
    'node:fs': undefined,
  });
});

test('with paths, a package-like name that maps to a project file resolves to it', () => {
  expect(resolutions({ ...base, baseUrl: '/repo', paths: { '@app/*': ['src/*'] } })).toEqual({
    './user': '/repo/src/user.ts',
    '@app/lib/helper': '/repo/src/lib/helper.ts',
    pino: undefined,
    '@scope/pkg/sub': undefined,
    'node:fs': undefined,
  });
});

test.each([
  ['pino', true],
  ['@scope/pkg/sub', true],
  ['node:fs', true],
  ['./user', false],
  ['../lib/x', false],
  ['/abs/path', false],
  ['C:/project/x', false],
  ['C:\\project\\x', false],
  ['', false],
])('isBareSpecifier(%j) is %s: only package names skip module resolution', (specifier, expected) => {
  expect(isBareSpecifier(specifier)).toBe(expected);
});
