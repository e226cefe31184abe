import type { ts } from 'ts-morph';
import type { CustomSinkConfig, SinkResolver } from './types.js';
import type { SinkSpec } from './catalog-types.js';
import { BuiltValues } from './built-values.js';
import { CatalogIndex } from './catalog-index.js';
import { ConstantEvaluator } from './constant-value.js';
import { customSinkSpecs } from './custom.js';
import { HostResolver } from './http-host.js';
import { SinkMatcher } from './match.js';
import { OriginResolver } from './origin.js';
import { SiblingCalls } from './sibling-call.js';
import { isBareSpecifier } from '../ts/syntax.js';

/** What a sink resolver is built from: one program, the rules' catalogues and the configured sinks. */
export interface SinkResolverInputs {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The catalogues the rules bring (`Analyzer.sinks`): the logger catalogue, the egress catalogue. */
  catalogue: readonly SinkSpec[];
  /** `sinks:` of `.privacy-review.yml`. */
  custom: readonly CustomSinkConfig[];
  /** The reference path (tests only): every name resolved by the checker. */
  reference?: boolean;
}

/**
 * The sink resolver for one program: the rules' catalogues plus the configured sinks. One instance
 * per program; it memoizes origins and matches per node, so it must not outlive the program.
 */
export function createSinkResolver(inputs: SinkResolverInputs): SinkResolver {
  const constants = new ConstantEvaluator(inputs.checker);
  const origins = new OriginResolver(inputs.program, inputs.checker, constants, inputs.reference === true);
  const index = new CatalogIndex([...inputs.catalogue, ...customSinkSpecs(inputs.custom)]);
  const matcher = new SinkMatcher(
    origins,
    constants,
    new HostResolver(constants),
    index,
    new SiblingCalls(inputs.checker),
    new BuiltValues(origins, constants, inputs.checker),
  );
  const catalogued = cataloguedPackages(inputs.catalogue);
  const siblings = siblingMethods(inputs.catalogue);
  const configuredPackages = cataloguedPackages([...inputs.catalogue, ...customSinkSpecs(inputs.custom)]);
  return {
    match: (node) => matcher.match(node),
    origin: (expr) => origins.origin(expr),
    describeOrigin: (expr) => {
      const r = origins.resolve(expr);
      if (!r) return undefined;
      const configured =
        r.module.startsWith('\0') ||
        !isBareSpecifier(r.module) ||
        configuredPackages.exact.has(r.module) ||
        configuredPackages.scopes.some((s) => r.module.startsWith(s));
      return { text: `${r.module} ${r.path.join('.')} ${r.sites.map((s) => s?.getText() ?? '').join('\u0001')}`, configured };
    },
    isSiblingMethod: (name) => siblings.has(name),
    isCatalogued: (module) => catalogued.exact.has(module) || catalogued.scopes.some((s) => module.startsWith(s)),
  };
}

/** Packages some catalogue row names (`@scope/*` rows name a whole scope). */
function cataloguedPackages(catalogue: readonly SinkSpec[]): { exact: Set<string>; scopes: string[] } {
  const exact = new Set<string>();
  const scopes: string[] = [];
  for (const spec of catalogue) {
    for (const p of spec.packages) {
      if (p.endsWith('/*')) scopes.push(p.slice(0, -1));
      else exact.add(p);
    }
  }
  return { exact, scopes };
}

/** Method names that catalogue rows read as `sibling` calls (`open` for `xhr.send`), wherever a row nests them. */
function siblingMethods(catalogue: readonly SinkSpec[]): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sibling' && typeof x === 'string') out.add(x);
        else visit(x);
      }
    }
  };
  visit(catalogue);
  return out;
}
