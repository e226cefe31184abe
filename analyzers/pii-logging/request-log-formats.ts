import { ts } from '#ts-morph';
import type { SinkRef } from '../../src/core/contract.js';
import type { DataSource } from '../../src/flow/flow-analyzer.js';
import type { SourceFileContext } from '../../src/engine/analyzer.js';
import { skipOuter } from '../../src/ts/syntax.js';
import { productionBranch } from '../shared/development-only.js';

/**
 * Request loggers that write what a format string names (morgan): `morgan('combined')` logs every
 * client's IP address without any personal value passing through the code, so the flow engine sees
 * nothing; the format's tokens say what each record holds. Data rows: the packages, their preset
 * formats and what each token writes.
 */
interface RequestLogger {
  sink: SinkRef;
  packages: readonly string[];
  /** Named formats and the format string they stand for. */
  presets: Readonly<Record<string, string>>;
}

const MORGAN: RequestLogger = {
  sink: { kind: 'logger', id: 'morgan', label: 'morgan', package: 'morgan' },
  packages: ['morgan'],
  presets: {
    combined:
      ':remote-addr - :remote-user [:date[clf]] ":method :url HTTP/:http-version" :status :res[content-length] ":referrer" ":user-agent"',
    common: ':remote-addr - :remote-user [:date[clf]] ":method :url HTTP/:http-version" :status :res[content-length]',
    short: ':remote-addr :remote-user :method :url HTTP/:http-version :status :res[content-length] - :response-time ms',
    dev: ':method :url :status :response-time ms - :res[content-length]',
    tiny: ':method :url :status :res[content-length] - :response-time ms',
  },
};

const REQUEST_LOGGERS: readonly RequestLogger[] = [MORGAN];

/** Tokens that write a person's data (`:req[authorization]` is written `req[authorization]` here, lower-cased). */
const TOKEN_CATEGORIES: Readonly<Record<string, string>> = {
  'remote-addr': 'user.device.ip_address',
  'remote-user': 'user.account.username',
  'user-agent': 'user.device.device_id',
  'req[authorization]': 'user.authorization.credentials',
  'req[cookie]': 'user.device.cookie_id',
  'req[x-forwarded-for]': 'user.device.ip_address',
  'req[x-real-ip]': 'user.device.ip_address',
};

const MAX_DEPTH = 6;

export interface RequestLogHit {
  sink: SinkRef;
  description: string;
  sources: DataSource[];
}

/** `morgan(format, options)`: the personal data its records hold, read from the format. */
export function requestLogAt(call: ts.CallExpression, ctx: SourceFileContext): RequestLogHit | undefined {
  const format = call.arguments[0];
  if (!format) return undefined;
  const origin = ctx.sinks.origin(call.expression);
  if (!origin) return undefined;
  const logger = REQUEST_LOGGERS.find((l) => l.packages.includes(origin.module));
  // the package's own function called: `morgan(...)`, `require('morgan')(...)`, `logger(...)` for an alias
  if (!logger || origin.path.some((s) => s !== 'default')) return undefined;
  const tokens = new Set<string>();
  for (const text of possibleFormats(format, ctx.checker, logger, 0)) for (const t of tokensOf(text)) tokens.add(t);
  if (ts.isArrowFunction(skipOuter(format)) || ts.isFunctionExpression(skipOuter(format)))
    for (const t of functionTokens(skipOuter(format) as ts.ArrowFunction | ts.FunctionExpression)) tokens.add(t);
  const description = `the ${logger.sink.label} request log`;
  const sinkStep = ctx.flow.step(call, `reaches ${description}`);
  const sources: DataSource[] = [];
  for (const token of tokens) {
    const category = TOKEN_CATEGORIES[token];
    if (!category || sources.some((s) => s.category === category)) continue;
    const origin = `:${token}`;
    sources.push({
      category,
      confidence: 'high',
      origin,
      path: [],
      trace: [ctx.flow.step(format, `format token ${origin} writes the request's ${ctx.taxonomy.label(category)}`), sinkStep],
    });
  }
  return sources.length ? { sink: logger.sink, description, sources } : undefined;
}

/** `:remote-addr`, `:req[Authorization]` → `remote-addr`, `req[authorization]`. */
function tokensOf(format: string): string[] {
  return [...format.matchAll(/:([a-z][\w-]*(?:\[[^\]]*\])?)/gi)].map((m) => m[1].toLowerCase());
}

/** `(tokens, req, res) => [tokens['remote-addr'](req, res), tokens.url(req, res)].join(' ')`: the tokens it calls. */
function functionTokens(fn: ts.ArrowFunction | ts.FunctionExpression): string[] {
  const param = fn.parameters[0]?.name;
  if (!param || !ts.isIdentifier(param)) return [];
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === param.text
    ) {
      const key = ts.isPropertyAccessExpression(n)
        ? n.name.text
        : ts.isStringLiteralLike(n.argumentExpression)
          ? n.argumentExpression.text
          : undefined;
      if (key === 'req' || key === 'res') {
        const header = ts.isCallExpression(n.parent) ? n.parent.arguments[2] : undefined;
        if (header && ts.isStringLiteralLike(header)) out.push(`${key}[${header.text.toLowerCase()}]`);
      } else if (key) out.push(key.toLowerCase());
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return out;
}

/** The format strings an argument may be in production: literals, presets, constants, both branches of a condition (the production one of a mode check), what a local function returns. */
function possibleFormats(expr: ts.Expression, checker: ts.TypeChecker, logger: RequestLogger, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  const e = skipOuter(expr);
  if (ts.isStringLiteralLike(e)) return [logger.presets[e.text] ?? e.text];
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)];
  if (ts.isConditionalExpression(e)) {
    // `NODE_ENV === 'production' ? short : verbose`: production logs the short one only.
    const production = productionBranch(e, checker);
    if (production) return possibleFormats(production, checker, logger, depth + 1);
    return [...possibleFormats(e.whenTrue, checker, logger, depth + 1), ...possibleFormats(e.whenFalse, checker, logger, depth + 1)];
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [
      possibleFormats(e.left, checker, logger, depth + 1).join(' ') + ' ' + possibleFormats(e.right, checker, logger, depth + 1).join(' '),
    ];
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return possibleFormats(decl.initializer, checker, logger, depth + 1);
    return [];
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    const decl = checker.getSymbolAtLocation(e.expression)?.valueDeclaration;
    const fn = decl && ts.isVariableDeclaration(decl) && decl.initializer ? skipOuter(decl.initializer) : decl;
    if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) && fn.body) {
      if (!ts.isBlock(fn.body)) return possibleFormats(fn.body, checker, logger, depth + 1);
      const out: string[] = [];
      const visit = (n: ts.Node): void => {
        if (ts.isReturnStatement(n) && n.expression) out.push(...possibleFormats(n.expression, checker, logger, depth + 1));
        else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
      };
      ts.forEachChild(fn.body, visit);
      return out;
    }
  }
  return [];
}
