import type { Finding, ScanResult, SinkRef } from '../core/contract.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { DEFAULT_STYLE, emitMap, type YField, type YMap } from './emit.js';
import { declarable, flowEntry, minimal, neverComment, ownerOf, purposeSkeleton, uniqueId, unsuppressed } from './entries.js';
import { areaOf, holdingOf, packageOf } from './holding.js';

export interface InitOptions {
  systemName: string;
  /** Taxonomy with the project's custom categories (default: built in). */
  taxonomy?: Taxonomy;
  /** `$schema` for editors, relative to the manifest (default: the schema in node_modules/privacy-review). */
  schema?: string;
  /** A scanned file's text (relative path), to tell stored models (`@Entity`, `new Schema`) from shapes that pass through. */
  fileText?: (file: string) => string | undefined;
}

export const DEFAULT_SCHEMA_REF = '../node_modules/privacy-review/schemas/manifest.schema.json';

/** Places listed in a comment before the rest are counted. */
const LISTED_PLACES = 3;
const LISTED_LOGS = 10;

/**
 * A first manifest from a scan, shaped as a privacy engineer writes one: a dataset per store (the
 * Prisma schema, the TypeORM entities, the Mongoose schemas of a package) with one `Model.*` entry
 * per model, one dataset of path entries for the shapes data passes through (DTOs, view models,
 * props, validators), flows by sink id with the union of their categories, and purposes by what the
 * data is used for (the service itself, e-mail, analytics, ...) rather than one per entry. Decisions
 * only a person can make (data use, legal basis, data subjects, a vendor's countries) are TODO: the
 * file validates, and `manifest check` lists every TODO as a warning, and nothing else.
 *
 * Logged personal data is not allowed in `logging.allowedCategories`: it is listed in comments, since
 * an allowance is a deliberate decision and most such logs are defects. PCI sensitive authentication
 * data is never declared where it would be stored or logged; it is listed in comments too.
 */
