import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateDelegate } from 'handlebars';
import { handlebars } from './helpers.js';

/**
 * The checklist's Handlebars templates: `checklist.md.hbs` is the entry point, every other
 * `<name>.md.hbs` is the partial `{{> name}}`. A repository's templates directory overrides files by
 * name and may add partials. Each set is read, checked and compiled once per directory and cached.
 */
export const ENTRY = 'checklist';
const SUFFIX = '.md.hbs';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface TemplateSet {
  /** Where each template of the set comes from, by name. */
  files: Record<string, string>;
  render(view: object): string;
}

const cache = new Map<string, TemplateSet>();

/** The built-in set, or the built-in set with the files of `dir` replacing or adding to it. */
export function loadTemplates(dir?: string): TemplateSet {
  const key = dir ? resolve(dir) : '';
  let set = cache.get(key);
  if (!set) {
    const files = readDir(builtinDir());
    if (dir) Object.assign(files, readDir(key, true));
    set = compile(files, key);
    cache.set(key, set);
  }
  return set;
}

/** Forget compiled templates (for a long-running process whose repository templates changed). */
export function clearTemplateCache(): void {
  cache.clear();
}

/** `templates/` at the package root, from `src/render/` and from `dist/src/render/`. */
export function builtinDir(): string {
  for (const rel of ['../../templates/', '../../../templates/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, `${ENTRY}${SUFFIX}`))) return dir;
  }
  throw new TemplateError(`The built-in templates (templates/${ENTRY}${SUFFIX}) are missing from the privacy-review package.`);
}

function readDir(dir: string, override = false): Record<string, string> {
  if (override && (!existsSync(dir) || !statSync(dir).isDirectory())) {
    throw new TemplateError(`Templates directory ${dir} does not exist.`);
  }
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(SUFFIX)) out[name.slice(0, -SUFFIX.length)] = join(dir, name);
  }
  return out;
}

type Program = ReturnType<typeof handlebars.parse>;

function compile(files: Record<string, string>, overrideDir: string): TemplateSet {
  const asts = new Map<string, Program>();
  for (const [name, file] of Object.entries(files)) {
    try {
      asts.set(name, handlebars.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      throw new TemplateError(`Template ${file} does not parse: ${(e as Error).message}`);
    }
  }
  // A partial missing at render time would only say "The partial x could not be found": check every
  // reference now and name the file and line that makes it.
  for (const [name, ast] of asts) {
    for (const ref of partialRefs(ast)) {
      if (asts.has(ref.name)) continue;
      const where = overrideDir ? `${overrideDir} or the built-in templates` : 'the built-in templates';
      throw new TemplateError(
        `Template ${files[name]}:${ref.line} uses the partial "${ref.name}", which is not in ${where} (expected a file ${ref.name}${SUFFIX}).`,
      );
    }
  }
  const compiled = new Map<string, TemplateDelegate>();
  for (const [name, ast] of asts) compiled.set(name, handlebars.compile(ast, { noEscape: true }));
  const partials = Object.fromEntries([...compiled].filter(([name]) => name !== ENTRY));
  const entry = compiled.get(ENTRY);
  if (!entry) throw new TemplateError(`No ${ENTRY}${SUFFIX} template.`);
  return {
    files: { ...files },
    render(view) {
      try {
        return entry(view, { partials: partials });
      } catch (e) {
        throw new TemplateError(`Rendering ${files[ENTRY]} failed: ${(e as Error).message}`);
      }
    },
  };
}

interface PartialRef {
  name: string;
  line: number;
}

type Node = {
  type?: string;
  name?: { type: string; original?: unknown };
  path?: { original?: unknown };
  params?: { value?: unknown }[];
  loc?: { start: { line: number } };
};

/**
 * Partials a template needs (`{{> name}}`). Not: dynamic names, which cannot be checked; partial
 * blocks (`{{#> name}}fallback{{/name}}`), which fall back when missing; inline partials it defines.
 */
function partialRefs(ast: Program): PartialRef[] {
  const refs: PartialRef[] = [];
  const inline = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if (node.type === 'PartialStatement' && node.name && (node.name.type === 'PathExpression' || node.name.type === 'StringLiteral')) {
      refs.push({ name: String(node.name.original), line: node.loc?.start.line ?? 0 });
    }
    if (node.type === 'DecoratorBlock' && node.path?.original === 'inline' && typeof node.params?.[0]?.value === 'string')
      inline.add(node.params[0].value);
    for (const [key, child] of Object.entries(value)) if (key !== 'loc') walk(child);
  };
  walk(ast);
  return refs.filter((r) => !inline.has(r.name) && r.name !== '@partial-block');
}
