import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { hintOfTypeName } from './column-hints.js';
import type { ShapeContext } from './shape-context.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { bindingNameOf, propertyName, propertyValue, readChain, stringValue } from './syntax.js';

/** Table constructors of the drizzle dialects (`drizzle-orm/pg-core`, `/mysql-core`, `/sqlite-core`, ...). */
export const DRIZZLE_TABLES = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable']);

/**
 * `export const users = pgTable('users', { email: text('email').notNull(), ... })`, also the
 * callback form `pgTable('users', (t) => ({ email: t.text() }))` and `pgSchema('auth').table(...)`.
 * Named by the table (`users.email`); the column builder gives the type hint.
 */
export function drizzleTable(node: ts.CallExpression, sc: ShapeContext, calleeName: string | undefined): ModelDecl | undefined {
  if (calleeName && !sc.imports.mayBeFrom(calleeName, ['drizzle-orm'])) return undefined;
  const [nameArg, columnsArg] = node.arguments;
  const owner = stringValue(nameArg);
  const columns = columnsArg && columnObject(columnsArg);
  if (!owner || !columns) return undefined;
  const variable = bindingNameOf(node);
  return { owner, ...(variable ? { aliases: [variable] } : {}), fields: columnFields(columns, sc) };
}

/** `pgSchema('auth').table(...)`, or `auth.table(...)` with `const auth = pgSchema('auth')`: the receiver is a drizzle schema. */
export function isDrizzleSchema(receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  let e = receiver;
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
    e = decl.initializer;
  }
  const { calls } = readChain(e);
  const innermost = calls[calls.length - 1];
  return innermost !== undefined && /^(pg|mysql)Schema$/.test(innermost.name);
}

function columnObject(arg: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(arg)) return arg;
  if (ts.isArrowFunction(arg)) {
    let body: ts.Node = arg.body;
    while (ts.isParenthesizedExpression(body)) body = body.expression;
    if (ts.isObjectLiteralExpression(body)) return body;
  }
  return undefined;
}

function columnFields(columns: ts.ObjectLiteralExpression, sc: ShapeContext): FieldDecl[] {
  const out: FieldDecl[] = [];
  for (const p of columns.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propertyName(p.name);
    if (name === undefined) continue;
    const { calls } = readChain(p.initializer);
    const builder = calls[calls.length - 1];
    const column = builder && stringValue(builder.args[0]);
    // `import { text as sqliteText }`: the hint is in the exported name.
    const hint = builder && builderHint(sc.imports.importedName(builder.name) ?? builder.name, builder.args);
    out.push({ name, at: p.name, ...(hint ? { hint: () => hint } : {}), ...(column ? { column } : {}) });
  }
  return out;
}

/** `boolean('x')`, `timestamp('x')`, sqlite's `integer('x', { mode: 'boolean' | 'timestamp' })`, `text('x', { enum: [...] })`. */
function builderHint(builder: string, args: readonly ts.Expression[]): TypeHint | undefined {
  for (const a of args) {
    if (!ts.isObjectLiteralExpression(a)) continue;
    const mode = stringValue(propertyValue(a, 'mode'));
    if (mode === 'boolean') return 'boolean';
    if (mode === 'timestamp' || mode === 'timestamp_ms') return 'date';
    if (mode === 'json') return 'object';
    if (propertyValue(a, 'enum')) return 'enum';
  }
  return hintOfTypeName(builder);
}
