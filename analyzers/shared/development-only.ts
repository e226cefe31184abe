import { ts } from '#ts-morph';
import { skipOuter } from '../../src/ts/syntax.js';

/**
 * Code that runs only when the process is not in production: `if (process.env.NODE_ENV ===
 * 'development')`, `NODE_ENV !== 'production' && …`, `import.meta.env.DEV ? … : …`, `__DEV__`, or
 * the rest of a block after `if (NODE_ENV === 'production') return`. What it logs is the developer's
 * own traffic, not a production log. Only checks of the mode itself count: a configuration flag
 * (`if (config.debug)`) can be on in production, and a constant counts by its value, not its name.
 */

/** What a condition being true says about the mode, if anything. */
type Mode = 'development' | 'production' | undefined;

const DEVELOPMENT_MODES = new Set(['development', 'dev', 'local', 'test']);
/** Variables of the mode: `process.env.NODE_ENV`, `env.NODE_ENV`, `import.meta.env.MODE`, `app.get('env')`. */
const MODE_NAMES = new Set(['NODE_ENV', 'MODE', 'APP_ENV']);
const MAX_DEPTH = 4;

/** Whether `node` runs only outside production. */
export function inDevelopmentOnly(node: ts.Node, checker: ts.TypeChecker): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement && modeWhen(parent.expression, true, checker) === 'development') return true;
      if (child === parent.elseStatement && modeWhen(parent.expression, false, checker) === 'development') return true;
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue && modeWhen(parent.condition, true, checker) === 'development') return true;
      if (child === parent.whenFalse && modeWhen(parent.condition, false, checker) === 'development') return true;
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && modeWhen(parent.left, true, checker) === 'development') return true;
      if (op === ts.SyntaxKind.BarBarToken && modeWhen(parent.left, false, checker) === 'development') return true;
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      if (afterProductionExit(parent.statements, child, checker)) return true;
    }
  }
  return false;
}

/** The branch of `cond ? a : b` that production takes, when the condition is a mode check. */
export function productionBranch(e: ts.ConditionalExpression, checker: ts.TypeChecker): ts.Expression | undefined {
  if (modeWhen(e.condition, true, checker) === 'development') return e.whenFalse;
  if (modeWhen(e.condition, false, checker) === 'development') return e.whenTrue;
  return undefined;
}

/** `if (NODE_ENV === 'production') return;` before `child` in the same block: the rest runs outside production. */
function afterProductionExit(statements: ts.NodeArray<ts.Statement>, child: ts.Node, checker: ts.TypeChecker): boolean {
  for (const s of statements) {
    if (s === child) return false;
    if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement) && modeWhen(s.expression, false, checker) === 'development')
      return true;
  }
  return false;
}

function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) {
    const last = s.statements[s.statements.length - 1];
    return last !== undefined && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
  }
  return false;
}

/**
 * The mode implied when `cond` evaluates to `value`: `development` when it can hold only outside
 * production, `production` when only in production, undefined when it says neither.
 */
function modeWhen(cond: ts.Expression, value: boolean, checker: ts.TypeChecker, depth = 0): Mode {
  if (depth > MAX_DEPTH) return undefined;
  const e = skipOuter(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
    return modeWhen(e.operand, !value, checker, depth + 1);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // `a && b` true: both hold, so either one's mode; false: says nothing unless both agree.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      const both = (op === ts.SyntaxKind.AmpersandAmpersandToken) === value;
      const l = modeWhen(e.left, value, checker, depth + 1);
      const r = modeWhen(e.right, value, checker, depth + 1);
      return both ? (l ?? r) : l === r ? l : undefined;
    }
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const notEqual = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    const literal = ts.isStringLiteralLike(e.right) ? e.right : ts.isStringLiteralLike(e.left) ? e.left : undefined;
    const other = literal === e.right ? e.left : e.right;
    if (!literal || !isModeVariable(other) || isFixedInCode(other, checker)) return undefined;
    const mode = literal.text.toLowerCase();
    const is = equal === value;
    if (mode === 'production' || mode === 'prod') return is ? 'production' : 'development';
    if (DEVELOPMENT_MODES.has(mode)) return is ? 'development' : undefined;
    return undefined;
  }
  // `import.meta.env.DEV` (Vite), `__DEV__` (React Native, bundlers' define): set by the build for its mode.
  if (isImportMetaEnv(e, 'DEV') || isBuildGlobal(e, '__DEV__', checker)) return value ? 'development' : 'production';
  if (isImportMetaEnv(e, 'PROD')) return value ? 'production' : 'development';
  // `const isDev = process.env.NODE_ENV !== 'production'`: the constant's own condition, never its name
  // (a flag named `isDev` may be anything).
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(e, checker);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConst(decl))
      return modeWhen(decl.initializer, value, checker, depth + 1);
  }
  return undefined;
}

function isModeVariable(e: ts.Expression): boolean {
  const x = skipOuter(e);
  if (ts.isPropertyAccessExpression(x)) return MODE_NAMES.has(x.name.text);
  if (ts.isElementAccessExpression(x)) return ts.isStringLiteralLike(x.argumentExpression) && MODE_NAMES.has(x.argumentExpression.text);
  // Express: `app.get('env')`.
  if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === 'get') {
    const arg = x.arguments[0];
    return x.arguments.length === 1 && arg !== undefined && ts.isStringLiteralLike(arg) && arg.text === 'env';
  }
  return false;
}

function isImportMetaEnv(e: ts.Expression, name: string): boolean {
  return (
    ts.isPropertyAccessExpression(e) &&
    e.name.text === name &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === 'env' &&
    ts.isMetaProperty(e.expression.expression)
  );
}

/** A global the build defines (`declare const __DEV__: boolean`), not a variable the code sets. */
function isBuildGlobal(e: ts.Expression, name: string, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(e) || e.text !== name) return false;
  const decl = declarationOf(e, checker);
  return !decl || (ts.isVariableDeclaration(decl) && !decl.initializer && decl.getSourceFile().isDeclarationFile);
}

function declarationOf(e: ts.Identifier, checker: ts.TypeChecker): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(e);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** `const cfg = { NODE_ENV: 'development' }`: a mode the code fixes itself is no mode check. */
function isFixedInCode(e: ts.Expression, checker: ts.TypeChecker): boolean {
  const x = skipOuter(e);
  if (!ts.isPropertyAccessExpression(x) || !ts.isIdentifier(x.expression)) return false;
  const decl = declarationOf(x.expression, checker);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
  const init = skipOuter(decl.initializer);
  if (!ts.isObjectLiteralExpression(init)) return false;
  const prop = init.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === x.name.text);
  return prop !== undefined && ts.isPropertyAssignment(prop) && ts.isStringLiteralLike(skipOuter(prop.initializer));
}

function isConst(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}
