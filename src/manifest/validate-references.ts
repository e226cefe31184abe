import { closest } from '../config/suggest.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { inline, quote } from '../yaml/quote.js';
import type { Problems } from './problems.js';
import type { Manifest } from './types.js';

/**
 * Ids and what refers to them: duplicate ids, purposes naming flows or datasets that do not exist, and
 * processing no purpose explains (GDPR Art. 5(1)(b): every flow and dataset needs a purpose).
 */
export function validateReferences(m: Manifest, taxonomy: Taxonomy, problems: Problems): void {
  const flowIds = uniqueIds('flow', 'flows', m.flows, problems);
  const datasetIds = uniqueIds('dataset', 'datasets', m.datasets, problems);
  uniqueIds('purpose', 'purposes', m.purposes, problems);
  uniqueIds('exception', 'exceptions', m.exceptions, problems);

  const purposesOfFlow = new Map<string, number[]>();
  const purposesOfDataset = new Map<string, number[]>();
  m.purposes.forEach((p, i) => {
    p.flows.forEach((id, j) => {
      if (!id) return;
      if (flowIds.has(id)) push(purposesOfFlow, id, i);
      else dangling('flow', id, ['purposes', i, 'flows', j], [...flowIds.keys()], problems);
    });
    p.datasets.forEach((id, j) => {
      if (!id) return;
      if (datasetIds.has(id)) push(purposesOfDataset, id, i);
      else dangling('dataset', id, ['purposes', i, 'datasets', j], [...datasetIds.keys()], problems);
    });
  });

  // As in matchFindings: a purpose's key covers the key itself and its descendants (`user.contact` covers `user.contact.email`).
  const related = (c: string, purposeKey: string) => taxonomy.isWithin(c, purposeKey);
  m.flows.forEach((f, i) => {
    if (!f.id) return;
    const linked = purposesOfFlow.get(f.id);
    if (!linked) {
      problems.warning(
        'flow-without-purpose',
        ['flows', i],
        `flow ${quote(f.id)} is not named by any purpose`,
        `add ${quote(f.id)} to the flows of the purpose it serves`,
      );
      return;
    }
    f.categories.forEach((c, j) => {
      if (!c || !taxonomy.has(c) || linked.some((p) => m.purposes[p].categories.some((pc) => related(c, pc)))) return;
      problems.warning(
        'category-without-purpose',
        ['flows', i, 'categories', j],
        `flow ${quote(f.id)} sends ${c}, which no purpose naming this flow lists`,
        `add ${c} to the categories of ${linked.map((p) => `purpose ${quote(m.purposes[p].id)}`).join(' or ')}`,
      );
    });
  });
  m.datasets.forEach((d, i) => {
    if (!d.id) return;
    const linked = purposesOfDataset.get(d.id);
    if (!linked) {
      problems.warning(
        'dataset-without-purpose',
        ['datasets', i],
        `dataset ${quote(d.id)} is not named by any purpose`,
        `add ${quote(d.id)} to the datasets of the purpose it serves`,
      );
      return;
    }
    d.fields.forEach((field, j) =>
      field.categories.forEach((c, k) => {
        if (!c || !taxonomy.has(c) || linked.some((p) => m.purposes[p].categories.some((pc) => related(c, pc)))) return;
        problems.warning(
          'category-without-purpose',
          ['datasets', i, 'fields', j, 'categories', k],
          `dataset ${quote(d.id)} holds ${c}, which no purpose naming this dataset lists`,
          `add ${c} to the categories of ${linked.map((p) => `purpose ${quote(m.purposes[p].id)}`).join(' or ')}`,
        );
      }),
    );
  });
}

/** Ids of a section and the index of their first declaration; later declarations are errors. */
function uniqueIds(what: string, section: string, entries: readonly { id: string }[], problems: Problems): Map<string, number> {
  const ids = new Map<string, number>();
  entries.forEach((e, i) => {
    if (!e.id) return;
    const first = ids.get(e.id);
    if (first === undefined) {
      ids.set(e.id, i);
      return;
    }
    const line = problems.positions.locate([section, first, 'id']).line;
    problems.error(
      'duplicate-id',
      [section, i, 'id'],
      `${what} id ${quote(e.id)} is declared twice (first on line ${line})`,
      `merge the two ${section} entries or rename one`,
    );
  });
  return ids;
}

function dangling(what: 'flow' | 'dataset', id: string, path: (string | number)[], known: string[], problems: Problems): void {
  problems.error(`dangling-${what}`, path, `purpose names ${what} ${quote(id)}, which is not declared under ${what}s`, () => {
    const s = closest(id, known);
    return s
      ? `did you mean ${quote(s)}?`
      : known.length
        ? `declared ${what}s: ${known.slice(0, 10).map(inline).join(', ')}`
        : `declare it under ${what}s first`;
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