export function initManifest(scan: ScanResult, options: InitOptions): string {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  const findings = unsuppressed(scan.findings);
  const datasets = buildDatasets(
    findings.filter((f) => f.rule === 'pii-field'),
    taxonomy,
    options.fileText,
  );
  const flows = buildFlows(
    findings.filter((f) => f.rule === 'data-flow' && f.sink),
    taxonomy,
  );
  const logged = findings.filter((f) => f.rule === 'pii-logging');
  const purposes = buildPurposes(datasets, flows, taxonomy);

  const neverStored = [...datasets.flatMap((d) => d.never), ...flows.flatMap((f) => f.never)];
  const doc: YField[] = [
    { key: 'version', value: 1 },
    {
      key: 'system',
      value: [{ key: 'name', value: options.systemName, comment: 'optional: description, owner ("@acme/team"), responsibility, dpo' }],
    },
    {
      key: 'datasets',
      value: datasets.map(datasetEntry),
      before: [
        '',
        'Where personal data is held: one dataset per store, `Model.*` covering every field of a model.',
        'Shapes that only carry data (DTOs, view models, props) are covered by path entries: a path',
        'covers every field declared in its files.',
        ...neverStored.map((n) => `left out: ${n}`),
      ],
    },
    {
      key: 'flows',
      value: flows.map((f) => flowItem(f)),
      before: [
        '',
        'Where personal data leaves the process, by the sink id the scan reports.',
        'A category covers its descendants (user.contact covers user.contact.email).',
      ],
    },
    {
      key: 'purposes',
      value: purposes,
      before: ['', 'Why data is processed, one skeleton per use: split or merge them, and fill in the TODOs.'],
    },
    {
      key: 'logging',
      value: [
        { key: 'allowedCategories', value: [] },
        { key: 'redactors', value: [], before: loggedComments(logged, taxonomy) },
      ],
      before: ['', 'Personal data that may appear in logs and error reports (none by default).'],
    },
    {
      key: 'exceptions',
      value: [],
      before: ['', 'Time-limited acceptances: - {id, rule, paths, sink, categories, reason, expires: YYYY-MM-DD, approvedBy}'],
    },
  ];
  const header = [
    `# yaml-language-server: $schema=${options.schema ?? DEFAULT_SCHEMA_REF}`,
    '#',
    `# Data-flow manifest of ${options.systemName}.`,
    '# The personal data this code holds (datasets), where it sends it (flows), why (purposes) and',
    '# what may appear in logs. privacy-review checks every pull request against it. Written by',
    `# \`privacy-review manifest init\` from a scan of ${scan.stats.files} files: review every entry.`,
    '#',
    '# Values marked TODO need a decision only a person can make (why the data is processed, on which',
    '# legal basis, where a vendor processes it). The file is valid as it is, and `privacy-review',
    '# manifest check` lists each TODO as a warning until it is filled in.',
    '',
  ];
  return [...header, ...emitMap(doc, DEFAULT_STYLE)].join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

interface FieldDraft {
  /** `User.*` for a stored model, a glob for shapes that pass through. */
  symbol?: string;
  path?: string;
  categories: string[];
}

interface DatasetDraft {
  id: string;
  description: string;
  files: string[];
  fields: FieldDraft[];
  never: string[];
}

const STORE_LABEL: Record<string, string> = {
  prisma: 'Prisma models',
  typeorm: 'TypeORM entities',
  mongoose: 'Mongoose schemas',
  sequelize: 'Sequelize models',
  drizzle: 'Drizzle tables',
  'mikro-orm': 'MikroORM entities',
  knex: 'Knex tables',
  database: 'database entities',
};

function buildDatasets(fields: Finding[], taxonomy: Taxonomy, fileText: InitOptions['fileText']): DatasetDraft[] {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!fileText) return undefined;
    if (!texts.has(file)) texts.set(file, fileText(file));
    return texts.get(file);
  };
  const stores = new Map<string, DatasetDraft & { models: Map<string, FieldDraft> }>();
  const transient = new Map<string, FieldDraft>();
  const transientFiles: string[] = [];
  const transientNever: string[] = [];
  for (const f of fields) {
    const owner = ownerOf(f.symbol);
    const holding = holdingOf(f.file, owner, textOf(f.file));
    const { ok, never } = declarable(f.categories, 'dataset', taxonomy);
    const neverLine = never.length ? `${f.symbol} in ${f.file}:${f.line}: ${neverComment(never, 'dataset', taxonomy)}` : undefined;
    if (holding.kind === 'transient') {
      if (neverLine) transientNever.push(neverLine);
      if (!ok.length) continue;
      const area = areaOf(f.file);
      const entry = transient.get(area) ?? { path: area, categories: [] };
      entry.categories = narrow([...entry.categories, ...ok], taxonomy);
      transient.set(area, entry);
      if (!transientFiles.includes(f.file)) transientFiles.push(f.file);
      continue;
    }
    const pkg = packageOf(f.file);
    const key = `${pkg}\0${holding.store}`;
    let d = stores.get(key);
    if (!d) {
      d = {
        id: holding.store,
        description: `${STORE_LABEL[holding.store] ?? holding.store}${pkg ? ` of ${pkg}` : ''}`,
        files: [],
        fields: [],
        never: [],
        models: new Map(),
      };
      stores.set(key, d);
    }
    if (neverLine) d.never.push(neverLine);
    if (!d.files.includes(f.file)) d.files.push(f.file);
    if (!ok.length) continue;
    const model = d.models.get(owner) ?? { symbol: `${owner}.*`, categories: [] };
    model.categories = narrow([...model.categories, ...ok], taxonomy);
    d.models.set(owner, model);
  }

  // Ids: the store's name, prefixed with its package's when two packages use the same store.
  const drafts = [...stores.values()].filter((d) => d.models.size);
  const ids = new Set<string>();
  const perStore = new Map<string, number>();
  for (const d of drafts) perStore.set(d.id, (perStore.get(d.id) ?? 0) + 1);
  for (const d of drafts) {
    const shared = perStore.get(d.id)! > 1;
    const pkg = d.description.includes(' of ')
      ? d.description
          .slice(d.description.lastIndexOf(' of ') + 4)
          .split('/')
          .pop()!
      : '';
    d.id = uniqueId(shared && pkg ? `${pkg}-${d.id}` : d.id, ids);
    ids.add(d.id);
    d.fields = [...d.models.values()];
  }
  const out: DatasetDraft[] = drafts.map(({ models: _models, ...d }) => d);
  if (transient.size) {
    out.push({
      id: uniqueId('in-transit', ids),
      description: 'DTOs, view models, props and validators: data passing through, not stored',
      files: transientFiles,
      fields: absorbNested([...transient.values()], taxonomy),
      never: transientNever,
    });
  } else if (transientNever.length) {
    out.push({ id: 'in-transit', description: '', files: [], fields: [], never: transientNever });
  }
  return out;
}

/** `packages/types/**` covers `packages/types/surveys/**`: one entry, with both entries' categories. */
function absorbNested(entries: FieldDraft[], taxonomy: Taxonomy): FieldDraft[] {
  const sorted = entries.sort((a, b) => a.path!.localeCompare(b.path!));
  const kept: FieldDraft[] = [];
  for (const e of sorted) {
    const outer = kept.find((k) => k.path!.endsWith('/**') && e.path!.startsWith(k.path!.slice(0, -2)));
    if (outer) outer.categories = narrow([...outer.categories, ...e.categories], taxonomy);
    else kept.push(e);
  }
  return kept;
}

