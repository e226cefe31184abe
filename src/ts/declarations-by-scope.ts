import { ts } from '#ts-morph';

/** The question is one only the type checker answers (globals, namespaces, re-exports, ...). */
export const ASK_CHECKER = Symbol('ask the checker');
export type ByScope = ts.Declaration[] | typeof ASK_CHECKER;

interface Locals {
  locals?: ts.SymbolTable;
}
interface ModuleResolution {
  getResolvedModuleFromModuleSpecifier?(
    specifier: ts.StringLiteralLike,
    file: ts.SourceFile,
  ): ts.ResolvedModuleWithFailedLookupLocations | undefined;
}

/**
 * The declarations a name used as a value refers to (a called function, a logger), found as the
 * checker would: from the scopes the binder built and, for a name imported from a project file,
 * from that file's export statements. Asking the checker about an imported name resolves the
 * import, which binds the imported file: a utility module whose functions are only called, and a
 * logger module everyone imports, need no binding this way. Anything unusual (globals, packages,
 * namespaces, re-exports, a file not bound yet) is left to the checker.
 */
export function declarationsByScope(id: ts.Identifier, program: ts.Program): ByScope {
  const name = id.escapedText;
  for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
    // Parameter defaults, namespaces, enums and a function or class expression's own name follow
    // scope rules of their own.
    if (ts.isParameter(node) || ts.isModuleDeclaration(node) || ts.isEnumDeclaration(node)) return ASK_CHECKER;
    if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name?.escapedText === name) return ASK_CHECKER;
    const symbol = (node as Locals).locals?.get(name);
    if (!symbol) continue;
    if (symbol.flags & ts.SymbolFlags.Alias) return imported(symbol, program);
    // An exported declaration's local symbol is flagged ExportValue, not by its kind.
    if (symbol.flags & (ts.SymbolFlags.Value | ts.SymbolFlags.ExportValue)) return symbol.declarations ?? [];
    // A type of that name: the checker looks further out for a value.
  }
  return ASK_CHECKER; // a global, or a file not bound yet
}

function imported(alias: ts.Symbol, program: ts.Program): ByScope {
  const decl = alias.declarations?.[0];
  let exported: string;
  let specifier: ts.Expression;
  if (decl && ts.isImportSpecifier(decl) && !decl.isTypeOnly && !decl.parent.parent.isTypeOnly) {
    exported = (decl.propertyName ?? decl.name).text;
    specifier = decl.parent.parent.parent.moduleSpecifier;
  } else if (decl && ts.isImportClause(decl) && !decl.isTypeOnly) {
    exported = 'default';
    specifier = decl.parent.moduleSpecifier;
  } else {
    return ASK_CHECKER; // namespace imports, import = require, type-only imports
  }
  if (!ts.isStringLiteral(specifier)) return ASK_CHECKER;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the program as `this`
  const resolve = (program as ModuleResolution).getResolvedModuleFromModuleSpecifier;
  if (!resolve) return ASK_CHECKER;
  const resolved = resolve.call(program, specifier, specifier.getSourceFile())?.resolvedModule;
  if (!resolved) return ASK_CHECKER; // a package (or an ambient module): the checker knows which
  const target = program.getSourceFile(resolved.resolvedFileName);
  if (!target || target.isDeclarationFile || !ts.isExternalModule(target)) return ASK_CHECKER;
  return exportedDeclarations(target, exported);
}

/** The top-level declarations a module exports as `name`, from its export statements. */
function exportedDeclarations(sf: ts.SourceFile, name: string): ByScope {
  const found: ts.Declaration[] = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      if (st.moduleSpecifier) return ASK_CHECKER; // `export * from`, `export { x } from`: another module's
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) if (el.name.text === name) return topLevel(sf, (el.propertyName ?? el.name).text);
      }
      continue;
    }
    if (ts.isExportAssignment(st)) {
      if (st.isExportEquals) return ASK_CHECKER;
      if (name === 'default') return ts.isIdentifier(st.expression) ? topLevel(sf, st.expression.text) : [];
      continue;
    }
    const modifiers = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (name === 'default' ? !isDefault : isDefault) continue;
    found.push(...declarationsNamed(st, name === 'default' ? undefined : name));
  }
  return found.length ? found : ASK_CHECKER;
}

/** A module's own top-level declarations of `name` (exported by an export list). */
function topLevel(sf: ts.SourceFile, name: string): ByScope {
  const found = sf.statements.flatMap((st) => declarationsNamed(st, name));
  return found.length ? found : ASK_CHECKER; // an import re-exported, for one
}

/** The declarations of `name` a statement makes (any name when undefined: `export default function () {}`). */
function declarationsNamed(st: ts.Statement, name: string | undefined): ts.Declaration[] {
  if (
    ts.isFunctionDeclaration(st) ||
    ts.isClassDeclaration(st) ||
    ts.isInterfaceDeclaration(st) ||
    ts.isTypeAliasDeclaration(st) ||
    ts.isEnumDeclaration(st) ||
    ts.isModuleDeclaration(st)
  ) {
    return name === undefined || (st.name && ts.isIdentifier(st.name) && st.name.text === name) ? [st] : [];
  }
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.filter((d) => ts.isIdentifier(d.name) && d.name.text === name);
  return [];
}
