import type { AnalyzerMeta } from '../core/analyzer.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

export const REVIEW_FORMATS = ['markdown', 'text', 'json', 'sarif'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/** GitHub's limit for an issue comment body and a check run's `output.summary`. */
export const DEFAULT_MAX_LENGTH = 65_535;

export interface RenderOptions {
  format: ReviewFormat;
  /**
   * A repository's own templates: files named like the built-in ones (`checklist.md.hbs`,
   * `summary.md.hbs`, ...) replace them; other `*.md.hbs` files become extra partials.
   */
  templatesDir?: string;
  /** To link code: `repoUrl/blob/headSha/file#Lline`. Without it locations are plain `file:line`. */
  links?: { repoUrl: string; headSha: string };
  /** Upper bound on the Markdown's length in characters (default 65,535). */
  maxLength?: number;
  /** A hidden HTML comment put first, by which the App finds its sticky comment: `<!-- privacy-review:v1 -->`. */
  marker?: string;
  /** Rule metadata for SARIF rule descriptors (the CLI passes the analyzers' `meta`; render never imports analyzers). */
  rules?: readonly AnalyzerMeta[];
  /** Category labels and sensitivity tags (default: the built-in taxonomy; pass one with the project's custom categories). */
  taxonomy?: Taxonomy;
  /** ANSI colours in the text format. */
  color?: boolean;
  /** Terminal width: the text format wraps longer lines at word boundaries. */
  width?: number;
}
