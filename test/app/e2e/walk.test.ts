import { deliver, type AppProcess } from './app-process.js';
import type { FakeGitHub } from './fake-github.js';
import { startFixtureApp } from './fixture-app.js';
import { walk } from './walk-scenario.js';

/**
 * End to end: the real App process (`npm start`'s entry) on loopback, correctly signed webhooks
 * over HTTP, and a fake GitHub API (GHE_HOST) that serves the fixture repository's tarballs and
 * checks every request against GitHub's OpenAPI description; the walk is in walk-scenario.ts
 * (walk-shared.test.ts runs it on web and worker processes sharing Redis).
 */
const SECRET = 'e2e-webhook-secret';

let fake: FakeGitHub;
let app: AppProcess;
let delivery = 0;

beforeAll(async () => {
  ({ fake, app } = await startFixtureApp(SECRET, { config: 'reviewers:\n  users: [priv]\n' }));
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

test('the walk', async () => {
  await walk({
    fake,
    send: (event, payload) => deliver(app.port, SECRET, event, payload, `e2e-${++delivery}`),
    forged: (secret, event, payload, id) => deliver(app.port, secret, event, payload, id),
    output: () => app.output(),
  });
}, 240_000);
