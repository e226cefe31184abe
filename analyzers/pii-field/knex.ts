import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { hintOfTypeName } from './column-hints.js';
import type { ShapeContext } from './shape-context.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { propertyName, readChain, stringValue } from './syntax.js';

/** Schema-builder methods that take a table name and a callback declaring its columns. */
export const KNEX_TABLE_METHODS = new Set(['createTable', 'createTableIfNotExists', 'alterTable', 'table']);

/** Column-adding methods of knex's TableBuilder (drops, renames and indexes declare nothing). */
const COLUMN_METHODS = new Set([
  'string',
  'text',
  'integer',
  'bigInteger',
  'bigint',
  'tinyint',
  'smallint',
  'mediumint',
  'float',
  'double',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'timestamp',
  'binary',
  'enu',
  'enum',
  'json',
  'jsonb',
  'uuid',
  'specificType',
  'increments',
  'bigIncrements',
  'geometry',
  'geography',
  'point',
]);

/**
 * Knex migrations: `knex.schema.createTable('users', (t) => { t.string('email').notNullable(); })`,
 * also `alterTable`/`table`, `withSchema(...)` chains and Adonis-style `this.schema.createTable(this.tableName, ...)`.
 * Only the callback's own statements are read (no walk of its body).
 */
export function knexTable(node: ts.CallExpression, receiver: ts.Expression, sc: ShapeContext): ModelDecl | undefined {
  const [nameArg, callback] = node.arguments;
  if (!nameArg || !callback || !isSchemaBuilder(receiver)) return undefined;
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return undefined;
  const param = callback.parameters[0];
  if (!param || !ts.isIdentifier(param.name)) return undefined;
  const owner = tableName(nameArg, sc.checker);
  if (!owner) return undefined;
  const body = callback.body;
  const statements = ts.isBlock(body) ? body.statements.flatMap((s) => (ts.isExpressionStatement(s) ? [s.expression] : [])) : [body];
  const fields: FieldDecl[] = [];
  for (const e of statements) {
    const f = columnField(e, param.name.text);
    if (f) fields.push(f);
  }
  return { owner, fields };
}

/** The receiver is `knex.schema`, `this.schema`, `schema` or `knex.schema.withSchema('x')`. */
function isSchemaBuilder(receiver: ts.Expression): boolean {
  let e: ts.Expression = receiver;
  for (let i = 0; i < 6; i++) {
    if (ts.isPropertyAccessExpression(e)) {
      if (e.name.text === 'schema') return true;
      e = e.expression;
    } else if (ts.isCallExpression(e)) e = e.expression;
    else return ts.isIdentifier(e) && e.text === 'schema';
  }
  return false;
}

/** `'users'`, a const holding it, or `this.tableName` with `tableName = 'users'` in the class. */
function tableName(arg: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const literal = stringValue(arg);
  if (literal) return literal;
  if (ts.isPropertyAccessExpression(arg) && arg.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = ts.findAncestor(arg, ts.isClassLike);
    for (const m of cls?.members ?? []) {
      if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === arg.name.text) return stringValue(m.initializer);
    }
    return undefined;
  }
  const type = checker.getTypeAtLocation(arg);
  return type.isStringLiteral() ? type.value : undefined;
}

/** `t.string('email', 255).notNullable()`: the innermost call on the table builder, with its column name. */
function columnField(e: ts.Expression, builder: string): FieldDecl | undefined {
  const { calls, root } = readChain(e);
  const column = calls[calls.length - 1];
  if (!column || root?.text !== builder || !COLUMN_METHODS.has(column.name)) return undefined;
  const nameArg = column.args[0];
  const name = stringValue(nameArg);
  if (!name || !nameArg) return undefined;
  const hint = columnHint(column.name, column.args);
  return { name, at: nameArg, ...(hint ? { hint: () => hint } : {}) };
}

/** `t.specificType('email', 'citext')` names its database type as the second argument. */
function columnHint(method: string, args: readonly ts.Expression[]): TypeHint | undefined {
  if (method === 'specificType') return hintOfTypeName(stringValue(args[1]));
  return hintOfTypeName(method);
}
