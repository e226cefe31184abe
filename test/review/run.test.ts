import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANALYZERS } from '../../analyzers/index.js';
import { reviewTrees, runReview } from '../../src/review/run.js';
import type { Review } from '../../src/review/types.js';
import { initRepo, tempDir } from './git-repo.js';

/* runReview / reviewTrees in process: the parts the CLI tests do not reach (the App calls reviewTrees). */

const LEAK = `import type { User } from './user';
export function greet(user: User) {
  console.log('hello', user.email);
}
`;
const USER = 'export interface User { id: string; email: string }\n';

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const brief = (r: Review) =>
  r.findings.map((f) => `${f.status} ${f.finding.rule} ${f.finding.file}${f.baseFile ? ` <- ${f.baseFile}` : ''}`).sort();

test('reviewTrees on two plain directories follows the renames it is given; no manifest means nothing is declared', async () => {
  const baseDir = tree({ 'src/user.ts': USER, 'src/greet.ts': LEAK });
  const headDir = tree({ 'src/user.ts': USER, 'src/hello.ts': LEAK });
  const r = await reviewTrees({
    baseDir,
    headDir,
    renames: new Map([['src/greet.ts', 'src/hello.ts']]),
    analyzers: ANALYZERS,
    base: { ref: 'b' },
    head: { ref: 'h' },
  });
  expect(brief(r)).toEqual([
    'unchanged pii-field src/user.ts',
    'unchanged pii-field src/user.ts',
    'unchanged pii-logging src/hello.ts <- src/greet.ts',
  ]);
  expect(r.manifest).toMatchObject({ file: '.privacy/manifest.yml', present: false, valid: true, problems: [], changes: [] });
  expect(r.findings.every((f) => !f.declared)).toBe(true);
  expect(r.verdict.decision).toBe('pass');
  expect(r.stats).toMatchObject({ baseFiles: 2, headFiles: 2 });
  expect(r.base).toEqual({ ref: 'b' });
});

test('reviewTrees takes the configuration from the base directory, and notes a change on head', async () => {
  const ignoreAll = 'ignore:\n  - paths: ["src/**"]\n    reason: fixtures\n';
  const baseDir = tree({ 'src/user.ts': USER, '.privacy-review.yml': ignoreAll });
  const headDir = tree({ 'src/user.ts': USER, 'src/greet.ts': LEAK });
  const r = await reviewTrees({ baseDir, headDir, analyzers: ANALYZERS });
  // the base's ignore applies to the head's new leak; the head removing the file changes nothing
  expect(r.findings.filter((f) => f.status === 'new').map((f) => [f.finding.rule, f.finding.suppressed])).toEqual([['pii-logging', true]]);
  expect(r.notes).toEqual([
    "This pull request removes .privacy-review.yml; the review used the base side's configuration (the change applies once merged).",
  ]);
});

describe('runReview in a monorepo package', () => {
  const manifest = (extra = '') => `version: 1\nsystem:\n  name: api\nlogging:\n  allowedCategories: [user.unique_id${extra}]\n`;
  let repo: ReturnType<typeof initRepo>;
  beforeAll(() => {
    repo = initRepo();
    repo.write({
      'packages/api/src/user.ts': USER,
      'packages/api/src/greet.ts': LEAK,
      'packages/api/privacy/manifest.yml': manifest(),
      'packages/web/src/other.ts': LEAK.replace('./user', '../../api/src/user'),
      'config/privacy.yml': 'ignore:\n  - paths: ["**/greet.ts"]\n    reason: demo output\n',
    });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('mv', 'packages/api/src/greet.ts', 'packages/api/src/welcome.ts');
    repo.write({
      'packages/api/privacy/manifest.yml': manifest(', user.contact.email'),
      'packages/web/src/more.ts': LEAK,
      // the pull request loosens the shared configuration: it must not apply to its own review
      'config/privacy.yml': 'ignore:\n  - paths: ["**"]\n    reason: everything\n',
    });
    repo.commit('feature');
  });

  test('only the package is reviewed, its renames followed, its manifest diffed, the configuration read from the base commit', async () => {
    const options = {
      dir: path.join(repo.dir, 'packages/api'),
      base: 'main',
      head: 'feature',
      analyzers: ANALYZERS,
      manifestPath: 'privacy/manifest.yml',
      configFile: path.join(repo.dir, 'config/privacy.yml'),
    };
    // the changed files of the package only (the rename; packages/web and config/ are outside it)
    const changed = await runReview(options);
    expect(brief(changed)).toEqual(['unchanged pii-logging src/welcome.ts <- src/greet.ts']);
    expect(changed.stats.scope).toEqual({ mode: 'changed', changed: 3, dependents: 0, cutOff: 0, loaded: { base: 2, head: 2 } });
    const r = await runReview({ ...options, full: true });
    expect(brief(r)).toEqual([
      'unchanged pii-field src/user.ts',
      'unchanged pii-field src/user.ts',
      'unchanged pii-logging src/welcome.ts <- src/greet.ts',
    ]);
    // the base's ignore pattern (**/greet.ts) no longer matches the renamed file, the head's (**) is not used
    expect(r.findings.find((f) => f.finding.rule === 'pii-logging')?.finding.suppressed).toBe(false);
    expect(r.manifest.changes.map((c) => c.summary)).toEqual(['logging policy `logging`: now allows in logs user.contact.email']);
    expect(r.notes).toEqual([
      "This pull request changes config/privacy.yml; the review used the base side's configuration (the change applies once merged).",
    ]);
    expect(r.head).toEqual({ ref: 'feature', sha: repo.git('rev-parse', 'feature').trim() });
    expect(r.base.sha).toBe(repo.git('rev-parse', 'main').trim());
  });
});

test('an unreadable manifest: on head it fails without listing every entry as removed; on base everything head declares is new', async () => {
  const good = 'version: 1\nsystem:\n  name: api\nlogging:\n  allowedCategories: [user.unique_id]\n';
  const broken = 'version: 1\nsystem: [name: api\n';
  const brokenHead = await reviewTrees({
    baseDir: tree({ '.privacy/manifest.yml': good }),
    headDir: tree({ '.privacy/manifest.yml': broken }),
    analyzers: ANALYZERS,
  });
  expect(brokenHead.manifest).toMatchObject({ present: true, valid: false, changes: [] });
  expect(brokenHead.manifest.problems[0]).toMatchObject({ file: '.privacy/manifest.yml', severity: 'error', code: 'yaml-syntax' });
  expect(brokenHead.verdict.decision).toBe('fail');
  const fixedOnHead = await reviewTrees({
    baseDir: tree({ '.privacy/manifest.yml': broken }),
    headDir: tree({ '.privacy/manifest.yml': good }),
    analyzers: ANALYZERS,
  });
  expect(fixedOnHead.manifest.changes.map((c) => `${c.change} ${c.entity}`)).toEqual(['added system', 'widened logging']);
  expect(fixedOnHead.verdict.decision).toBe('review_required');
});
