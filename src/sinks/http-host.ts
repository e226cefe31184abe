import { ts } from '#ts-morph';
import { propertyInitializer, type ConstantEvaluator, type PartialString } from './constant-value.js';
import { skipOuter } from '../ts/syntax.js';

/** Properties of request-config objects that hold a URL (axios/got/request/ky/undici/fetch-like). */
const URL_PROPERTIES = ['url', 'uri', 'href', 'baseURL', 'baseUrl', 'prefixUrl', 'origin', 'endpoint'];
/** Properties that hold a bare host name (`http.request({ hostname })`). */
const HOST_PROPERTIES = ['hostname', 'host'];
const MAX_DEPTH = 12;

/**
 * The destination host of a URL-valued expression, when static: a literal, a template's head, a
 * concatenation, a `const` (also from another project file), `new URL(path, base)`, `url.href`, or a
 * request config object (`{ url }`, `{ baseURL }`, `{ hostname }`). Relative URLs have no host.
 */
export class HostResolver {
  constructor(private readonly constants: ConstantEvaluator) {}

  host(expr: ts.Expression, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = skipOuter(expr);
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL') {
      const [input, base] = e.arguments ?? [];
      return (input && this.host(input, depth + 1)) ?? (base ? this.host(base, depth + 1) : undefined);
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'toString') {
      return this.host(e.expression.expression, depth + 1);
    }
    if (ts.isObjectLiteralExpression(e)) return this.fromConfig(e, depth);
    if (ts.isCallExpression(e) && isUrlHelper(e.expression) && e.arguments[0]) return this.host(e.arguments[0], depth + 1);
    const s = this.constants.string(e);
    if (s) return parseHost(s, false);
    if (ts.isPropertyAccessExpression(e) && (e.name.text === 'href' || e.name.text === 'origin')) {
      return this.host(e.expression, depth + 1);
    }
    const init = this.constants.initializer(e);
    if (init) return this.host(init, depth + 1);
    return ts.isElementAccessExpression(e) ? this.sharedHost(e, depth) : undefined;
  }

  /** `ENDPOINTS[listId]` of a constant map whose URLs all go to one host: that host. */
  private sharedHost(e: ts.ElementAccessExpression, depth: number): string | undefined {
    const obj = this.constants.objectLiteral(e.expression);
    if (!obj || obj.properties.length === 0) return undefined;
    let shared: string | undefined;
    for (const p of obj.properties) {
      const h = ts.isPropertyAssignment(p) ? this.host(p.initializer, depth + 1) : undefined;
      if (!h || (shared !== undefined && h !== shared)) return undefined;
      shared = h;
    }
    return shared;
  }

  private fromConfig(obj: ts.ObjectLiteralExpression, depth: number): string | undefined {
    for (const key of URL_PROPERTIES) {
      const v = propertyInitializer(obj, key);
      const h = v && this.host(v, depth + 1);
      if (h) return h;
    }
    for (const key of HOST_PROPERTIES) {
      const v = propertyInitializer(obj, key);
      const s = v && this.constants.string(v);
      const h = s && parseHost(s, true);
      if (h) return h;
    }
    return undefined;
  }
}

/** A URL helper of the project (`makeURL(base, params)`, `buildUrl(base, path)`): its first argument is the base URL. */
function isUrlHelper(callee: ts.Expression): boolean {
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /^(?:make|build|create|get|to|with)?(?:Api|Full|Absolute|Request)?Ur[li]$/i.test(name);
}

/**
 * Host of a (partially known) URL string. With only a prefix known, the host must be visibly complete
 * (followed by `/`, `:`, `?`, `#`, or end in a TLD-like label, as in `BASE + path`).
 */
export function parseHost(s: PartialString, bareAllowed: boolean): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i.exec(s.text);
  if (m) {
    const authority = m[1];
    const terminated = s.complete || m[0].length < s.text.length;
    const host = authority.replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase();
    if (!host || /[\s${}]/.test(host)) return undefined;
    if (!terminated && !/(\.[a-z]{2,}|^localhost)$/.test(host)) return undefined;
    return host;
  }
  if (bareAllowed && s.complete && /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/i.test(s.text)) {
    return s.text.replace(/:\d+$/, '').toLowerCase();
  }
  return undefined;
}
