import type { Dataset, DatasetField, Flow, LoggingPolicy, Manifest, ManifestException, Purpose } from '../manifest/types.js';
import { within } from '../taxonomy/severity.js';
import type { ManifestChange } from './types.js';

type Entity = ManifestChange['entity'];

const LABEL: Record<Entity, string> = {
  system: 'system',
  dataset: 'dataset',
  'dataset-field': 'dataset field',
  flow: 'flow',
  purpose: 'purpose',
  logging: 'logging policy',
  exception: 'exception',
};

/** How a list's growth reads in a summary: `flow \`segment\`: may now receive user.contact.phone_number`. */
interface ListAspect<T> {
  field: string;
  get: (entity: T) => readonly string[] | undefined;
  /** Category keys: a parent covers its children, so `user.contact.email` -> `user.contact` widens. */
  hierarchical?: boolean;
  more: string;
  less: string;
}

/**
 * Semantic diff of two manifests: what a reviewer must approve, not what the YAML text did. Entries are
 * matched by id, lists compared as sets (category lists through the hierarchy), so reordering or
 * reformatting is no change. Lists whose growth lets more data go somewhere (categories, countries,
 * flows of a purpose, ...) are `widened` / `narrowed`, one change per list, naming the list in `fields`
 * and the items in `added`/`removed`; other fields are `modified`. A missing side counts as empty.
 */
export function diffManifest(base: Manifest | undefined, head: Manifest | undefined): ManifestChange[] {
  const changes: ManifestChange[] = [];
  if (!base && !head) return changes;
  if (!base)
    changes.push({
      change: 'added',
      entity: 'system',
      id: head!.system.name,
      summary: `data-flow manifest added (system \`${head!.system.name}\`)`,
    });
  else if (!head)
    changes.push({
      change: 'removed',
      entity: 'system',
      id: base.system.name,
      summary: `data-flow manifest removed: nothing is declared any more`,
    });
  else
    changes.push(
      ...scalarChanges('system', head.system.name, base.system, head.system, ['name', 'description', 'owner', 'responsibility', 'dpo']),
    );

  changes.push(
    ...entityChanges<Dataset>('dataset', base?.datasets ?? [], head?.datasets ?? [], {
      scalars: ['description', 'retention'],
      lists: [],
      describe: (d) =>
        `${d.fields.length} field${d.fields.length === 1 ? '' : 's'}: ${unique(d.fields.flatMap((f) => f.categories)).join(', ')}`,
      children: (b, h) => datasetFieldChanges(b, h),
    }),
    ...entityChanges<Flow>('flow', base?.flows ?? [], head?.flows ?? [], {
      scalars: ['kind', 'description', 'transferMechanism', 'processor', 'dpa', 'retention'],
      lists: [
        { field: 'categories', get: (f) => f.categories, hierarchical: true, more: 'may now receive', less: 'no longer receives' },
        {
          field: 'countries',
          get: (f) => f.countries?.map((c) => c.toUpperCase()),
          more: 'data now also processed in',
          less: 'data no longer processed in',
        },
        { field: 'match', get: matchItems, more: 'now also stands for', less: 'no longer stands for' },
      ],
      describe: (f) => [f.kind, f.categories.join(', ')].filter(Boolean).join(': '),
    }),
    ...entityChanges<Purpose>('purpose', base?.purposes ?? [], head?.purposes ?? [], {
      scalars: ['dataUse', 'description', 'legalBasis', 'specialCategoryCondition', 'retention'],
      lists: [
        { field: 'categories', get: (p) => p.categories, hierarchical: true, more: 'now covers', less: 'no longer covers' },
        { field: 'flows', get: (p) => p.flows, more: 'now also uses flow', less: 'no longer uses flow' },
        { field: 'datasets', get: (p) => p.datasets, more: 'now also uses dataset', less: 'no longer uses dataset' },
        { field: 'dataSubjects', get: (p) => p.dataSubjects, more: 'now also concerns', less: 'no longer concerns' },
      ],
      describe: (p) => [p.dataUse, p.legalBasis].filter(Boolean).join(', '),
    }),
    ...loggingChanges(base?.logging, head?.logging),
    ...exceptionChanges(base?.exceptions ?? [], head?.exceptions ?? []),
  );
  return changes;
}

interface EntityRules<T> {
  scalars: (keyof T & string)[];
  lists: ListAspect<T>[];
  describe: (entity: T) => string;
  children?: (base: T, head: T) => ManifestChange[];
}

