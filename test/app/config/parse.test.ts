import { ConfigError } from '../../../src/config/errors.js';
import { mergeAppConfig, parseAppConfigFile } from '../../../src/app/config/parse.js';
import { DEFAULT_SETTINGS } from '../../../src/app/config/types.js';

/** `.github/privacy-review.yml`: App keys and the CLI's scan keys in one file, every problem at file:line. */
const FILE = '.github/privacy-review.yml';

function problems(text: string): string[] {
  try {
    parseAppConfigFile(text, FILE);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.line}:${p.column} ${p.message}${p.hint ? ` — ${p.hint}` : ''}`);
    throw e;
  }
  return [];
}

test('a full file', () => {
  const text = [
    'reviewers:',
    '  users: [priv, "@priv2"]',
    '  teams: [acme/privacy]',
    '  required: 2',
    'mode: warn',
    'manifest: ./docs/privacy.yml',
    'threshold: medium',
    'labels: {required: needs-privacy}',
    'templates: .github/privacy-review/',
    'drafts: review',
    'exclude: ["src/generated/**"]',
    'sinks:',
    '  - {id: acme-crm, kind: third_party, package: "@acme/crm", call: upsert}',
  ].join('\n');
  const file = parseAppConfigFile(text, FILE);
  expect(file.settings).toEqual({
    reviewers: { users: ['priv', 'priv2'], teams: ['acme/privacy'], required: 2 },
    mode: 'warn',
    manifest: 'docs/privacy.yml',
    threshold: 'medium',
    labels: { required: 'needs-privacy' },
    templates: '.github/privacy-review',
    drafts: 'review',
  });
  expect(file.scan?.exclude).toEqual(['src/generated/**']);
  expect(file.scan?.sinks[0]).toMatchObject({ id: 'acme-crm', call: 'upsert' });
});

test('App keys only: no scan configuration (the base side’s .privacy-review.yml applies)', () => {
  expect(parseAppConfigFile('mode: block\n', FILE).scan).toBeUndefined();
  expect(parseAppConfigFile('', FILE)).toEqual({ file: FILE, settings: {} });
});

test.each([
  ['mode: blok\n', ['1:7 mode must be block or warn, not "blok" — did you mean "block"?']],
  [
    'reviewers:\n  users: [priv, "not a login"]\n',
    ['2:17 reviewers.users[1] "not a login" is not a GitHub login — write a login, e.g. alice'],
  ],
  ['reviewers:\n  teams: [privacy]\n', ['2:11 reviewers.teams[0] "privacy" is not a GitHub team — write org/team-slug, e.g. acme/privacy']],
  ['reviewers:\n  user: [priv]\n', ['2:3 unknown key "user" in reviewers — did you mean "users"?']],
  ['reviewers: [priv]\n', ['1:12 reviewers must be a mapping — e.g. reviewers: {users: [alice], teams: [acme/privacy]}']],
  [
    'manifest: ../elsewhere.yml\n',
    ['1:11 manifest "../elsewhere.yml" must stay inside the repository (no "..") — e.g. manifest: .privacy/manifest.yml'],
  ],
  [
    'threshold: severe\n',
    ['1:12 threshold must be one of high, medium, low, not "severe" — findings below this severity are left out of the review'],
  ],
  [
    'labels: {required: 3}\n',
    ['1:20 labels.required must be a label name (at most 50 characters) or false — e.g. required: privacy-review-required'],
  ],
])('%j', (text, expected) => {
  expect(problems(text)).toEqual(expected);
});

test('scan keys are checked by the scan loader, at their own lines, with hints that know the App keys', () => {
  const text = 'mode: warn\nreviewers:\n  users: [priv]\nfailOn: hgih\nreviewer: x\n';
  expect(problems(text)).toEqual([
    '4:9 failOn must be one of high, medium, low, not "hgih" — did you mean "high"?',
    '5:1 unknown key "reviewer" — did you mean "reviewers"?',
  ]);
});

test('App and scan problems together, in line order', () => {
  expect(problems('exclude: 3\nmode: x\n')).toEqual([
    expect.stringMatching(/^1:10 exclude must be a list/),
    expect.stringMatching(/^2:7 mode must be block or warn/),
  ]);
});

test('YAML syntax errors come from the scan loader with their position', () => {
  expect(problems('mode: [block\n')[0]).toMatch(/^\d+:\d+ /);
});

test('a flow mapping at the top works too', () => {
  const file = parseAppConfigFile('{mode: warn, exclude: ["x/**"]}', FILE);
  expect(file.settings.mode).toBe('warn');
  expect(file.scan?.exclude).toEqual(['x/**']);
});

test('_extends chain: later files replace top-level keys', () => {
  const org = parseAppConfigFile('reviewers: {users: [orgpriv]}\nmode: warn\nexclude: [a]\n', 'acme/.github:.github/privacy-review.yml');
  const repo = parseAppConfigFile('_extends: .github\nmode: block\n', FILE);
  expect(repo.extends).toBe('.github');
  const merged = mergeAppConfig([org, repo]);
  expect(merged.settings).toEqual({ ...DEFAULT_SETTINGS, reviewers: { users: ['orgpriv'], teams: [], required: 1 }, mode: 'block' });
  expect(merged.scan?.exclude).toEqual(['a']);
  expect(merged.sources).toEqual(['acme/.github:.github/privacy-review.yml', FILE]);
});

test('labels: false turns the label off', () => {
  expect(parseAppConfigFile('labels: false\n', FILE).settings.labels).toEqual({ required: null });
});
