import { ts } from '#ts-morph';
import type { Source } from './value.js';

/**
 * ORM relations whose write stores only the related row's key: a TypeORM entity's `@ManyToOne`,
 * `@OneToOne`, `@OneToMany` or `@ManyToMany` property without `cascade` (`session.user` is saved as
 * `userId`; the user's e-mail and name stay in the user table). Rows: package → decorator names.
 */
export const RELATION_DECORATORS: Readonly<Record<string, readonly string[]>> = {
  typeorm: ['ManyToOne', 'OneToOne', 'OneToMany', 'ManyToMany'],
};

/** The related row's own key, which the write does store (`session.userId`). */
const KEY_FIELDS = new Set(['id', '_id', 'uuid']);

const decoratorPackages = new Map<string, string[]>();
for (const [pkg, names] of Object.entries(RELATION_DECORATORS))
  for (const n of names) decoratorPackages.set(n, [...(decoratorPackages.get(n) ?? []), pkg]);

/**
 * Sources written by a data-store call with `written` as its data, less the fields of related rows
 * that a non-cascading relation does not write. Only sources two levels deep or more can be such
 * fields, so most writes cost no checker query.
 */
export function withoutRelatedFields(sources: readonly Source[], written: ts.Expression, checker: ts.TypeChecker): readonly Source[] {
  if (!sources.some(isRelatedField)) return sources;
  const type = checker.getTypeAtLocation(written);
  const relation = new Map<string, boolean>();
  const isRelation = (name: string): boolean => {
    let known = relation.get(name);
    if (known === undefined) {
      const decl = type.getProperty(name)?.valueDeclaration;
      known = decl !== undefined && isNonCascadingRelation(decl);
      relation.set(name, known);
    }
    return known;
  };
  return sources.filter((s) => !isRelatedField(s) || !isRelation(s.path[0]));
}

function isRelatedField(s: Source): boolean {
  return s.path.length >= 2 && !KEY_FIELDS.has(s.path[1]);
}

/** `@ManyToOne(() => User, { eager: true }) user: User` with the decorator imported from its package, no `cascade`. */
function isNonCascadingRelation(decl: ts.Declaration): boolean {
  if (!ts.isPropertyDeclaration(decl)) return false;
  for (const d of ts.getDecorators(decl) ?? []) {
    const call = d.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
    const packages = decoratorPackages.get(call.expression.text);
    if (!packages || !importedFrom(call.expression.text, decl.getSourceFile(), packages)) continue;
    return !call.arguments.some(hasCascade);
  }
  return false;
}

/** An options object with `cascade` set to anything but `false`. */
function hasCascade(arg: ts.Expression): boolean {
  if (!ts.isObjectLiteralExpression(arg)) return false;
  return arg.properties.some(
    (p) =>
      ts.isPropertyAssignment(p) &&
      ts.isIdentifier(p.name) &&
      p.name.text === 'cascade' &&
      p.initializer.kind !== ts.SyntaxKind.FalseKeyword,
  );
}

function importedFrom(name: string, sf: ts.SourceFile, packages: readonly string[]): boolean {
  return sf.statements.some(
    (st) =>
      ts.isImportDeclaration(st) &&
      ts.isStringLiteral(st.moduleSpecifier) &&
      packages.includes(st.moduleSpecifier.text) &&
      st.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(st.importClause.namedBindings) &&
      st.importClause.namedBindings.elements.some((el) => el.name.text === name),
  );
}