function datasetEntry(d: DatasetDraft): YMap {
  // Path entries say where they apply; a store's files are worth listing.
  const listed = d.fields.some((x) => x.symbol) ? places(d.files) : [];
  return [
    { key: 'id', value: d.id, ...(listed.length ? { before: listed } : {}) },
    { key: 'description', value: d.description },
    {
      key: 'fields',
      value: d.fields.map((x): YMap => [
        x.symbol ? { key: 'symbol', value: x.symbol } : { key: 'path', value: x.path! },
        { key: 'categories', value: x.categories },
      ]),
    },
  ];
}

interface FlowDraft {
  sink: SinkRef;
  categories: string[];
  files: string[];
  never: string[];
}

function buildFlows(flows: Finding[], taxonomy: Taxonomy): FlowDraft[] {
  const bySink = new Map<string, FlowDraft>();
  for (const f of flows) {
    const sink = f.sink!;
    let d = bySink.get(sink.id);
    if (!d) bySink.set(sink.id, (d = { sink, categories: [], files: [], never: [] }));
    const where = `${f.file}:${f.line}`;
    if (!d.files.includes(where)) d.files.push(where);
    const { ok, never } = declarable(f.categories, sink.kind, taxonomy);
    if (never.length) d.never.push(`${sink.id} from ${where}: ${neverComment(never, sink.kind, taxonomy)}`);
    d.categories = narrow([...d.categories, ...ok], taxonomy);
  }
  return [...bySink.values()];
}

function flowItem(f: FlowDraft): YMap {
  const name = `${f.sink.label ?? f.sink.id}${f.sink.service ? ` (${f.sink.service})` : ''}`;
  const [first, ...rest] = flowEntry(f.sink, f.categories);
  return [{ ...first, before: [name, ...places(f.files)] }, ...rest];
}

/** What a flow's data is used for, to group flows into purpose skeletons: the service itself, or the vendor's kind of service. */
function useOf(sink: SinkRef): string {
  if (sink.kind === 'third_party') return sink.service ?? 'third-parties';
  if (sink.kind === 'http') return 'integrations';
  return 'service';
}

function buildPurposes(datasets: readonly DatasetDraft[], flows: readonly FlowDraft[], taxonomy: Taxonomy): YMap[] {
  const uses = new Map<string, { flows: string[]; datasets: string[]; categories: string[]; service?: string }>();
  const use = (id: string) => {
    let u = uses.get(id);
    if (!u) uses.set(id, (u = { flows: [], datasets: [], categories: [] }));
    return u;
  };
  const held = datasets.filter((d) => d.fields.length);
  if (held.length) {
    const u = use('service');
    u.datasets.push(...held.map((d) => d.id));
    u.categories = minimal(
      held.flatMap((d) => d.fields.flatMap((x) => x.categories)),
      taxonomy,
    );
  }
  for (const f of flows) {
    const u = use(useOf(f.sink));
    u.flows.push(f.sink.id);
    u.categories = minimal([...u.categories, ...f.categories], taxonomy);
    if (f.sink.kind === 'third_party' && f.sink.service) u.service = f.sink.service;
  }
  return [...uses.entries()].map(([id, u]) =>
    purposeSkeleton(id, { flows: u.flows, datasets: u.datasets }, u.categories, taxonomy, u.service),
  );
}

/**
 * Sorted keys without redundant children, and never a broad key that covers data which may not be
 * declared there (`user.financial` covers card security codes): its declarable children instead.
 */
function narrow(keys: readonly string[], taxonomy: Taxonomy): string[] {
  const out = minimal(keys, taxonomy).flatMap((k) => {
    const sad = taxonomy.keys().filter((c) => c !== k && taxonomy.isWithin(c, k) && taxonomy.isPciSad(c));
    if (!sad.length || taxonomy.isPciSad(k)) return [k];
    return taxonomy.keys().filter((c) => c.startsWith(`${k}.`) && !c.slice(k.length + 1).includes('.') && !taxonomy.isPciSad(c));
  });
  return minimal(out, taxonomy);
}

/** The first places as comment lines, and how many more. */
function places(list: readonly string[]): string[] {
  const shown = list.slice(0, LISTED_PLACES);
  return list.length > LISTED_PLACES ? [...shown, `... and ${list.length - LISTED_PLACES} more`] : shown;
}

/** Logged personal data, one comment line per place (the first few): allowed only by a deliberate edit. */
function loggedComments(logged: Finding[], taxonomy: Taxonomy): string[] {
  if (!logged.length) return [];
  const lines = logged.slice(0, LISTED_LOGS).map((f) => {
    const never = declarable(f.categories, 'logging', taxonomy).never;
    return `  ${f.categories.join(', ')}: ${f.file}:${f.line} (${f.sink?.label ?? f.sink?.id ?? 'log'})${never.length ? ' — never allowed (PCI sensitive authentication data)' : ''}`;
  });
  if (logged.length > LISTED_LOGS) lines.push(`  ... and ${logged.length - LISTED_LOGS} more (privacy-review scan lists them)`);
  return ['Found in logs today (not allowed: redact them, or add the categories above deliberately):', ...lines];
}
