import { ts } from '#ts-morph';
import type { SourceFileContext } from '../../src/engine/analyzer.js';
import type { DataSource } from '../../src/flow/flow-analyzer.js';

/** Names of a value that is a URL: `url`, `achievementsURL`, `callbackUri`, `href`, `redirectLink`. */
const URL_NAME = /(?:^|[a-z0-9_])(?:url|uri|href|link)s?$/i;

/**
 * Ids a logged URL carries in its path or query (`console.error('API URL:', achievementsURL)` with
 * the user's account id in `?steamid=`): a URL is copied into logs, proxies and error reports whole,
 * and an id inside it is no longer the opaque log key the rule advises, but part of a request that
 * names the person at another service. The origins of the ids a URL-named argument carries.
 */
export function idsInLoggedUrls(ctx: SourceFileContext, args: readonly ts.Expression[]): Set<string> {
  const origins = new Set<string>();
  for (const arg of args) {
    const name = urlNameOf(arg);
    if (!name || !URL_NAME.test(name)) continue;
    for (const s of ctx.flow.taintOf(arg).sources) if (isId(s)) origins.add(s.origin);
  }
  return origins;
}

const isId = (s: DataSource) => s.category === 'user.unique_id' && s.confidence !== 'low';

/** `url`, `this.callbackUrl`, `url.toString()`, `String(url)`, `url.href`. */
function urlNameOf(e: ts.Expression): string | undefined {
  let x = e;
  for (let i = 0; i < 3; i++) {
    while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
    if (ts.isCallExpression(x)) {
      const c = x.expression;
      if (ts.isPropertyAccessExpression(c) && c.name.text === 'toString' && x.arguments.length === 0) x = c.expression;
      else if (ts.isIdentifier(c) && c.text === 'String' && x.arguments.length === 1) x = x.arguments[0]!;
      else return undefined;
    } else if (ts.isPropertyAccessExpression(x) && x.name.text === 'href') return 'href';
    else break;
  }
  if (ts.isIdentifier(x)) return x.text;
  if (ts.isPropertyAccessExpression(x)) return x.name.text;
  return undefined;
}