/** Entries matched by id (the first of duplicate ids; the manifest check reports duplicates). */
function entityChanges<T extends { id: string }>(
  entity: Entity,
  base: readonly T[],
  head: readonly T[],
  rules: EntityRules<T>,
): ManifestChange[] {
  const changes: ManifestChange[] = [];
  const baseById = byKey(base, (e) => e.id);
  const headById = byKey(head, (e) => e.id);
  for (const [id, h] of headById) {
    const b = baseById.get(id);
    if (!b) {
      const detail = rules.describe(h);
      changes.push({ change: 'added', entity, id, summary: `${LABEL[entity]} \`${id}\` added${detail ? ` (${detail})` : ''}` });
      continue;
    }
    for (const aspect of rules.lists) changes.push(...listChange(entity, id, aspect.get(b) ?? [], aspect.get(h) ?? [], aspect));
    changes.push(...scalarChanges(entity, id, b, h, rules.scalars));
    if (rules.children) changes.push(...rules.children(b, h));
  }
  for (const [id] of baseById) {
    if (!headById.has(id)) changes.push({ change: 'removed', entity, id, summary: `${LABEL[entity]} \`${id}\` removed` });
  }
  return changes;
}

function datasetFieldChanges(base: Dataset, head: Dataset): ManifestChange[] {
  const key = (f: DatasetField, i: number) => f.symbol ?? f.path ?? `#${i}`;
  const changes: ManifestChange[] = [];
  const baseFields = byKey(base.fields, key);
  const headFields = byKey(head.fields, key);
  const id = (name: string) => `${head.id}:${name}`;
  for (const [name, h] of headFields) {
    const b = baseFields.get(name);
    if (!b) {
      changes.push({
        change: 'added',
        entity: 'dataset-field',
        id: id(name),
        added: [...h.categories],
        summary: `dataset \`${head.id}\` now declares \`${name}\` as ${h.categories.join(', ') || 'no category'}`,
      });
      continue;
    }
    changes.push(
      ...listChange('dataset-field', id(name), b.categories, h.categories, {
        field: 'categories',
        get: () => undefined,
        hierarchical: true,
        more: 'now declared as',
        less: 'no longer declared as',
      }),
      ...scalarChanges('dataset-field', id(name), b, h, ['symbol', 'path', 'retention', 'description']),
    );
  }
  for (const [name, b] of baseFields) {
    if (!headFields.has(name))
      changes.push({
        change: 'removed',
        entity: 'dataset-field',
        id: id(name),
        removed: [...b.categories],
        summary: `dataset \`${base.id}\` no longer declares \`${name}\``,
      });
  }
  return changes;
}

function loggingChanges(base: LoggingPolicy | undefined, head: LoggingPolicy | undefined): ManifestChange[] {
  const empty: LoggingPolicy = { allowedCategories: [], redactors: [] };
  const b = base ?? empty;
  const h = head ?? empty;
  return [
    ...listChange('logging', 'logging', b.allowedCategories, h.allowedCategories, {
      field: 'allowedCategories',
      get: () => undefined,
      hierarchical: true,
      more: 'now allows in logs',
      less: 'no longer allows in logs',
    }),
    // A new redactor makes more log calls count as redacted: it lets more through.
    ...listChange('logging', 'logging', b.redactors, h.redactors, {
      field: 'redactors',
      get: () => undefined,
      more: 'now trusts the redactor',
      less: 'no longer trusts the redactor',
    }),
  ];
}

/** An exception's scope fields are filters: absent or empty means "any", so dropping one widens it. */
function exceptionChanges(base: readonly ManifestException[], head: readonly ManifestException[]): ManifestChange[] {
  return entityChanges<ManifestException>('exception', base, head, {
    scalars: ['reason', 'approvedBy'],
    lists: [],
    describe: (e) => [e.rule, e.sink, e.paths?.join(', '), `until ${e.expires}`].filter(Boolean).join(', '),
    children: (b, h) => [
      ...filterChange(b.id, 'rule', b.rule ? [b.rule] : [], h.rule ? [h.rule] : [], false),
      ...filterChange(b.id, 'sink', b.sink ? [b.sink] : [], h.sink ? [h.sink] : [], false),
      ...filterChange(b.id, 'paths', b.paths ?? [], h.paths ?? [], false),
      ...filterChange(b.id, 'categories', b.categories ?? [], h.categories ?? [], true),
      ...expiryChange(b, h),
    ],
  });
}

