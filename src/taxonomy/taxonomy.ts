import type { Severity } from '../core/contract.js';
import { SEVERITY_ORDER } from '../core/contract.js';
import { CATEGORIES, type CategoryDef } from './categories.js';
import { DEPRECATED_KEYS } from './deprecations.js';
import { severityOf, within } from './severity.js';
import { closestKeys } from './suggest.js';
import { SENSITIVITY_TAGS, isSensitivityTag, type SensitivityTag } from './tags.js';

export type { SensitivityTag } from './tags.js';
export { SENSITIVITY_TAGS } from './tags.js';

export interface Category {
  key: string;
  name: string;
  label: string;
  parent?: string;
  /** Effective tags, including those inherited from ancestors. */
  tags: SensitivityTag[];
  extension?: boolean;
}

export interface CustomCategory {
  key: string;
  name?: string;
  label?: string;
  parent?: string;
  tags?: SensitivityTag[];
  /** Overrides the severity the category would get from its branch and tags (it and its custom descendants). */
  severity?: Severity;
}

/** fides_key syntax: dotted segments of letters, digits, `_`, `-`. */
const KEY_SYNTAX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

interface Node {
  category: Category;
  severityOverride?: Severity;
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

function parentOf(key: string): string | undefined {
  const i = key.lastIndexOf('.');
  return i < 0 ? undefined : key.slice(0, i);
}

function labelFromKey(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1).replace(/[_-]+/g, ' ');
}

function titleFromKey(key: string): string {
  return labelFromKey(key).replace(/\b\w/g, (c) => c.toUpperCase());
}

/** The data-category tree (fideslang 2.x plus our extensions), with labels, tags and severity. */
export class Taxonomy {
  private static cached: Taxonomy | undefined;
  private readonly nodes: Map<string, Node>;

  private constructor(nodes: Map<string, Node>) {
    this.nodes = nodes;
  }

  /** The built-in taxonomy (cached). */
  static default(): Taxonomy {
    if (!Taxonomy.cached) Taxonomy.cached = new Taxonomy(build(CATEGORIES, []));
    return Taxonomy.cached;
  }

  /**
   * A new taxonomy with project categories added. Throws when a key is malformed or already defined, a
   * parent does not exist (built in or among `custom`), a key does not sit under its parent, or a tag
   * is unknown.
   */
  withCustom(custom: readonly CustomCategory[]): Taxonomy {
    if (!custom.length) return this;
    const defs: CategoryDef[] = [];
    for (const n of this.nodes.values()) {
      const { key, name, label, parent, extension } = n.category;
      defs.push({ key, name, label, ...(parent ? { parent } : {}), ...(extension ? { extension } : {}) });
    }
    // Declared (not inherited) tags and overrides of this instance are kept by rebuilding from its nodes.
    return new Taxonomy(build(defs, custom, this.nodes));
  }

  get(key: string): Category | undefined {
    const n = this.nodes.get(key);
    return n ? { ...n.category, tags: [...n.category.tags] } : undefined;
  }

  has(key: string): boolean {
    return this.nodes.has(key);
  }

  keys(): string[] {
    return [...this.nodes.keys()];
  }

  /** True when `key` is `ancestor` or one of its descendants. */
  isWithin(key: string, ancestor: string): boolean {
    return within(key, ancestor);
  }

  /** Effective tags. An unknown key gets those of its replacement (deprecated) or nearest known ancestor. */
  tags(key: string): SensitivityTag[] {
    const n = this.resolve(key);
    return n ? [...n.category.tags] : [];
  }

  /** GDPR Art. 9 or Art. 10 data. */
  isSpecial(key: string): boolean {
    const t = this.tags(key);
    return t.includes('gdpr9') || t.includes('gdpr10');
  }

  /** PCI sensitive authentication data: never store, never log. */
  isPciSad(key: string): boolean {
    return this.tags(key).includes('pci_sad');
  }

  /** Highest severity over the keys; `low` for none. */
  severity(keys: readonly string[]): Severity {
    let best: Severity = SEVERITY_ORDER[0];
    for (const key of keys) {
      const s = this.severityOfKey(key);
      if (RANK[s] > RANK[best]) best = s;
      if (best === 'high') break;
    }
    return best;
  }

  /** Short noun phrase for messages ("email address"); derived from the key when it is unknown. */
  label(key: string): string {
    const exact = this.nodes.get(key) ?? this.nodes.get(DEPRECATED_KEYS[key] ?? '');
    return exact ? exact.category.label : labelFromKey(key);
  }

  /** For a key of an older fideslang generation, the current key that replaces it. */
  deprecation(key: string): { replacedBy: string } | undefined {
    if (this.nodes.has(key)) return undefined;
    const direct = DEPRECATED_KEYS[key];
    if (direct && this.nodes.has(direct)) return { replacedBy: direct };
    // A child of a deprecated key (e.g. a project extension of an old key): rewrite its prefix when the result exists.
    for (let p = parentOf(key); p; p = parentOf(p)) {
      const target = DEPRECATED_KEYS[p];
      if (!target) continue;
      const rewritten = target + key.slice(p.length);
      return this.nodes.has(rewritten) ? { replacedBy: rewritten } : undefined;
    }
    return undefined;
  }

