import type { Finding, ScanResult, SinkRef } from '../core/contract.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { DEFAULT_STYLE, emitMap, type YField, type YMap } from './emit.js';
import { datasetIdFor, declarable, fieldEntry, flowEntry, minimal, neverComment, ownerOf, purposeSkeleton, union, uniqueId, unsuppressed } from './entries.js';

export interface InitOptions {
  systemName: string;
  /** Taxonomy with the project's custom categories (default: built in). */
  taxonomy?: Taxonomy;
  /** `$schema` for editors, relative to the manifest (default: the schema in node_modules/privacy-review). */
  schema?: string;
}

export const DEFAULT_SCHEMA_REF = '../node_modules/privacy-review/schemas/manifest.schema.json';

/**
 * A first manifest from a scan: datasets grouped by model, flows grouped by sink id with the union
 * of their categories, and a purpose skeleton for each flow and one for the datasets. Decisions only a
 * person can make (data use, legal basis, data subjects, a vendor's countries) are written as TODO:
 * the file validates, and `manifest check` lists every TODO as a warning until it is filled in.
 *
 * Logged personal data is not allowed in `logging.allowedCategories`: it is listed in comments, since
 * an allowance is a deliberate decision and most such logs are defects. PCI sensitive authentication
 * data is never declared where it would be stored or logged; it is listed in comments too.
 */
export function initManifest(scan: ScanResult, options: InitOptions): string {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  const findings = unsuppressed(scan.findings);
  const datasets = buildDatasets(findings.filter((f) => f.rule === 'pii-field'), taxonomy);
  const flows = buildFlows(findings.filter((f) => f.rule === 'data-flow' && f.sink), taxonomy);
  const logged = findings.filter((f) => f.rule === 'pii-logging');

  const purposes: YMap[] = [];
  const purposeIds = new Set<string>();
  for (const f of flows) {
    const id = uniqueId(f.sink.id, purposeIds);
    purposeIds.add(id);
    purposes.push(purposeSkeleton(id, { flows: [f.sink.id] }, f.categories, taxonomy, f.sink.service));
  }
  if (datasets.length) {
    const id = uniqueId('service', purposeIds);
    purposes.push(purposeSkeleton(id, { datasets: datasets.map((d) => d.id) }, minimal(datasets.flatMap((d) => d.fields.flatMap((x) => x.categories)), taxonomy), taxonomy));
  }

  const neverStored = [...datasets.flatMap((d) => d.never), ...flows.flatMap((f) => f.never)];
  const doc: YField[] = [
    { key: 'version', value: 1 },
    {
      key: 'system',
      value: [{ key: 'name', value: options.systemName, comment: 'optional: description, owner ("@acme/team"), responsibility (controller | processor | joint_controller), dpo' }],
    },
    {
      key: 'datasets',
      value: datasets.map((d) => withComment([{ key: 'id', value: d.id }, { key: 'fields', value: d.fields.map((x) => fieldEntry(x.symbol, x.categories)) }], d.files.join(', '))),
      before: ['', 'Where personal data is held, by model. A field covers its symbol; `User.*` covers every field of User.', ...neverStored.map((n) => `left out: ${n}`)],
    },
    {
      key: 'flows',
      value: flows.map((f) => withComment(flowEntry(f.sink, f.categories), `${f.sink.label ?? f.sink.id}${f.sink.service ? ` (${f.sink.service})` : ''}: ${f.files.join(', ')}`)),
      before: ['', 'Where personal data leaves the process, by the sink id the scan reports. A category covers its descendants.'],
    },
    {
      key: 'purposes',
      value: purposes,
      before: ['', 'Why data is processed. One skeleton per flow and one for the datasets: merge, rename and fill in the TODOs.'],
    },
    {
      key: 'logging',
      value: [
        { key: 'allowedCategories', value: [] },
        { key: 'redactors', value: [], before: loggedComments(logged, taxonomy) },
      ],
      before: ['', 'Personal data that may appear in logs and error reports (none by default).'],
    },
    { key: 'exceptions', value: [], before: ['', 'Time-limited acceptances: - {id, rule, paths, sink, categories, reason, expires: YYYY-MM-DD, approvedBy}'] },
  ];
  const header = [
    `# yaml-language-server: $schema=${options.schema ?? DEFAULT_SCHEMA_REF}`,
    '#',
    `# Data-flow manifest of ${options.systemName}: the personal data this code holds (datasets), where it`,
    '# sends it (flows), why (purposes) and what may appear in logs. privacy-review checks every pull',
    `# request against it. Written by \`privacy-review manifest init\` from a scan of ${scan.stats.files} files: review every entry.`,
    '#',
    '# Values marked TODO need a decision only a person can make (why the data is processed, on which',
    '# legal basis, where a vendor processes it). The file is valid as it is, and `privacy-review',
    '# manifest check` lists each TODO as a warning until it is filled in.',
    '',
  ];
  return [...header, ...emitMap(doc, DEFAULT_STYLE)].join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

interface DatasetDraft {
  id: string;
  files: string[];
  fields: { symbol: string; categories: string[] }[];
  never: string[];
}

function buildDatasets(fields: Finding[], taxonomy: Taxonomy): DatasetDraft[] {
  const byOwner = new Map<string, DatasetDraft>();
  const ids = new Set<string>();
  for (const f of fields) {
    const owner = ownerOf(f.symbol);
    let d = byOwner.get(owner);
    if (!d) {
      const id = uniqueId(datasetIdFor(owner), ids);
      ids.add(id);
      d = { id, files: [], fields: [], never: [] };
      byOwner.set(owner, d);
    }
    if (!d.files.includes(f.file)) d.files.push(f.file);
    const { ok, never } = declarable(f.categories, 'dataset', taxonomy);
    if (never.length) d.never.push(`${f.symbol} in ${f.file}:${f.line}: ${neverComment(never, 'dataset', taxonomy)}`);
    if (!ok.length) continue;
    const existing = d.fields.find((x) => x.symbol === f.symbol);
    if (existing) existing.categories = union(existing.categories, ok);
    else d.fields.push({ symbol: f.symbol, categories: [...ok].sort() });
  }
  return [...byOwner.values()].filter((d) => d.fields.length);
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
    d.categories = minimal([...d.categories, ...ok], taxonomy);
  }
  return [...bySink.values()];
}

/** Logged personal data, one comment line per place: allowed only by a deliberate edit. */
function loggedComments(logged: Finding[], taxonomy: Taxonomy): string[] {
  if (!logged.length) return [];
  const lines = logged.map((f) => {
    const never = declarable(f.categories, 'logging', taxonomy).never;
    return `  ${f.categories.join(', ')}: ${f.file}:${f.line} (${f.sink?.label ?? f.sink?.id ?? 'log'})${never.length ? ' — never allowed (PCI sensitive authentication data)' : ''}`;
  });
  return ['Found in logs today (not allowed: redact them, or add the categories above deliberately):', ...lines];
}

function withComment(map: YMap, comment: string): YMap {
  return map.map((f, i) => (i === 0 && comment ? { ...f, comment } : f));
}
