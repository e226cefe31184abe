import { ts } from '#ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { hintOfTypeName, signalName } from './column-hints.js';
import type { ShapeContext } from './shape-context.js';
import type { FieldDecl, ModelDecl } from './report-field.js';
import { bindingNameOf, propertyName, readChain, type ChainCall } from './syntax.js';

/**
 * Validation schemas: zod `z.object({...})` (and `strictObject`, `looseObject`, `.extend({...})`),
 * yup `object({...})` / `yup.object().shape({...})`, joi `Joi.object({...})` / `.keys({...})`.
 * The validator chain gives the hint (`z.boolean()`) and sometimes says outright what the value is
 * (`z.string().email()`, `Joi.string().ip()`).
 */

const LIBS = ['zod', 'yup', 'joi'] as const;
/** The names these libraries are conventionally imported as. */
const CONVENTIONAL = new Set(['z', 'zod', 'yup', 'Yup', 'Joi', 'joi']);
export const OBJECT_METHODS = new Set(['object', 'strictObject', 'looseObject']);
/** Methods adding keys to an existing object schema. */
export const EXTEND_METHODS = new Set(['extend', 'safeExtend', 'shape', 'keys', 'append']);
/** Wrappers whose first argument is the schema of the value (`z.array(x)`, `z.optional(x)`). */
const WRAPPERS = new Set(['array', 'optional', 'nullable', 'nullish', 'lazy', 'readonly']);
/** Chain methods whose argument is the element schema (`yup.array().of(x)`, `Joi.array().items(x)`). */
const ELEMENT_METHODS = new Set(['of', 'items', 'element']);
/** Refinements of a string that make it a date (`z.string().date()`, `z.iso.datetime()`). */
const DATE_REFINEMENTS = new Set(['date', 'datetime', 'isoDate', 'isoDateTime']);

/** The identifier is one of the libraries: imported from it, or conventionally named and not from elsewhere. */
export function isValidatorLib(id: ts.Identifier | undefined, sc: ShapeContext): boolean {
  if (!id) return false;
  if (sc.imports.isFrom(id.text, LIBS)) return true;
  return CONVENTIONAL.has(id.text) && sc.imports.mayBeFrom(id.text, LIBS);
}

/** `z.object({...})` / `object({...})`, or `X.extend({...})` whose values are validator chains. */
export function validatorModel(
  node: ts.CallExpression,
  shape: ts.Expression | undefined,
  sc: ShapeContext,
  extending?: ts.Expression,
): ModelDecl | undefined {
  if (!shape || !ts.isObjectLiteralExpression(shape) || isToolParameters(node)) return undefined;
  // `extend` and `keys` are common method names; require a validator on the receiver or in the values.
  const base = extending && readChain(extending).root;
  if (extending && !isValidatorLib(base, sc) && !hasValidatorValue(shape, sc)) return undefined;
  const owner = bindingNameOf(node) ?? 'schema';
  return { owner, ...(base ? { aliases: [base.text] } : {}), transient: true, fields: shapeFields(shape, sc) };
}

/** Functions that declare a tool a language model may call (the AI SDK's `tool`, `dynamicTool`). */
const TOOL_FACTORIES = new Set(['tool', 'dynamicTool']);
const TOOL_SCHEMA_KEYS = new Set(['inputSchema', 'parameters', 'outputSchema']);

/**
 * `tool({ inputSchema: z.object({ latitude, city }) })`: the arguments a model fills in to call a
 * tool, whatever place or thing it asks about; what a person wrote is in the conversation, not here.
 */
function isToolParameters(node: ts.CallExpression): boolean {
  const prop = node.parent;
  if (!ts.isPropertyAssignment(prop) || prop.initializer !== node || !TOOL_SCHEMA_KEYS.has(propertyName(prop.name) ?? '')) return false;
  const call = prop.parent.parent;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && TOOL_FACTORIES.has(call.expression.text);
}

function hasValidatorValue(shape: ts.ObjectLiteralExpression, sc: ShapeContext): boolean {
  return shape.properties.some((p) => ts.isPropertyAssignment(p) && isValidatorLib(readChain(p.initializer).root, sc));
}

function shapeFields(shape: ts.ObjectLiteralExpression, sc: ShapeContext): FieldDecl[] {
  const out: FieldDecl[] = [];
  for (const p of shape.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propertyName(p.name);
    if (name !== undefined) out.push({ name, at: p.name, ...describe(p.initializer, sc) });
  }
  return out;
}

/** Hint, signal and nested fields of one validator expression. */
function describe(value: ts.Expression, sc: ShapeContext): Omit<FieldDecl, 'name' | 'at'> {
  const { calls, root } = readChain(value);
  // `firstName: ToggleInputConfig` / `ZToggleInputConfig.optional()`: another schema, named.
  if (calls.length === 0 || !isValidatorLib(root, sc)) return root && !isValidatorLib(root, sc) ? { typeName: root.text } : {};
  const signal = calls.map((c) => signalName(c.name)).find((s) => s !== undefined);
  const withSignal = signal ? { signal } : {};
  const nested = nestedShapes(calls, sc);
  if (nested.length) return { ...withSignal, children: nested.flatMap((shape) => shapeFields(shape, sc)) };
  const inner = elementOf(calls);
  if (inner) return { ...describe(inner, sc), ...withSignal };
  if (calls.some(requiresHexPrefix)) return { hexValue: true };
  const hint: TypeHint | undefined = calls.some((c) => DATE_REFINEMENTS.has(c.name))
    ? 'date'
    : hintOfTypeName(calls[calls.length - 1].name);
  return { ...withSignal, ...(hint ? { hint: () => hint } : {}) };
}

/**
 * `z.object({...})`, `yup.object().shape({...})`, `z.object({...}).extend({...})` as a field's value:
 * its keys become nested fields, reported through this one (so the inner calls are marked handled).
 */
function nestedShapes(calls: ChainCall[], sc: ShapeContext): ts.ObjectLiteralExpression[] {
  const shapes: ts.ObjectLiteralExpression[] = [];
  for (const c of calls) {
    const arg = c.args[0];
    if ((OBJECT_METHODS.has(c.name) || EXTEND_METHODS.has(c.name)) && arg && ts.isObjectLiteralExpression(arg)) {
      sc.handled.add(c.node);
      shapes.push(arg);
    }
  }
  return shapes;
}

/** `.startsWith('0x')`, `.regex(/^0x[0-9a-f]{40}$/i)`: a hex value (a wallet address, a hash). */
function requiresHexPrefix(c: ChainCall): boolean {
  const arg = c.args[0];
  if (c.name === 'startsWith' && arg && ts.isStringLiteralLike(arg)) return /^0x/i.test(arg.text);
  if (c.name === 'regex' && arg && ts.isRegularExpressionLiteral(arg)) return /^\/\^0x/i.test(arg.text);
  return false;
}

/** The schema of the value inside a list or wrapper. */
function elementOf(calls: ChainCall[]): ts.Expression | undefined {
  const innermost = calls[calls.length - 1];
  if (WRAPPERS.has(innermost.name) && innermost.args[0]) return innermost.args[0];
  return calls.find((c) => ELEMENT_METHODS.has(c.name) && c.args[0])?.args[0];
}
