/**
 * Settings of the GitHub App that share `.github/privacy-review.yml` with the scan settings. The App
 * validates them (src/app/config); the CLI accepts and ignores them, so one file serves both.
 */
export const APP_KEYS = ['reviewers', 'mode', 'manifest', 'threshold', 'labels', 'templates', 'drafts', '_extends'] as const;
