import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_IDS } from '../core/rules.js';
import type { Analyzer } from '../engine/analyzer.js';
import { adaptCustomAnalyzer } from './adapt.js';
import type { CustomAnalyzer } from './api.js';

/** A custom analyzer that cannot be loaded: which one, and what to do. */
export class CustomAnalyzerError extends Error {
  override name = 'CustomAnalyzerError';
}

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Load custom analyzers by module specifier: a path (relative to `from`) or a package name resolved
 * from `from` as Node would. Who calls this decides whose code it is: the CLI only for
 * specifiers its user gave (on the command line or in a configuration passed with --config), the
 * App only for those its operator set (PRIVACY_REVIEW_ANALYZERS) — never what the analyzed
 * repository names.
 */
export async function loadCustomAnalyzers(specifiers: readonly string[], from: string): Promise<Analyzer[]> {
  const out: Analyzer[] = [];
  const names = new Set<string>();
  for (const specifier of specifiers) {
    const { module, file } = await importModule(specifier, from);
    const custom = validate(module, specifier);
    if (names.has(custom.meta.name))
      throw new CustomAnalyzerError(
        `custom analyzer ${specifier}: the name "${custom.meta.name}" is taken by another custom analyzer; give each its own meta.name`,
      );
    names.add(custom.meta.name);
    out.push(adaptCustomAnalyzer(custom, moduleIdentity(file)));
  }
  return out;
}

/**
 * What the analysis cache keys a custom analyzer's results by: its module file's content. Modules it
 * imports are not covered; changing one without the module file needs a new cache directory (README).
 */
function moduleIdentity(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

async function importModule(specifier: string, from: string): Promise<{ module: unknown; file: string }> {
  const isPath = specifier.startsWith('.') || path.isAbsolute(specifier);
  let resolved: string;
  try {
    resolved = isPath ? path.resolve(from, specifier) : createRequire(path.join(from, 'noop.js')).resolve(specifier);
  } catch {
    throw new CustomAnalyzerError(
      `custom analyzer ${specifier}: no such package from ${from}; install it (npm install --save-dev ${specifier}) or give a path such as ./tools/${specifier}.mjs`,
    );
  }
  if (!existsSync(resolved))
    throw new CustomAnalyzerError(`custom analyzer ${specifier}: ${resolved} does not exist; check the path (relative to ${from})`);
  try {
    const module = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
    return { module: module.default ?? module, file: resolved };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new CustomAnalyzerError(
      `custom analyzer ${specifier}: it could not be loaded (${reason}); a custom analyzer is an ES module (.mjs, or .js in a "type": "module" package) whose default export is { meta, create }`,
    );
  }
}

function validate(value: unknown, specifier: string): CustomAnalyzer {
  const problem = (what: string) => new CustomAnalyzerError(`custom analyzer ${specifier}: ${what}`);
  const a = value as Partial<CustomAnalyzer> | undefined;
  if (!a || typeof a !== 'object') throw problem('its default export must be an object { meta, create }');
  const meta = a.meta as Partial<CustomAnalyzer['meta']> | undefined;
  if (!meta || typeof meta !== 'object') throw problem('meta is missing: { name, rule, description }');
  if (typeof meta.name !== 'string' || !NAME.test(meta.name))
    throw problem('meta.name must be lower case letters, digits and dashes, e.g. "acme-telemetry"');
  if (!RULE_IDS.includes(meta.rule as never))
    throw problem(`meta.rule must be one of ${RULE_IDS.join(', ')}: the rule its findings belong to`);
  if (typeof meta.description !== 'string' || !meta.description.trim())
    throw problem('meta.description must say in a sentence what it finds');
  if (typeof a.create !== 'function')
    throw problem('create(context) must be a function returning the handlers, e.g. { CallExpression(node) { ... } }');
  return a as CustomAnalyzer;
}
