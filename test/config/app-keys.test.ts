import { parseConfig } from '../../src/config/load.js';
import { APP_KEYS } from '../../src/config/app-keys.js';

// One `.github/privacy-review.yml` serves the GitHub App and the CLI: the CLI must accept the App's keys.
test('the App settings are accepted and do not change the scan configuration', () => {
  const text = [
    'reviewers: { users: [alice], teams: [acme/privacy] }',
    'mode: block',
    'manifest: .privacy/manifest.yml',
    'threshold: medium',
    'labels: { required: privacy-review-required }',
    'drafts: skip',
    'failOn: low',
    'exclude: ["legacy/**"]',
  ].join('\n');
  const config = parseConfig(text, '.github/privacy-review.yml');
  expect(config.failOn).toBe('low');
  expect(config.exclude).toEqual(['legacy/**']);
  expect(config).not.toHaveProperty('reviewers');
});

test('a typo of an App key is still an unknown key', () => {
  expect(() => parseConfig('reviewer: { users: [alice] }', '.github/privacy-review.yml')).toThrow(/reviewer/);
  expect(APP_KEYS).toContain('reviewers');
});
