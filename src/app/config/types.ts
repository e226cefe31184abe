import type { Severity } from '../../core/contract.js';
import type { ScanConfig } from '../../config/types.js';

export type Mode = 'block' | 'warn';

/** The App's own settings in `.github/privacy-review.yml`, after validation and defaults. */
export interface AppSettings {
  /** Who may approve: GitHub logins, and teams as `org/team-slug`. */
  reviewers: { users: string[]; teams: string[]; required: number };
  /** `block`: an unapproved review is `action_required`, a failed one `failure`; `warn`: both `neutral`. */
  mode: Mode;
  /** Data-flow manifest path, relative to the repository root. */
  manifest: string;
  /** Findings below this severity are left out of the review (and out of its fingerprint). */
  threshold: Severity;
  /** Label put on pull requests that wait for a privacy approval; null: no label. */
  labels: { required: string | null };
  /** Directory (in the repository, read from the base side) with Markdown template overrides. */
  templates?: string;
  /** `skip`: a draft gets a neutral check and is reviewed once it is marked ready. */
  drafts: 'skip' | 'review';
}

export const DEFAULT_SETTINGS: AppSettings = {
  reviewers: { users: [], teams: [], required: 1 },
  mode: 'block',
  manifest: '.privacy/manifest.yml',
  threshold: 'low',
  labels: { required: 'privacy-review-required' },
  drafts: 'skip',
};

/** The whole repository configuration: App settings, and the scan keys shared with the CLI's `.privacy-review.yml`. */
export interface AppConfig {
  settings: AppSettings;
  /** Undefined when the file has none of the scan keys: the base side's `.privacy-review.yml` (or the defaults) applies. */
  scan?: ScanConfig;
  /** Files it was read from, e.g. `acme/.github:.github/privacy-review.yml` (empty: defaults). */
  sources: string[];
}

/** Top-level keys that belong to the App; everything else is validated as scan configuration. */
export { APP_KEYS } from '../../config/app-keys.js';
