import { ts } from '#ts-morph';
import type { Confidence } from '../core/contract.js';
import type { SinkMatch, SinkResolver } from '../sinks/types.js';
import { isPlainString, skipOuter } from '../ts/syntax.js';
import {
  ERASURE_VERBS,
  HEADER_METHODS,
  LOG_METHODS,
  LOGGER_NAME,
  NODE_BUILTINS,
  NOT_LOGGER,
  OTHER_WINDOW,
  VENDOR_GLOBALS,
} from './fallback-sinks.catalog.js';
import { LOCAL_PACKAGES } from './local-packages.catalog.js';
import { isStoreRead } from './store-reads.js';
import type { PackageSummaries } from './package-summaries.js';

/**
 * Sinks the catalogue cannot see because nothing names their package: recognised from the syntax
 * and names alone, each with the confidence its evidence deserves. Rows, like the catalogue
 * (fallback-sinks.catalog.ts):
 *   - a logger nobody imports (`logger.info(...)` on a global, an injected or in-house logger);
 *   - a vendor global used without an import (`ReactGA.event(...)`);
 *   - `postMessage` to another window, a raw `Set-Cookie` header;
 *   - any call into an uncatalogued package's client object (`new LettersApi(cfg).create(letter)`),
 *     so that no vendor goes unseen; reported only with proven personal data.
 * Error paths (`Promise.reject`, a promise's `reject`) are log sinks too: error messages end up
 * in logs and error reports.
 */
export interface FallbackMatch extends SinkMatch {
  /** The finding's confidence is at most this: the sink is recognised by name, not proven. */
  cap: Confidence;
  /** Report only when personal data is proven (an uncatalogued package, a guessed window). */
  needsData: boolean;
}

const LOCAL = localPackagePattern(LOCAL_PACKAGES);

/** The rows of local-packages.catalog.ts as one pattern (`*` matches any characters). */
export function localPackagePattern(rows: readonly string[]): RegExp {
  return new RegExp(`^(?:${rows.map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*')).join('|')})$`);
}

export class FallbackSinks {
  /** Per file: whether it imports a package that could be an uncatalogued vendor (most files import none). */
  private readonly vendorImports = new WeakMap<ts.SourceFile, boolean>();

  constructor(
    private readonly sinks: SinkResolver,
    /** Package calls that transform locally (signing a token or a header): not a vendor receiving data. */
    private readonly local?: PackageSummaries,
  ) {}

  /** Fallback sinks at a node the catalogue matched nothing of that family at. */
  match(node: ts.Node, catalogued: readonly SinkMatch[]): FallbackMatch[] {
    if (ts.isBinaryExpression(node)) return catalogued.length ? [] : this.storageProperty(node);
    if (!ts.isCallExpression(node) || node.arguments.length === 0) return [];
    const callee = skipOuter(node.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = skipOuter(callee.expression);
      const hasLog = catalogued.some((m) => m.family === 'log');
      const hasEgress = catalogued.some((m) => m.family === 'egress');
      if (!hasLog && LOG_METHODS.has(method)) {
        const logger = this.namedLogger(node, receiver, method);
        if (logger) return [logger];
      }
      if (!hasLog && !hasEgress) {
        const vendor = this.vendorGlobal(node, receiver, method);
        if (vendor) return [vendor];
      }
      if (method === 'postMessage' && !hasEgress && OTHER_WINDOW.test(receiver.getText())) {
        return [
          fallback(
            node,
            [node.arguments[0]],
            { kind: 'third_party', id: 'postMessage', label: 'window.postMessage' },
            'egress',
            `${receiverText(receiver)}.postMessage`,
            'medium',
            true,
          ),
        ];
      }
      if (HEADER_METHODS.has(method) && node.arguments.length >= 2 && !hasEgress) {
        const name = skipOuter(node.arguments[0]);
        if (isPlainString(name) && name.text.toLowerCase() === 'set-cookie') {
          return [
            fallback(
              node,
              [node.arguments[1]],
              { kind: 'browser_storage', id: 'cookie', label: 'Set-Cookie header' },
              'egress',
              `${method}('Set-Cookie')`,
              'high',
              false,
            ),
          ];
        }
      }
      if (method === 'reject' && ts.isIdentifier(receiver) && receiver.text === 'Promise') return [errorPath(node, 'Promise.reject')];
      if (!hasLog && !hasEgress) return this.uncataloguedPackage(node, callee);
      return [];
    }
    if (ts.isIdentifier(callee) && catalogued.length === 0 && isPromiseReject(callee)) return [errorPath(node, `${callee.text}()`)];
    return [];
  }

