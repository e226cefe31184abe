import { ts } from '#ts-morph';
import type { SinkMatch } from '../../src/sinks/types.js';
import { skipOuter } from '../../src/ts/syntax.js';

/** Local variables followed back to what they were built from: `const request = { ...options, model }`. */
const MAX_STEPS = 3;

/**
 * A vendor call inside a function that hands the vendor its own parameter whole: the argument is
 * the parameter (`send(payload)`), spreads it (`generateText({ ...options, model })`) or spreads
 * what is left of it (`const { schema, ...rest } = options`). Such a wrapper has no data of its own;
 * what it sends is its callers', who are reported where they pass personal data. A single field
 * (`{ messages }`, `req.body.prompt`) is the function's own choice of data, not a forwarded whole.
 */
export function forwardsItsParameter(match: SinkMatch): boolean {
  const fn = enclosingFunction(match.node);
  if (!fn) return false;
  const whole = new Set<string>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) whole.add(p.name.text);
  if (!whole.size) return false;
  const locals = localConsts(fn);
  // `const { schema, ...textOptions } = options`: the rest is the parameter less a few fields.
  for (const [name, init] of locals.rests) if (whole.has(init)) whole.add(name);
  const forwards = (e: ts.Expression, steps: number): boolean => {
    const x = skipOuter(e);
    if (ts.isIdentifier(x)) {
      if (whole.has(x.text)) return true;
      const init = locals.values.get(x.text);
      return init !== undefined && steps > 0 && forwards(init, steps - 1);
    }
    if (ts.isObjectLiteralExpression(x))
      return x.properties.some(
        (p) => ts.isSpreadAssignment(p) && ts.isIdentifier(skipOuter(p.expression)) && forwards(p.expression, steps),
      );
    return false;
  };
  return match.dataArgs.some((a) => forwards(a, MAX_STEPS));
}

function enclosingFunction(node: ts.Node): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)) return n;
  }
  return undefined;
}

/** The function's own `const x = <expr>` values and `const { ...rest } = <identifier>` rests, by name. */
function localConsts(fn: ts.SignatureDeclaration & { body?: ts.Node }) {
  const values = new Map<string, ts.Expression>();
  const rests = new Map<string, string>();
  const body = fn.body;
  if (body && ts.isBlock(body))
    for (const st of body.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) {
        if (!d.initializer) continue;
        if (ts.isIdentifier(d.name)) values.set(d.name.text, d.initializer);
        else if (ts.isObjectBindingPattern(d.name) && ts.isIdentifier(skipOuter(d.initializer))) {
          const from = (skipOuter(d.initializer) as ts.Identifier).text;
          for (const el of d.name.elements) if (el.dotDotDotToken && ts.isIdentifier(el.name)) rests.set(el.name.text, from);
        }
      }
    }
  return { values, rests };
}
