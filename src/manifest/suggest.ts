import picomatch from 'picomatch';
import { isMap, parseDocument } from 'yaml';
import type { Finding, SinkRef } from '../core/contract.js';
import { flowMatchesSink } from './sink-match.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import type { YMap } from './emit.js';
import {
  datasetIdFor,
  declarable,
  fieldEntry,
  flowEntry,
  minimal,
  neverComment,
  ownerOf,
  purposeSkeleton,
  union,
  uniqueId,
  unsuppressed,
} from './entries.js';
import { parseManifest } from './load.js';
import { UNREADABLE_CODES } from './problems.js';
import { inline } from '../yaml/quote.js';
import { detectStyle } from './style.js';
import { YamlEditor } from './yaml-edit.js';
import type { DatasetField, Manifest } from './types.js';

export interface SuggestResult {
  /** The manifest with the new entries; every line of the original is kept as it was. */
  text: string;
  /** What was added, one line each: `flow openai`, `flow segment: +user.name.first`, `dataset user: User.phone`, ... */
  added: string[];
  /** What could not be added, and why (PCI sensitive authentication data, a manifest that cannot be edited). */
  skipped: string[];
}

export interface SuggestOptions {
  taxonomy?: Taxonomy;
}

/**
 * Add declarations for undeclared findings to an existing manifest without touching what is there:
 * the YAML is parsed with the `yaml` Document API to find where each entry goes and in which style
 * the author writes (indentation, `- ` placement, `[a, b]` or one item a line, blank lines between
 * entries), and the new text is spliced in at those positions, so every existing line, comment and
 * quote stays byte for byte. An existing flow, field or purpose is widened rather than duplicated.
 *
 * Flows get a purpose: `matchFindings` declares a data-flow finding only when a purpose of the flow
 * covers its categories, so the first purpose of the flow is widened, or a TODO skeleton is added
 * when none lists it. A new dataset gets a TODO skeleton too; a new field of an existing dataset
 * does not widen its purposes (`manifest check` warns instead: holding data is not a reason to use
 * it for every purpose of the dataset). Running it again with the same findings adds nothing.
 */
export function suggestManifest(existingText: string, undeclared: readonly Finding[], options: SuggestOptions = {}): SuggestResult {
  const taxonomy = options.taxonomy ?? Taxonomy.default();
  const loaded = parseManifest(existingText, 'manifest', { taxonomy });
  const doc = parseDocument(existingText, { uniqueKeys: false });
  const fatal = loaded.problems.find((p) => UNREADABLE_CODES.has(p.code));
  if (fatal || !isMap(doc.contents) || doc.contents.flow) {
    const why = fatal ? `${fatal.message} (line ${fatal.line})` : 'the manifest is not a YAML mapping';
    return { text: existingText, added: [], skipped: [`nothing added: ${why}; fix it first (privacy-review manifest check)`] };
  }
  const plan = new Plan(loaded.manifest, taxonomy);
  for (const f of dedupe(unsuppressed(undeclared))) plan.add(f);
  const editor = new YamlEditor(existingText, doc, detectStyle(doc, existingText));
  plan.apply(editor);
  return { text: editor.result(), added: plan.added, skipped: plan.skipped };
}

/** What to add, decided on the normalized manifest (its indexes are the document's). */
class Plan {
  readonly added: string[] = [];
  readonly skipped: string[] = [];
  private readonly widenFlow = new Map<number, string[]>();
  private readonly widenPurpose = new Map<number, string[]>();
  private readonly widenField = new Map<string, string[]>();
  private readonly newFlows = new Map<string, { sink: SinkRef; categories: string[] }>();
  private readonly newPurposes = new Map<string, { flows: string[]; datasets: string[]; categories: string[]; service?: string }>();
  private readonly newFields = new Map<number, { symbol: string; categories: string[] }[]>();
  private readonly newDatasets = new Map<string, { id: string; fields: { symbol: string; categories: string[] }[] }>();

  constructor(
    private readonly m: Manifest,
    private readonly taxonomy: Taxonomy,
  ) {}

  add(f: Finding): void {
    if (f.rule === 'data-flow') this.addFlow(f);
    else if (f.rule === 'pii-field') this.addField(f);
    else this.addLogging(f);
  }