  /** `localStorage.key = v`, `sessionStorage[k] = v`: the property form of setItem (the catalogue keys calls by method). */
  private storageProperty(assign: ts.BinaryExpression): FallbackMatch[] {
    if (assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [];
    const left = skipOuter(assign.left);
    if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return [];
    const store = skipOuter(left.expression);
    const name = ts.isIdentifier(store) ? store.text : ts.isPropertyAccessExpression(store) ? store.name.text : undefined;
    if (name !== 'localStorage' && name !== 'sessionStorage') return [];
    const origin = this.sinks.origin(store);
    if (origin?.module !== 'global' || origin.path.join('.') !== name) return [];
    return [
      {
        sink: { kind: 'browser_storage', id: name, label: name },
        family: 'egress',
        node: assign,
        dataArgs: [assign.right],
        description: `${name} property =`,
        cap: 'high',
        needsData: false,
      },
    ];
  }

  /** `logger.info(...)` where `logger` comes from no catalogued package: a logger by its name. */
  private namedLogger(call: ts.CallExpression, receiver: ts.Expression, method: string): FallbackMatch | undefined {
    const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
    if (!name || NOT_LOGGER.has(name) || !LOGGER_NAME.test(name)) return undefined;
    const origin = this.sinks.origin(receiver);
    // A global, injected or project logger has no package origin; an in-house logger package is one no catalogue row knows.
    if (origin && (origin.module === 'global' || this.sinks.isCatalogued(origin.module))) return undefined;
    const sink = origin
      ? { kind: 'logger' as const, id: 'logger', label: origin.module, package: origin.module }
      : { kind: 'logger' as const, id: 'logger', label: 'logger (by name)' };
    return fallback(call, call.arguments.slice(), sink, 'log', `${name}.${method}`, 'medium', false);
  }

  /** `ReactGA.event(...)`, `Sentry.setUser(...)` where the name resolves to nothing: the vendor's global. */
  private vendorGlobal(call: ts.CallExpression, receiver: ts.Expression, method: string): FallbackMatch | undefined {
    if (!ts.isIdentifier(receiver)) return undefined;
    const vendor = VENDOR_GLOBALS.get(receiver.text);
    if (!vendor || !vendor.methods.has(method) || this.sinks.origin(receiver)) return undefined;
    const sink = { kind: vendor.kind, id: vendor.id, label: vendor.label, ...(vendor.service ? { service: vendor.service } : {}) };
    return fallback(call, call.arguments.slice(), sink, vendor.family, `${receiver.text}.${method}`, 'medium', false);
  }

  /** A method of a client object of a package no catalogue row knows: `new LettersApi(cfg).create(letter)`. */
  private uncataloguedPackage(call: ts.CallExpression, callee: ts.PropertyAccessExpression): FallbackMatch[] {
    if (!call.arguments.some((a) => !isLiteral(a)) || isErasure(callee.name.text) || !this.importsVendorCandidate(call.getSourceFile()))
      return [];
    const origin = this.sinks.origin(callee);
    if (
      !origin ||
      origin.module === 'global' ||
      origin.module.startsWith('node:') ||
      NODE_BUILTINS.has(origin.module) ||
      isAlias(origin.module)
    )
      return [];
    // A client: an object constructed or created by the package (`new X(cfg)`, `x.client()`), then a method of it.
    const made = origin.path.findIndex((s) => s === 'new' || s === '()');
    if (made < 0 || made === origin.path.length - 1) return [];
    if (this.sinks.isCatalogued(origin.module) || LOCAL.test(packageName(origin.module)) || this.local?.of(call)) return [];
    const pkg = packageName(origin.module);
    if (isStoreRead(pkg, callee.name.text)) return [];
    const path = origin.path
      .filter((s) => s !== 'new' && s !== '()' && s !== 'default')
      .slice(-2)
      .join('.');
    return [
      fallback(
        call,
        call.arguments.slice(),
        { kind: 'third_party', id: `package:${pkg}`, label: pkg, package: origin.module },
        'egress',
        `${pkg} ${path}`,
        'low',
        true,
      ),
    ];
  }

  /** Whether a file imports (or requires at its top level) a package that is neither catalogued nor local computation. */
  private importsVendorCandidate(sf: ts.SourceFile): boolean {
    let known = this.vendorImports.get(sf);
    if (known !== undefined) return known;
    known = false;
    const consider = (spec: ts.Expression | undefined) => {
      if (!spec || !ts.isStringLiteral(spec)) return;
      const m = spec.text;
      if (m.startsWith('.') || m.startsWith('/') || m.startsWith('node:') || NODE_BUILTINS.has(m) || isAlias(m)) return;
      if (!this.sinks.isCatalogued(m) && !LOCAL.test(packageName(m))) known = true;
    };
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st)) consider(st.moduleSpecifier);
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const init = d.initializer && skipOuter(d.initializer);
          if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require')
            consider(init.arguments[0]);
        }
      }
      if (known) break;
    }
    this.vendorImports.set(sf, known);
    return known;
  }
}

