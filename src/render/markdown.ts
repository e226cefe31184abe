import type { Review } from '../review/types.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import { digest } from './digest.js';
import { cutToLength, tidy } from './limit.js';
import { linkBuilder } from './links.js';
import { loadTemplates } from './templates.js';
import { DEFAULT_MAX_LENGTH, type RenderOptions } from './types.js';
import { buildView, FULL_DETAIL, viewContext, type Detail } from './view.js';

/** No checklist item renders shorter than this; more items than `maxLength / MIN_ITEM` can never fit. */
const MIN_ITEM_LENGTH = 40;

/**
 * The PR checklist. Never longer than `maxLength`: when the full checklist is too long it drops, in
 * this order, the traces, the manifest snippets, then checklist items from the least severe up
 * ("… and N more findings"), then the diagram and the secondary lists, keeping the summary and the
 * reviewer checklist. Only if even that is too long is the text cut, after closing what is open.
 */
export function renderChecklist(review: Review, options: Omit<RenderOptions, 'format'>): string {
  const max = Math.floor(options.maxLength ?? DEFAULT_MAX_LENGTH);
  if (!(max > 0)) throw new RangeError(`maxLength must be a positive number, got ${options.maxLength}.`);
  const marker = options.marker ? `${checkMarker(options.marker)}\n` : '';
  const budget = max - marker.length;
  if (budget < 0) throw new RangeError(`maxLength ${max} is shorter than the marker.`);
  const templates = loadTemplates(options.templatesDir);
  const d = digest(review);
  const ctx = viewContext(review, d, options.taxonomy ?? Taxonomy.default(), linkBuilder(options.links));
  const render = (detail: Detail) => tidy(templates.render(buildView(ctx, detail)));
  const fits = (text: string) => text.length <= budget;

  const cap = Math.min(d.actionable.length, Math.floor(budget / MIN_ITEM_LENGTH));
  const full: Detail = { ...FULL_DETAIL, maxItems: cap };
  for (const detail of [full, { ...full, traces: false }, { ...full, traces: false, snippets: false }]) {
    const out = render(detail);
    if (fits(out)) return marker + out;
  }
  const lean: Detail[] = [
    { ...full, traces: false, snippets: false },
    { ...full, traces: false, snippets: false, diagram: false, listLimit: 10 },
    { ...full, traces: false, snippets: false, diagram: false, listLimit: 0 },
  ];
  for (const detail of lean) {
    const out = mostItems(detail, cap, render, fits);
    if (out !== undefined) return marker + out;
  }
  const smallest = render({ ...lean[lean.length - 1], maxItems: 0 });
  return marker + cutToLength(smallest, budget);
}

/** The render with the most checklist items that fits (binary search: length grows with items). */
function mostItems(detail: Detail, cap: number, render: (d: Detail) => string, fits: (s: string) => boolean): string | undefined {
  let best: string | undefined;
  let lo = 0;
  let hi = cap;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const out = render({ ...detail, maxItems: mid });
    if (fits(out)) {
      best = out;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/** The marker must be one HTML comment, or it would show (or hide the comment's start). */
function checkMarker(marker: string): string {
  if (!/^<!--(?!-?>)[\s\S]*-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
    throw new RangeError(`marker must be a single HTML comment such as "<!-- privacy-review:v1 -->", got ${JSON.stringify(marker)}.`);
  }
  return marker;
}
