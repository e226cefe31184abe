import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { hintOfTypeExpression, signalName } from './column-hints.js';
import type { ShapeContext } from './shape-context.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { propertyName, propertyValue, stringValue } from './syntax.js';

const PACKAGES = ['sequelize', 'sequelize-typescript'];
/** Names the data-type namespace goes by: `DataTypes.STRING`, `Sequelize.BOOLEAN`, sequelize-typescript `DataType.DATE`. */
const TYPE_NAMESPACES = new Set(['DataTypes', 'Sequelize', 'DataType']);

/** `sequelize.define('User', { email: DataTypes.STRING }, { tableName: 'users' })`. */
export function sequelizeDefine(node: ts.CallExpression, sc: ShapeContext): ModelDecl | undefined {
  const [name, attrs, options] = node.arguments;
  const owner = stringValue(name);
  if (!owner || !attrs || !ts.isObjectLiteralExpression(attrs) || !isSequelizeAttributes(attrs, sc)) return undefined;
  return { owner, aliases: optionNames(options), fields: attributeFields(attrs) };
}

/** `class User extends Model {}; User.init({ email: DataTypes.STRING }, { sequelize, tableName: 'users' })`. */
export function sequelizeInit(node: ts.CallExpression, receiver: ts.Expression, sc: ShapeContext): ModelDecl | undefined {
  const [attrs, options] = node.arguments;
  if (!ts.isIdentifier(receiver) || !attrs || !ts.isObjectLiteralExpression(attrs) || !options || !ts.isObjectLiteralExpression(options))
    return undefined;
  // `init` is a common method name; the options of a model carry the sequelize instance.
  const hasSequelize = options.properties.some((p) => p.name && propertyName(p.name) === 'sequelize');
  if (!hasSequelize || !isSequelizeAttributes(attrs, sc)) return undefined;
  return { owner: receiver.text, aliases: optionNames(options), fields: attributeFields(attrs) };
}

function optionNames(options: ts.Expression | undefined): string[] {
  if (!options || !ts.isObjectLiteralExpression(options)) return [];
  return ['tableName', 'modelName'].map((k) => stringValue(propertyValue(options, k))).filter((n): n is string => n !== undefined);
}

/** Some attribute is typed by a sequelize data type: `DataTypes.STRING`, `{ type: Sequelize.DATE }`. */
function isSequelizeAttributes(attrs: ts.ObjectLiteralExpression, sc: ShapeContext): boolean {
  return attrs.properties.some((p) => {
    if (!ts.isPropertyAssignment(p)) return false;
    const v = p.initializer;
    const type = ts.isObjectLiteralExpression(v) ? propertyValue(v, 'type') : v;
    const root = type && rootIdentifier(type);
    return root !== undefined && (TYPE_NAMESPACES.has(root.text) || sc.imports.isFrom(root.text, PACKAGES));
  });
}

function rootIdentifier(e: ts.Expression): ts.Identifier | undefined {
  let x = e;
  while (ts.isPropertyAccessExpression(x) || ts.isCallExpression(x)) x = x.expression;
  return ts.isIdentifier(x) ? x : undefined;
}

function attributeFields(attrs: ts.ObjectLiteralExpression): FieldDecl[] {
  const out: FieldDecl[] = [];
  for (const p of attrs.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propertyName(p.name);
    if (name === undefined) continue;
    const v = p.initializer;
    const options = ts.isObjectLiteralExpression(v) ? v : undefined;
    const type = options ? propertyValue(options, 'type') : v;
    // VIRTUAL attributes are computed from others and never stored.
    if (type && ts.isPropertyAccessExpression(type) && type.name.text === 'VIRTUAL') continue;
    const hint = type && sequelizeHint(type);
    const column = options && stringValue(propertyValue(options, 'field'));
    const signal = options && validatorSignal(options);
    out.push({ name, at: p.name, ...(hint ? { hint: () => hint } : {}), ...(column ? { column } : {}), ...(signal ? { signal } : {}) });
  }
  return out;
}

/** `DataTypes.ARRAY(DataTypes.STRING)` holds strings; everything else by its type name. */
function sequelizeHint(type: ts.Expression): TypeHint | undefined {
  if (
    ts.isCallExpression(type) &&
    ts.isPropertyAccessExpression(type.expression) &&
    type.expression.name.text === 'ARRAY' &&
    type.arguments[0]
  ) {
    return sequelizeHint(type.arguments[0]);
  }
  return hintOfTypeExpression(type);
}

/** `validate: { isEmail: true }` says the attribute holds an email address. */
function validatorSignal(options: ts.ObjectLiteralExpression): string | undefined {
  const validate = propertyValue(options, 'validate');
  if (!validate || !ts.isObjectLiteralExpression(validate)) return undefined;
  for (const p of validate.properties) {
    const key = p.name && propertyName(p.name);
    const signal = key && signalName(key);
    if (signal) return signal;
  }
  return undefined;
}