  private addFlow(f: Finding): void {
    const sink = f.sink;
    if (!sink) return;
    const { ok, never } = declarable(f.categories, sink.kind, this.taxonomy);
    if (never.length) this.skipped.push(`${sink.id} (${f.file}:${f.line}): ${neverComment(never, sink.kind, this.taxonomy)}`);
    const index = this.m.flows.findIndex((fl) => flowMatchesSink(fl, sink));
    if (index < 0) {
      const pending = this.newFlows.get(sink.id);
      if (pending) pending.categories = minimal([...pending.categories, ...ok], this.taxonomy);
      else this.newFlows.set(sink.id, { sink, categories: minimal(ok, this.taxonomy) });
      this.purposeFor({ flow: sink.id }, ok, sink.service);
      return;
    }
    const flow = this.m.flows[index];
    this.widen(this.widenFlow, index, flow.categories, ok);
    this.purposeFor({ flow: flow.id }, ok, sink.service);
  }

  private addField(f: Finding): void {
    const { ok, never } = declarable(f.categories, 'dataset', this.taxonomy);
    if (never.length) this.skipped.push(`${f.symbol} (${f.file}:${f.line}): ${neverComment(never, 'dataset', this.taxonomy)}`);
    if (!ok.length) return;
    const covering: { i: number; j: number; field: DatasetField }[] = [];
    this.m.datasets.forEach((d, i) => d.fields.forEach((field, j) => fieldCovers(field, f) && covering.push({ i, j, field })));
    const declared = union(...covering.map((c) => [...c.field.categories, ...(this.widenField.get(`${c.i}.${c.j}`) ?? [])]));
    const missing = this.uncovered(ok, declared);
    // The entry that already stands for this field grows: its own, its model's `Model.*`, or a path over its file.
    const owner = ownerOf(f.symbol);
    const nearest =
      covering.find((c) => c.field.symbol === f.symbol) ??
      covering.find((c) => c.field.symbol === `${owner}.*`) ??
      covering.find((c) => c.field.path && !c.field.symbol);
    if (nearest) {
      this.widen(this.widenField, `${nearest.i}.${nearest.j}`, nearest.field.categories, missing);
      return;
    }
    if (covering.length && !missing.length) return;
    const pendingNew = this.newDatasets.get(owner);
    const i = pendingNew ? -1 : this.datasetOf(owner);
    if (i >= 0) {
      const list = this.newFields.get(i) ?? [];
      const same = list.find((x) => x.symbol === f.symbol);
      if (same) same.categories = union(same.categories, ok);
      else list.push({ symbol: f.symbol, categories: [...ok].sort() });
      this.newFields.set(i, list);
      return;
    }
    if (pendingNew) {
      const same = pendingNew.fields.find((x) => x.symbol === f.symbol);
      if (same) same.categories = union(same.categories, ok);
      else pendingNew.fields.push({ symbol: f.symbol, categories: [...ok].sort() });
    } else {
      const taken = new Set([...this.m.datasets.map((d) => d.id), ...[...this.newDatasets.values()].map((d) => d.id)]);
      const id = uniqueId(datasetIdFor(owner), taken);
      this.newDatasets.set(owner, { id, fields: [{ symbol: f.symbol, categories: [...ok].sort() }] });
    }
    this.purposeFor({ dataset: this.newDatasets.get(owner)!.id }, ok);
  }

  /**
   * Logged personal data is never allowed by a suggestion: most such log calls are defects, and the
   * finding would disappear from the review. It is listed, for a fix in the code or a deliberate edit.
   */
  private addLogging(f: Finding): void {
    const { ok, never } = declarable(f.categories, 'logging', this.taxonomy);
    if (never.length) this.skipped.push(`logging (${f.file}:${f.line}): ${neverComment(never, 'logging', this.taxonomy)}`);
    const missing = this.uncovered(ok, this.m.logging.allowedCategories);
    if (!missing.length) return;
    const labels = missing.map((c) => `${c} (${inline(this.taxonomy.label(c))})`).join(', ');
    this.skipped.push(
      `logging (${f.file}:${f.line}): ${labels} in a log call: redact it or log an id in the code; allow it in logging.allowedCategories by hand only if these logs must carry it`,
    );
  }

  /** The existing dataset of a model: one with fields of `Owner.…`, else one whose id is the model's. */
  private datasetOf(owner: string): number {
    const bySymbol = this.m.datasets.findIndex((d) => d.fields.some((x) => x.symbol === owner || x.symbol?.startsWith(`${owner}.`)));
    return bySymbol >= 0 ? bySymbol : this.m.datasets.findIndex((d) => d.id === datasetIdFor(owner));
  }

