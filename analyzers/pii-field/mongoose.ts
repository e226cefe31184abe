import { ts } from '#ts-morph';
import { hintOfTypeExpression } from './column-hints.js';
import type { ShapeContext } from './shape-context.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { bindingNameOf, propertyName, propertyValue, stringValue } from './syntax.js';

/**
 * Mongoose schemas: `new Schema({...})` / `new mongoose.Schema({...})`, with nested paths
 * (`name: { first: String }`), option objects (`{ type: String, required: true }`), arrays
 * (`[String]`, `[{ street: String }]`) and sub-schemas. Named by their variable (`UserSchema`), or by
 * `model('User', ...)` when the schema is written inline; `model('User', userSchema)` elsewhere in the
 * file adds `User` as an alias for person context.
 */
export function mongooseModel(node: ts.NewExpression, sc: ShapeContext): ModelDecl | undefined {
  const def = node.arguments?.[0];
  if (!def || !ts.isObjectLiteralExpression(def) || !isSchemaCtor(node.expression, def, sc)) return undefined;
  const owner = bindingNameOf(node, modelCallName) ?? 'Schema';
  const alias = sc.schemaModels().get(owner);
  return { owner, ...(alias ? { aliases: [alias] } : {}), fields: pathFields(def, sc) };
}

function isSchemaCtor(callee: ts.Expression, def: ts.ObjectLiteralExpression, sc: ShapeContext): boolean {
  if (ts.isIdentifier(callee) && callee.text === 'Schema') {
    if (sc.imports.isFrom('Schema', ['mongoose'])) return true;
    return sc.imports.mayBeFrom('Schema', ['mongoose']) && looksLikeMongoose(def);
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'Schema' && ts.isIdentifier(callee.expression)) {
    const ns = callee.expression.text;
    if (sc.imports.isFrom(ns, ['mongoose'])) return true;
    return sc.imports.mayBeFrom(ns, ['mongoose']) && looksLikeMongoose(def);
  }
  return false;
}

/** Without an import to go by, a definition counts when some path is a mongoose type (`String`, `{ type: ... }`, `[Date]`). */
function looksLikeMongoose(def: ts.ObjectLiteralExpression): boolean {
  return def.properties.some((p) => {
    if (!ts.isPropertyAssignment(p)) return false;
    const v = p.initializer;
    if (ts.isObjectLiteralExpression(v)) return propertyValue(v, 'type') !== undefined;
    return (
      (ts.isIdentifier(v) || ts.isArrayLiteralExpression(v) || ts.isPropertyAccessExpression(v)) && hintOfTypeExpression(v) !== undefined
    );
  });
}

/** `model('User', new Schema(...))`, `mongoose.model<IUser>('User', ...)`. */
export function modelCallName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name === 'model' ? stringValue(call.arguments[0]) : undefined;
}

function pathFields(def: ts.ObjectLiteralExpression, sc: ShapeContext): FieldDecl[] {
  const out: FieldDecl[] = [];
  for (const p of def.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propertyName(p.name);
    if (name === undefined) continue;
    const f = pathField(name, p.name, p.initializer, sc);
    if (f) out.push(f);
  }
  return out;
}

function pathField(name: string, at: ts.Node, value: ts.Expression, sc: ShapeContext): FieldDecl | undefined {
  let v = value;
  if (ts.isArrayLiteralExpression(v) && v.elements[0]) v = v.elements[0]; // a list of X is X
  if (v.kind === ts.SyntaxKind.FalseKeyword || v.kind === ts.SyntaxKind.TrueKeyword) return undefined;
  const nested = nestedDefinition(v, sc);
  if (nested) return { name, at, children: pathFields(nested, sc) };
  if (ts.isObjectLiteralExpression(v)) {
    const type = propertyValue(v, 'type');
    if (!type) return undefined;
    const inner = pathField(name, at, type, sc);
    const match = propertyValue(v, 'match');
    // `match: /^\S+@\S+$/` validates an email address whatever the path is called.
    if (inner && match && ts.isRegularExpressionLiteral(match) && match.text.includes('@')) inner.signal = 'email';
    return inner;
  }
  const hint = hintOfTypeExpression(v);
  return { name, at, ...(hint ? { hint: () => hint } : {}) };
}

/** A nested path object (no `type` key) or a sub-schema `new Schema({...})`; the latter is then not reported on its own. */
function nestedDefinition(v: ts.Expression, sc: ShapeContext): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(v)) return propertyValue(v, 'type') ? undefined : v;
  if (ts.isNewExpression(v)) {
    const def = v.arguments?.[0];
    if (def && ts.isObjectLiteralExpression(def) && isSchemaCtor(v.expression, def, sc)) {
      sc.handled.add(v);
      return def;
    }
  }
  return undefined;
}
