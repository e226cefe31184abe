import { ts } from '#ts-morph';

/**
 * Which package each top-level local name comes from: `import { Schema } from 'mongoose'`,
 * `import * as z from 'zod'`, `const { DataTypes } = require('sequelize')`, `const { Schema } = mongoose`.
 * The program is built with `noResolve`, so packages are never type-checked; this syntactic map is
 * what lets us tell mongoose's `new Schema({...})` from prosemirror's. Only top-level statements are
 * read, once per file and only when an ORM-looking call asks.
 */
export class ImportBindings {
  private map: Map<string, Binding> | undefined;

  constructor(private readonly sf: ts.SourceFile) {}

  /** Module specifier the local name is bound to, if it is imported or required at top level. */
  moduleOf(name: string): string | undefined {
    return this.binding(name)?.module;
  }

  /** The exported name behind a local alias: `text` for `import { text as sqliteText }`. */
  importedName(name: string): string | undefined {
    return this.binding(name)?.imported;
  }

  private binding(name: string): Binding | undefined {
    return (this.map ??= collect(this.sf)).get(name);
  }

  /** True when `name` comes from one of `packages` (or a subpath such as `zod/v4`). */
  isFrom(name: string, packages: readonly string[]): boolean {
    const m = this.moduleOf(name);
    return m !== undefined && packages.some((p) => m === p || m.startsWith(`${p}/`));
  }

  /**
   * True unless `name` is bound to some other npm package. Local definitions and relative re-exports
   * (`import { z } from './validation'`) are accepted, so projects that wrap their ORM still count.
   */
  mayBeFrom(name: string, packages: readonly string[]): boolean {
    const m = this.moduleOf(name);
    return m === undefined || isLocalSpecifier(m) || this.isFrom(name, packages);
  }
}

function isLocalSpecifier(m: string): boolean {
  return /^(\.|\/|~|#|@\/)/.test(m);
}

interface Binding {
  module: string;
  /** Exported name for named imports and destructured requires; absent for default and namespace bindings. */
  imported?: string;
}

function collect(sf: ts.SourceFile): Map<string, Binding> {
  const map = new Map<string, Binding>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
      const module = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (clause.name) map.set(clause.name.text, { module });
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) map.set(nb.name.text, { module });
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) map.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
      const e = st.moduleReference.expression;
      if (ts.isStringLiteral(e)) map.set(st.name.text, { module: e.text });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const module = d.initializer && sourceOf(d.initializer, map);
        if (!module) continue;
        if (ts.isIdentifier(d.name)) map.set(d.name.text, { module });
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
            map.set(el.name.text, { module, imported });
          }
        }
      }
    }
  }
  return map;
}

/** `require('x')`, `require('x').y`, `await import('x')`, or an identifier already bound to a module. */
function sourceOf(init: ts.Expression, map: Map<string, Binding>): string | undefined {
  let e = init;
  while (ts.isPropertyAccessExpression(e) || ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isStringLiteral(e.arguments[0])) {
    if ((ts.isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === ts.SyntaxKind.ImportKeyword) {
      return e.arguments[0].text;
    }
  }
  if (ts.isIdentifier(e)) return map.get(e.text)?.module;
  return undefined;
}