  /** Make the purposes of a flow (or a new dataset) cover `categories`: widen the first one, or plan a skeleton. */
  private purposeFor(link: { flow?: string; dataset?: string }, categories: string[], service?: string): void {
    const id = link.flow ?? link.dataset!;
    const linked = this.m.purposes
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => (link.flow ? p.flows.includes(id) : p.datasets.includes(id)));
    if (linked.length) {
      this.widen(
        this.widenPurpose,
        linked[0].i,
        linked.flatMap(({ p }) => p.categories),
        categories,
      );
      return;
    }
    const pending = this.newPurposes.get(id);
    if (pending) pending.categories = minimal([...pending.categories, ...categories], this.taxonomy);
    else
      this.newPurposes.set(id, {
        flows: link.flow ? [id] : [],
        datasets: link.dataset ? [id] : [],
        categories: minimal(categories, this.taxonomy),
        ...(service ? { service } : {}),
      });
  }

  private widen<K>(map: Map<K, string[]>, key: K, declared: readonly string[], wanted: readonly string[]): void {
    const missing = this.uncovered(wanted, [...declared, ...(map.get(key) ?? [])]);
    if (missing.length) map.set(key, minimal([...(map.get(key) ?? []), ...missing], this.taxonomy));
  }

  private uncovered(wanted: readonly string[], declared: readonly string[]): string[] {
    return wanted.filter((c) => !declared.some((d) => this.taxonomy.isWithin(c, d)));
  }

  apply(ed: YamlEditor): void {
    const m = this.m;
    for (const [i, cats] of this.widenFlow) {
      ed.appendScalars(['flows', i], 'categories', cats);
      this.added.push(`flow ${m.flows[i].id}: +${cats.join(', +')}`);
    }
    for (const [key, cats] of this.widenField) {
      const [i, j] = key.split('.').map(Number) as [number, number];
      ed.appendScalars(['datasets', i, 'fields', j], 'categories', cats);
      const field = m.datasets[i].fields[j];
      this.added.push(`dataset ${m.datasets[i].id}: ${field.symbol ?? field.path} +${cats.join(', +')}`);
    }
    for (const [i, fields] of this.newFields) {
      ed.appendMaps(
        ['datasets', i],
        'fields',
        fields.map((x) => fieldEntry(x.symbol, x.categories)),
      );
      for (const x of fields) this.added.push(`dataset ${m.datasets[i].id}: ${x.symbol}`);
    }
    for (const [i, cats] of this.widenPurpose) {
      ed.appendScalars(['purposes', i], 'categories', cats);
      this.added.push(`purpose ${m.purposes[i].id}: +${cats.join(', +')}`);
    }
    if (this.newDatasets.size) {
      const items = [...this.newDatasets.values()].map((d): YMap => [
        { key: 'id', value: d.id },
        { key: 'fields', value: d.fields.map((x) => fieldEntry(x.symbol, x.categories)) },
      ]);
      ed.appendMaps([], 'datasets', items);
      for (const d of this.newDatasets.values()) this.added.push(`dataset ${d.id}: ${d.fields.map((x) => x.symbol).join(', ')}`);
    }
    if (this.newFlows.size) {
      ed.appendMaps(
        [],
        'flows',
        [...this.newFlows.values()].map((f) => flowEntry(f.sink, f.categories)),
      );
      for (const f of this.newFlows.values()) this.added.push(`flow ${f.sink.id}`);
    }
    if (this.newPurposes.size) {
      const taken = new Set(m.purposes.map((p) => p.id));
      const items = [...this.newPurposes.entries()].map(([id, p]) => {
        const pid = uniqueId(id, taken);
        taken.add(pid);
        this.added.push(`purpose ${pid} (TODO: data use, legal basis, data subjects)`);
        return purposeSkeleton(pid, { flows: p.flows, datasets: p.datasets }, p.categories, this.taxonomy, p.service);
      });
      ed.appendMaps([], 'purposes', items);
    }
  }
}

/** Same rule as `matchFindings`: `User.email` covers itself, `User.*` every field of User, `path` a glob of files. */
function fieldCovers(field: DatasetField, f: Finding): boolean {
  if (field.symbol) {
    if (field.symbol === f.symbol) return true;
    if (field.symbol.endsWith('.*') && f.symbol.startsWith(field.symbol.slice(0, -1))) return true;
    if (!field.path) return false;
  }
  return field.path ? picomatch(field.path, { dot: true })(f.file) : false;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}
