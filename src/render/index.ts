import type { Review } from '../review/types.js';
import { renderReviewJson } from './json.js';
import { renderChecklist } from './markdown.js';
import { renderReviewSarif } from './sarif.js';
import { renderReviewText } from './text.js';
import type { RenderOptions } from './types.js';

export { REVIEW_FORMATS, DEFAULT_MAX_LENGTH, type ReviewFormat, type RenderOptions } from './types.js';
export { TemplateError, clearTemplateCache } from './templates.js';
export { reviewSarif } from './sarif.js';

/**
 * Render a PR review: `markdown` is the checklist for the PR comment and check run (at most
 * `maxLength` characters), `text` the terminal version, `json` the Review object with a stable key
 * order, `sarif` the findings under review as SARIF 2.1.0. Reads only the template files.
 */
export function renderReview(review: Review, options: RenderOptions): string {
  switch (options.format) {
    case 'markdown':
      return renderChecklist(review, options);
    case 'text':
      return renderReviewText(review, { color: options.color ?? false, ...(options.width ? { width: options.width } : {}) });
    case 'json':
      return renderReviewJson(review);
    case 'sarif':
      return renderReviewSarif(review, { rules: options.rules ?? [], ...(options.taxonomy ? { taxonomy: options.taxonomy } : {}) });
    default:
      throw new RangeError(
        `Unknown review format ${JSON.stringify((options as { format: unknown }).format)}; use markdown, text, json or sarif.`,
      );
  }
}
