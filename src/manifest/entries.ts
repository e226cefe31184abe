import type { Finding, SinkKind, SinkRef } from '../core/contract.js';
import { inline } from '../yaml/quote.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { TODO } from './data/legal.js';
import type { YField, YMap } from './emit.js';
import { AT_REST_KINDS } from './validate-rules.js';
import type { FlowKind } from './types.js';

/**
 * Manifest entries built from findings, shared by snippets, init and suggest so that all three
 * write the same declarations.
 */

/** `User` of `User.email` (and of `User.address.street`); a symbol without a dot is its own owner. */
export function ownerOf(symbol: string): string {
  const i = symbol.indexOf('.');
  return i < 0 ? symbol : symbol.slice(0, i);
}

/**
 * Dataset id for a model: its name in snake_case, not pluralised (`User` → `user`, `PaymentDetails`
 * → `payment_details`), so the id is predictable from the code and stable across runs.
 */
export function datasetIdFor(owner: string): string {
  const id = owner
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return id || 'dataset';
}

/** Categories that can be declared where the finding's data goes, and those that never can (PCI SAD at rest or in logs). */
export function declarable(
  categories: readonly string[],
  where: 'dataset' | 'logging' | FlowKind | SinkKind,
  taxonomy: Taxonomy,
): { ok: string[]; never: string[] } {
  const atRest = where === 'dataset' || where === 'logging' || AT_REST_KINDS.has(where);
  const ok: string[] = [];
  const never: string[] = [];
  for (const c of categories) (atRest && taxonomy.isPciSad(c) ? never : ok).push(c);
  return { ok, never };
}

/** Why a category was left out, as a comment line. */
export function neverComment(
  categories: readonly string[],
  where: 'dataset' | 'logging' | FlowKind | SinkKind,
  taxonomy: Taxonomy,
): string {
  const logged = where === 'logging' || where === 'logger' || where === 'error_reporter';
  const labels = categories.map((c) => `${c} (${inline(taxonomy.label(c))})`).join(', ');
  return `${labels}: PCI sensitive authentication data may never be ${logged ? 'logged' : 'stored'}; remove it from the code (PCI DSS 3.3.1)`;
}

/** A flow for a sink, with a TODO for the countries of a third party. */
export function flowEntry(sink: SinkRef, categories: readonly string[]): YMap {
  const fields: YField[] = [
    { key: 'id', value: sink.id },
    { key: 'kind', value: sink.kind },
    { key: 'categories', value: [...categories] },
  ];
  if (sink.kind === 'third_party') {
    fields.push({
      key: 'countries',
      value: [TODO],
      comment: `where ${sink.label ?? sink.id} processes the data (ISO 3166 codes), e.g. [US]`,
    });
  }
  return fields;
}

/** A dataset field declaring a pii-field finding. */
export function fieldEntry(symbol: string, categories: readonly string[]): YMap {
  return [
    { key: 'symbol', value: symbol },
    { key: 'categories', value: [...categories] },
  ];
}

/** Example data uses by a sink's service, for the TODO comment of a new purpose (a hint, never written as the value). */
const DATA_USE_EXAMPLES: Record<string, string> = {
  analytics: 'analytics.reporting',
  advertising: 'marketing.advertising',
  marketing: 'marketing.communications',
  email: 'essential.service.notifications.email',
  sms: 'essential.service.notifications.sms',
  payments: 'essential.service.payment_processing',
  support: 'essential.service.operations.support',
  chat: 'essential.service.operations.support',
  crm: 'marketing.communications',
  ai: 'essential.service.operations.support',
  search: 'essential.service',
};

/**
 * A purpose for flows or datasets that no purpose explains yet. Why data is processed and on which
 * legal basis only a person can say, so those are TODO (warnings in `manifest check`), with examples.
 */
export function purposeSkeleton(
  id: string,
  link: { flows?: readonly string[]; datasets?: readonly string[] },
  categories: readonly string[],
  taxonomy: Taxonomy,
  service?: string,
): YMap {
  const example = (service && DATA_USE_EXAMPLES[service]) || 'essential.service';
  const fields: YField[] = [
    { key: 'id', value: id },
    { key: 'dataUse', value: TODO, comment: `why: a fideslang data use, e.g. ${example}` },
    { key: 'dataSubjects', value: [TODO], comment: 'whose data, e.g. [customer]' },
    { key: 'categories', value: [...categories] },
    { key: 'legalBasis', value: TODO, comment: 'GDPR Art. 6(1), e.g. contract or consent (check lists all six)' },
  ];
  if (categories.some((c) => taxonomy.isSpecial(c))) {
    fields.push({ key: 'specialCategoryCondition', value: TODO, comment: 'GDPR Art. 9(2), e.g. explicit_consent' });
  }
  if (link.flows?.length) fields.push({ key: 'flows', value: [...link.flows] });
  if (link.datasets?.length) fields.push({ key: 'datasets', value: [...link.datasets] });
  return fields;
}

/** A new id that is not in `taken`: `id`, `id-2`, `id-3`, ... */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/** Sorted, without keys another key of the list already covers (`user.name` makes `user.name.first` redundant). */
export function minimal(keys: readonly string[], taxonomy: Taxonomy): string[] {
  const all = union(keys);
  return all.filter((k) => !all.some((other) => other !== k && taxonomy.isWithin(k, other)));
}

/** Sorted union. */
export function union(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Findings that need a declaration: suppressed ones are accepted in the code with a reason. */
export function unsuppressed(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed);
}
