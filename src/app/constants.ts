/** The check run's name: branch protection rules require it by this name. */
export const CHECK_NAME = 'Privacy review';

/** Hidden first line of the App's sticky PR comment; only comments the App's bot wrote count. */
export const COMMENT_MARKER = '<!-- privacy-review:v1 -->';

/** Default path of the repository configuration, read from the default branch. */
export const APP_CONFIG_PATH = '.github/privacy-review.yml';

/** Check run requested actions (identifier ≤ 20 characters, label ≤ 20, description ≤ 40: GitHub's limits). */
export const ACTIONS = {
  approve: { label: 'Approve', identifier: 'approve', description: 'Privacy reviewers: approve this review' },
  rerun: { label: 'Re-run', identifier: 'rerun', description: 'Run the privacy review again' },
} as const;

/** GitHub's limit for a check run's `output.summary` and `output.text`, and for a comment body. */
export const GITHUB_TEXT_LIMIT = 65_535;

/** GitHub accepts at most 50 annotations per check run create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
