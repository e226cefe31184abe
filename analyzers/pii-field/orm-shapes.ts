import { ts } from '#ts-morph';
import { DRIZZLE_TABLES, drizzleTable, isDrizzleSchema } from './drizzle.js';
import type { ImportBindings } from './imports.js';
import { KNEX_TABLE_METHODS, knexTable } from './knex.js';
import { modelCallName, mongooseModel } from './mongoose.js';
import type { ModelDecl } from './report-field.js';
import type { ShapeContext } from './shape-context.js';
import { sequelizeDefine, sequelizeInit } from './sequelize.js';
import { EXTEND_METHODS, OBJECT_METHODS, isValidatorLib, validatorModel } from './validators.js';

export function createShapeContext(sf: ts.SourceFile, imports: ImportBindings, checker: ts.TypeChecker): ShapeContext {
  let models: Map<string, string> | undefined;
  return { imports, checker, handled: new Set(), schemaModels: () => (models ??= schemaModelNames(sf)) };
}

/**
 * The model declared by a call, if it is one of the ORM / schema shapes we know. Called for every
 * call in the program, so it dispatches on the callee name before doing anything else.
 */
export function modelOfCall(node: ts.CallExpression, sc: ShapeContext): ModelDecl | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    const name = callee.text;
    if (DRIZZLE_TABLES.has(name) || DRIZZLE_TABLES.has(sc.imports.importedName(name) ?? '')) return drizzleTable(node, sc, name);
    // A bare `object({...})` is only a schema when imported from zod or yup.
    if (OBJECT_METHODS.has(name) && sc.imports.isFrom(name, ['zod', 'yup'])) return validatorModel(node, node.arguments[0], sc);
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = callee.expression;
  if (OBJECT_METHODS.has(method))
    return ts.isIdentifier(receiver) && isValidatorLib(receiver, sc) ? validatorModel(node, node.arguments[0], sc) : undefined;
  if (EXTEND_METHODS.has(method)) return validatorModel(node, node.arguments[0], sc, receiver);
  if (method === 'define') return sequelizeDefine(node, sc);
  if (method === 'init') return sequelizeInit(node, receiver, sc);
  if (method === 'table' && isDrizzleSchema(receiver, sc.checker)) return drizzleTable(node, sc, undefined);
  if (KNEX_TABLE_METHODS.has(method)) return knexTable(node, receiver, sc);
  return undefined;
}

export function modelOfNew(node: ts.NewExpression, sc: ShapeContext): ModelDecl | undefined {
  return mongooseModel(node, sc);
}

/**
 * `export const User = mongoose.model('User', userSchema)`, `module.exports = model('User', userSchema)`,
 * `models.User || model('User', userSchema)`: top-level statements only, read once per file on demand.
 */
function schemaModelNames(sf: ts.SourceFile): Map<string, string> {
  const map = new Map<string, string>();
  const visit = (e: ts.Expression | undefined): void => {
    if (!e) return;
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) visit(e.expression);
    else if (ts.isBinaryExpression(e)) {
      visit(e.left);
      visit(e.right);
    } else if (ts.isCallExpression(e)) {
      const name = modelCallName(e);
      const schema = e.arguments[1];
      if (name && schema && ts.isIdentifier(schema)) map.set(schema.text, name);
    }
  };
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) st.declarationList.declarations.forEach((d) => visit(d.initializer));
    else if (ts.isExpressionStatement(st)) visit(st.expression);
    else if (ts.isExportAssignment(st)) visit(st.expression);
  }
  return map;
}