function filterChange(
  id: string,
  field: string,
  base: readonly string[],
  head: readonly string[],
  hierarchical: boolean,
): ManifestChange[] {
  const { added, removed } = setDiff(base, head, hierarchical);
  if (!added.length && !removed.length) return [];
  const at = `exception \`${id}\``;
  if (!head.length)
    return [
      {
        change: 'widened',
        entity: 'exception',
        id,
        fields: [field],
        removed,
        summary: `${at} now applies to any ${singular(field)} (was ${base.join(', ')})`,
      },
    ];
  if (!base.length)
    return [
      {
        change: 'narrowed',
        entity: 'exception',
        id,
        fields: [field],
        added,
        summary: `${at} now only applies to ${singular(field)} ${head.join(', ')}`,
      },
    ];
  // A filter that lets more through is wider: more paths or categories, or a different rule or sink.
  const change =
    added.length && removed.length && (field === 'rule' || field === 'sink') ? 'modified' : added.length ? 'widened' : 'narrowed';
  return [
    { change, entity: 'exception', id, fields: [field], ...nonEmpty(added, removed), summary: `${at} ${field}: ${signed(added, removed)}` },
  ];
}

function expiryChange(b: ManifestException, h: ManifestException): ManifestChange[] {
  if (b.expires === h.expires) return [];
  const later = h.expires > b.expires;
  return [
    {
      change: later ? 'widened' : 'narrowed',
      entity: 'exception',
      id: h.id,
      fields: ['expires'],
      summary: `exception \`${h.id}\` ${later ? 'extended' : 'shortened'} to ${h.expires} (was ${b.expires})`,
    },
  ];
}

function listChange<T>(
  entity: Entity,
  id: string,
  base: readonly string[],
  head: readonly string[],
  aspect: ListAspect<T>,
): ManifestChange[] {
  const { added, removed } = setDiff(base, head, aspect.hierarchical ?? false);
  if (!added.length && !removed.length) return [];
  const parts = [
    added.length ? `${aspect.more} ${added.join(', ')}` : '',
    removed.length ? `${aspect.less} ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return [
    {
      change: added.length ? 'widened' : 'narrowed',
      entity,
      id,
      fields: [aspect.field],
      ...nonEmpty(added, removed),
      summary: `${LABEL[entity]} \`${id}\`: ${parts.join('; ')}`,
    },
  ];
}

function scalarChanges<T extends object>(entity: Entity, id: string, base: T, head: T, fields: (keyof T & string)[]): ManifestChange[] {
  const changed = fields.filter((f) => normalise(base[f]) !== normalise(head[f]));
  if (!changed.length) return [];
  const details = changed.map((f) => {
    const [from, to] = [show(base[f]), show(head[f])];
    return from.length + to.length <= 80 ? `${f} ${from} -> ${to}` : f;
  });
  return [{ change: 'modified', entity, id, fields: changed, summary: `${LABEL[entity]} \`${id}\` changed ${details.join(', ')}` }];
}

/**
 * `added`: head items the base did not cover; `removed`: base items the head no longer covers. With
 * the hierarchy, `user.contact` replacing `user.contact.email` is added (wider), the reverse removed.
 */
export function setDiff(base: readonly string[], head: readonly string[], hierarchical: boolean): { added: string[]; removed: string[] } {
  const covers = hierarchical
    ? (item: string, by: readonly string[]) => by.some((b) => within(item, b))
    : (item: string, by: readonly string[]) => by.includes(item);
  return {
    added: unique(head.filter((h) => !covers(h, base))),
    removed: unique(base.filter((b) => !covers(b, head))),
  };
}

/** A flow's `match` lists as `hosts:api.example.com`, `packages:@acme/crm`, ... */
function matchItems(flow: Flow): string[] {
  return Object.entries(flow.match ?? {}).flatMap(([list, values]) => (values ?? []).map((v: string) => `${list}:${v}`));
}

function byKey<T>(items: readonly T[], key: (item: T, index: number) => string): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    const k = key(item, i);
    if (!map.has(k)) map.set(k, item);
  });
  return map;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** Trailing whitespace of a YAML block scalar is formatting, not meaning. */
function normalise(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : JSON.stringify(value);
}

function show(value: unknown): string {
  const text = normalise(value);
  return text ? JSON.stringify(text) : '(none)';
}

function nonEmpty(added: string[], removed: string[]): Pick<ManifestChange, 'added' | 'removed'> {
  return { ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) };
}

function signed(added: readonly string[], removed: readonly string[]): string {
  return [...added.map((a) => `+${a}`), ...removed.map((r) => `-${r}`)].join(', ');
}

function singular(field: string): string {
  return { paths: 'path', categories: 'category', rule: 'rule', sink: 'sink' }[field] ?? field;
}
