import { readFileSync } from 'node:fs';
import { parseAppConfigFile } from '../../src/app/config/parse.js';
import { DEFAULT_LIMITS } from '../../src/app/github/archive-checks.js';

/** The README's GitHub App section: its configuration example is valid and its limits are the code's. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## GitHub App'), readme.indexOf('## JSON output'));

test('the configuration example parses and means what it says', () => {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  const file = parseAppConfigFile(yaml!, 'README.md');
  expect(file.settings).toMatchObject({
    reviewers: { users: ['alice'], teams: ['acme/privacy'], required: 1 },
    mode: 'block',
    drafts: 'skip',
    labels: { required: 'privacy-review-required' },
  });
  expect(file.scan?.exclude).toEqual(['src/generated/**']);
});

test('the limits it states are the defaults', () => {
  expect(section).toContain(
    `more than ${DEFAULT_LIMITS.maxFiles.toLocaleString('en-US')} files or ${DEFAULT_LIMITS.maxDownloadBytes / 1024 / 1024} MB compressed`,
  );
  expect(section).toContain(`files over ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024} MB are skipped`);
  expect(section).toContain(`${DEFAULT_LIMITS.maxTotalBytes / 1024 / 1024 / 1024} GB uncompressed`);
});

test('branch protection names the check the App reports', async () => {
  const { CHECK_NAME } = await import('../../src/app/constants.js');
  expect(section).toContain(`add the check **\`${CHECK_NAME}\`**`);
});
