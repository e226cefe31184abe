import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { privateKey } from '../helpers/github.js';
import { rawTarball, type RawEntry } from '../helpers/raw-tar.js';
import { makeTarball } from '../helpers/tarball.js';
import { startApp, deliver, waitFor, type AppProcess } from './app-process.js';
import { APP, FakeGitHub, person } from './fake-github.js';
import { COMMITS } from './fixture-repo.js';

/**
 * End to end: a pull request's author controls the head tarball. Crafted ones (a file 3,000
 * directories deep, a corrupt size field, hard links that would copy a file 1,200 times) each end
 * the check as a failure that says why, with a Re-run button; the App process survives them all
 * (the next, ordinary push is reviewed) and leaves no temporary tree behind.
 */
const SECRET = 'e2e-webhook-secret';
const top = 'acme-shop-crafted';
const CRAFTED: { name: string; sha: string; entries: RawEntry[]; reason: RegExp }[] = [
  {
    name: 'a file 3,000 directories deep',
    sha: 'a'.repeat(40),
    entries: [
      { path: `${top}/src/ok.ts`, body: 'export const ok = 1;\n' },
      { path: `${top}/${'a/'.repeat(3000)}deep.ts`, body: 'x' },
    ],
    reason: /the repository has a path of 6,007 bytes, over the App's limit of 1,024/,
  },
  {
    name: 'a size field larger than the data',
    sha: 'b'.repeat(40),
    entries: [
      { path: `${top}/src/ok.ts`, body: 'export const ok = 1;\n' },
      { path: `${top}/src/cut.ts`, body: 'export const', size: 100_000 },
    ],
    reason: /the repository archive is not a valid tar archive \(TAR_BAD_ARCHIVE: Truncated input/,
  },
  {
    name: 'hard links copying one file 1,200 times',
    sha: 'c'.repeat(40),
    entries: [
      { path: `${top}/big.bin`, body: Buffer.alloc(1024 * 1024) },
      ...Array.from({ length: 1200 }, (_, i): RawEntry => ({ path: `${top}/copy${i}.bin`, type: 'Link', linkpath: `${top}/big.bin` })),
    ],
    reason: /the repository is over the App's 1024 MB size limit \(hard links count as copies\)/,
  },
];

let fake: FakeGitHub;
let app: AppProcess;
let tmp: string;
let delivery = 0;

const base = () => ({ repository: fake.repository(), installation: { id: 99 }, organization: person('acme') });
const prEvent = (action: string, extra: object = {}) => ({
  action,
  number: 7,
  pull_request: fake.pull(),
  sender: person('dev'),
  ...base(),
  ...extra,
});
const send = (event: string, payload: object) => deliver(app.port, SECRET, event, payload, `crafted-${++delivery}`);
const settled = (sha: string) => {
  const run = fake.latestRun(sha);
  return run?.status === 'completed' ? run : undefined;
};

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-e2e-crafted-'));
  fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, 'dev');
  fake.config = 'reviewers:\n  users: [priv]\n';
  for (const c of [COMMITS.base, COMMITS.v1]) {
    fake.tarballs.set(c.sha, await makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` }));
    fake.trees.set(c.sha, c.files);
  }
  for (const c of CRAFTED) fake.tarballs.set(c.sha, rawTarball(c.entries));
  const apiPort = await fake.start();
  app = await startApp({
    APP_ID: String(APP.id),
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: `127.0.0.1:${apiPort}`,
    GHE_PROTOCOL: 'http',
    TMPDIR: tmp,
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('crafted head tarballs fail their checks with the reason; the App survives and reviews the next push', async () => {
  let before = COMMITS.base.sha;
  for (const crafted of CRAFTED) {
    fake.push(crafted.sha);
    expect(
      await send('pull_request', prEvent(before === COMMITS.base.sha ? 'opened' : 'synchronize', { before, after: crafted.sha })),
    ).toBe(200);
    const run = await waitFor(`the check of ${crafted.name}`, () => settled(crafted.sha));
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toBe('The privacy review could not run');
    expect(run.output.summary).toMatch(crafted.reason);
    expect(run.output.summary).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.actions).toEqual([expect.objectContaining({ identifier: 'rerun' })]);
    before = crafted.sha;
  }

  // The same process reviews an ordinary push: the undeclared Segment flow asks for approval.
  fake.push(COMMITS.v1.sha);
  expect(await send('pull_request', prEvent('synchronize', { before, after: COMMITS.v1.sha }))).toBe(200);
  const reviewed = await waitFor('the ordinary review', () => settled(COMMITS.v1.sha));
  expect(reviewed.conclusion).toBe('action_required');

  expect(fake.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
  expect(fake.violations).toEqual([]);
  expect(app.output()).not.toMatch(/uncaught|unhandled/i);
  // Every review's temporary trees are gone, the failed ones' included.
  expect((await fs.readdir(tmp)).filter((name) => name.startsWith('privacy-review-app-'))).toEqual([]);
}, 240_000);