  /** "Did you mean": up to 3 existing keys closest to `key`; the replacement of a deprecated key comes first. */
  suggest(key: string): string[] {
    const replacement = this.deprecation(key)?.replacedBy;
    const near = closestKeys(key, this.nodes.keys(), 3);
    const out = replacement ? [replacement, ...near.filter((k) => k !== replacement)] : near;
    return out.slice(0, 3);
  }

  private resolve(key: string): Node | undefined {
    const exact = this.nodes.get(key);
    if (exact) return exact;
    const replacement = this.deprecation(key)?.replacedBy;
    if (replacement) return this.nodes.get(replacement);
    for (let p = parentOf(key); p; p = parentOf(p)) {
      const n = this.nodes.get(p);
      if (n) return n;
    }
    return undefined;
  }

  private severityOfKey(key: string): Severity {
    const effective = this.nodes.has(key) ? key : (this.deprecation(key)?.replacedBy ?? key);
    for (let k: string | undefined = effective; k; k = parentOf(k)) {
      const override = this.nodes.get(k)?.severityOverride;
      if (override) return override;
    }
    return severityOf(effective, this.tags(effective));
  }
}

/**
 * Build the node map: validate, then compute effective tags parent-first. `previous` carries declared
 * tags and severity overrides of an already-customised taxonomy.
 */
function build(defs: readonly CategoryDef[], custom: readonly CustomCategory[], previous?: Map<string, Node>): Map<string, Node> {
  const declared = new Map<string, { def: CategoryDef; tags: SensitivityTag[]; severity?: Severity }>();
  for (const def of defs) {
    const prevTags = previous ? declaredTags(previous, def.key) : undefined;
    const severity = previous?.get(def.key)?.severityOverride;
    declared.set(def.key, { def, tags: prevTags ?? def.tags ?? [], ...(severity ? { severity } : {}) });
  }

  const added = new Set<string>();
  for (const c of custom) {
    const key = typeof c?.key === 'string' ? c.key.trim() : '';
    if (!KEY_SYNTAX.test(key))
      throw new Error(`Custom data category key ${JSON.stringify(c?.key)} is not a valid dotted key (e.g. "user.loyalty_id").`);
    if (declared.has(key) && !added.has(key))
      throw new Error(`Custom data category "${key}" already exists in the taxonomy; use a new key under it.`);
    if (added.has(key)) throw new Error(`Custom data category "${key}" is declared twice.`);
    for (const t of c.tags ?? []) {
      if (!isSensitivityTag(t))
        throw new Error(`Custom data category "${key}" has unknown tag "${String(t)}"; use one of ${SENSITIVITY_TAGS.join(', ')}.`);
    }
    const parent = c.parent?.trim() || parentOf(key);
    if (parent && !key.startsWith(`${parent}.`)) {
      throw new Error(
        `Custom data category "${key}" must start with its parent key "${parent}." (e.g. "${parent}.${labelFromKey(key).replace(/ /g, '_')}").`,
      );
    }
    added.add(key);
    declared.set(key, {
      def: {
        key,
        name: c.name?.trim() || titleFromKey(key),
        label: c.label?.trim() || c.name?.trim().toLowerCase() || labelFromKey(key),
        ...(parent ? { parent } : {}),
      },
      tags: [...(c.tags ?? [])],
      ...(c.severity ? { severity: c.severity } : {}),
    });
  }
  // Parents may be declared later in the custom list, so check once all are known.
  for (const key of added) {
    const parent = declared.get(key)!.def.parent;
    if (parent && !declared.has(parent)) {
      const near = closestKeys(parent, declared.keys(), 3);
      const hint = near.length ? ` Did you mean ${near.map((k) => `"${k}"`).join(', ')}?` : '';
      throw new Error(`Custom data category "${key}" has parent "${parent}", which is not in the taxonomy.${hint}`);
    }
  }

  const nodes = new Map<string, Node>();
  const visit = (key: string, depth: number): Node => {
    const done = nodes.get(key);
    if (done) return done;
    const d = declared.get(key)!;
    if (depth > 32) throw new Error(`Data category "${key}" is part of a parent cycle.`);
    const parentNode = d.def.parent ? visit(d.def.parent, depth + 1) : undefined;
    const tags = new Set<SensitivityTag>(parentNode?.category.tags ?? []);
    for (const t of d.tags) tags.add(t);
    const category: Category = {
      key,
      name: d.def.name,
      label: d.def.label,
      ...(d.def.parent ? { parent: d.def.parent } : {}),
      tags: SENSITIVITY_TAGS.filter((t) => tags.has(t)),
      ...(d.def.extension || added.has(key) ? { extension: true } : {}),
    };
    const node: Node = { category, ...(d.severity ? { severityOverride: d.severity } : {}) };
    nodes.set(key, node);
    return node;
  };
  for (const key of declared.keys()) visit(key, 0);
  return nodes;
}

/** Tags declared on `key` itself (effective minus the parent's), to rebuild a customised taxonomy. */
function declaredTags(nodes: Map<string, Node>, key: string): SensitivityTag[] | undefined {
  const n = nodes.get(key);
  if (!n) return undefined;
  const parentTags = new Set(n.category.parent ? (nodes.get(n.category.parent)?.category.tags ?? []) : []);
  return n.category.tags.filter((t) => !parentTags.has(t));
}
