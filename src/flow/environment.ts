import { ts } from '#ts-morph';
import { skipOuter } from '../ts/syntax.js';

/**
 * A read of the process's environment: `process.env.X`, `process.env['X']`, `import.meta.env.X`,
 * `Bun.env.X`, `Deno.env.get('X')`, and `env.X` of an object named `env` (a typed env module such as
 * t3-env's). The value is the deployment's configuration (a system secret, an operator's address),
 * set by whoever runs the application: never a person's data that flows through it.
 */
export function isEnvironmentRead(expr: ts.Expression): boolean {
  const e = skipOuter(expr);
  if (ts.isCallExpression(e)) {
    // Deno.env.get('X')
    const callee = e.expression;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'get' && isEnvironmentObject(callee.expression);
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return isEnvironmentObject(e.expression);
  return false;
}

/** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env`, or a variable or import named `env`. */
function isEnvironmentObject(expr: ts.Expression): boolean {
  const e = skipOuter(expr);
  if (ts.isIdentifier(e)) return e.text === 'env' || e.text === 'ENV';
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 'env') return false;
  const base = skipOuter(e.expression);
  if (ts.isIdentifier(base)) return base.text === 'process' || base.text === 'Bun' || base.text === 'Deno';
  return ts.isMetaProperty(base) && base.keywordToken === ts.SyntaxKind.ImportKeyword;
}