function fallback(
  node: ts.CallExpression,
  dataArgs: ts.Expression[],
  sink: FallbackMatch['sink'],
  family: 'log' | 'egress',
  description: string,
  cap: Confidence,
  needsData: boolean,
): FallbackMatch {
  return { sink, family, node, dataArgs: dataArgs.map((a) => (ts.isSpreadElement(a) ? a.expression : a)), description, cap, needsData };
}

const THROWN: FallbackMatch['sink'] = { kind: 'logger', id: 'thrown-error', label: 'thrown error message' };

function errorPath(node: ts.CallExpression, description: string): FallbackMatch {
  return fallback(node, [node.arguments[0]], THROWN, 'log', `a rejected promise (${description})`, 'high', true);
}

/** `reject` of `new Promise((resolve, reject) => ...)`: the second parameter of a promise executor. */
function isPromiseReject(callee: ts.Identifier): boolean {
  if (callee.text !== 'reject' && callee.text !== 'rej') return false;
  for (let n: ts.Node | undefined = callee.parent; n; n = n.parent) {
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === callee.text)
    ) {
      const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === callee.text);
      const host = n.parent;
      return index === 1 && ts.isNewExpression(host) && ts.isIdentifier(host.expression) && host.expression.text === 'Promise';
    }
  }
  return false;
}

function isErasure(method: string): boolean {
  const first = /^[a-z]+/.exec(method)?.[0];
  return first !== undefined && ERASURE_VERBS.has(first);
}

function isLiteral(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) ||
    ts.isNumericLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword
  );
}

/** `~/lib`, `@/components`, `#app`: path aliases of the project, not packages. */
function isAlias(module: string): boolean {
  return /^(?:~|@\/|#|\$)/.test(module);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(module: string): string {
  const parts = module.split('/');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function receiverText(receiver: ts.Expression): string {
  const text = receiver.getText().replace(/\s+/g, '');
  return text.length > 40 ? `…${text.slice(-39)}` : text;
}
