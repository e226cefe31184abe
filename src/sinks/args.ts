import { ts } from '#ts-morph';
import type { ArgsSpec, ArgSel, ValueRef } from './catalog-types.js';
import type { ConstantEvaluator } from './constant-value.js';
import { propertyNameText, skipOuter } from '../ts/syntax.js';

/**
 * The argument expressions a selector designates. A spread argument (`...rest`) may hold any position
 * from where it starts, so it is kept for every selector at or after it.
 */
export function selectArgs(
  args: readonly ts.Expression[],
  spec: ArgsSpec,
  constants: ConstantEvaluator,
  receiver?: ts.Expression,
): ts.Expression[] {
  if (spec === 'all') return args.map(unspread);
  const out: ts.Expression[] = [];
  for (const sel of spec) {
    const picked = sel === 'receiver' ? (receiver ? [receiver] : []) : select(args, sel, constants);
    for (const e of picked) if (!out.includes(e)) out.push(e);
  }
  return out;
}

function select(args: readonly ts.Expression[], sel: Exclude<ArgSel, 'receiver'>, constants: ConstantEvaluator): ts.Expression[] {
  if (typeof sel === 'number') return at(args, sel);
  if (typeof sel === 'string') {
    const from = Number.parseInt(sel, 10);
    const spreadBefore = args.findIndex((a, i) => i < from && ts.isSpreadElement(a));
    return args.slice(spreadBefore >= 0 ? spreadBefore : from).map(unspread);
  }
  return at(args, sel.index).flatMap((a) => propertyPath(a, sel.property, constants));
}

function at(args: readonly ts.Expression[], index: number): ts.Expression[] {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (ts.isSpreadElement(a)) return [a.expression];
    if (i === index) return [a];
  }
  return [];
}

function unspread(a: ts.Expression): ts.Expression {
  return ts.isSpreadElement(a) ? a.expression : a;
}

/**
 * The expressions that give property `path` (dot separated) of an object: its initializer in an object
 * literal (also one a `const` stands for), plus spreads that may provide it. An object of unknown
 * shape is kept whole: the property may be in it.
 */
export function propertyPath(expr: ts.Expression, path: string, constants: ConstantEvaluator): ts.Expression[] {
  const [head, ...rest] = path.split('.');
  const obj = constants.objectLiteral(expr);
  if (!obj) return [expr];
  const out: ts.Expression[] = [];
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      out.push(p.expression);
    } else if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === head) {
      out.push(...(rest.length ? propertyPath(p.initializer, rest.join('.'), constants) : [p.initializer]));
    } else if (ts.isShorthandPropertyAssignment(p) && p.name.text === head) {
      out.push(...(rest.length ? propertyPath(p.name, rest.join('.'), constants) : [p.name]));
    }
  }
  return out;
}

/** The single expression a value ref points at in an argument list (no spreads, no unknown shapes). */
export function refExpression(args: readonly ts.Expression[], ref: ValueRef, constants: ConstantEvaluator): ts.Expression | undefined {
  const arg = args[ref.index];
  if (!arg || ts.isSpreadElement(arg)) return undefined;
  if (!ref.property) return arg;
  let e: ts.Expression | undefined = arg;
  for (const key of ref.property.split('.')) {
    const obj: ts.ObjectLiteralExpression | undefined = e && constants.objectLiteral(e);
    if (!obj) return undefined;
    e = undefined;
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === key) e = p.initializer;
      else if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) e = p.name;
    }
  }
  return e ? skipOuter(e) : undefined;
}
