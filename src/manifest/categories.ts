import type { Manifest } from './types.js';
import type { ManifestPath } from './positions.js';

/** Where a category list sits and what it declares, for rules that treat each list differently. */
export interface CategoryList {
  path: ManifestPath;
  list: string[];
  where: 'dataset' | 'flow' | 'purpose' | 'logging' | 'exception';
  /** Index of the dataset, flow, purpose or exception. */
  index: number;
}

/** Every category list of the manifest, with its document path. */
export function categoryLists(m: Manifest): CategoryList[] {
  const out: CategoryList[] = [];
  m.datasets.forEach((d, i) =>
    d.fields.forEach((f, j) =>
      out.push({ path: ['datasets', i, 'fields', j, 'categories'], list: f.categories, where: 'dataset', index: i }),
    ),
  );
  m.flows.forEach((f, i) => out.push({ path: ['flows', i, 'categories'], list: f.categories, where: 'flow', index: i }));
  m.purposes.forEach((p, i) => out.push({ path: ['purposes', i, 'categories'], list: p.categories, where: 'purpose', index: i }));
  out.push({ path: ['logging', 'allowedCategories'], list: m.logging.allowedCategories, where: 'logging', index: 0 });
  m.exceptions.forEach(
    (e, i) => e.categories && out.push({ path: ['exceptions', i, 'categories'], list: e.categories, where: 'exception', index: i }),
  );
  return out;
}
