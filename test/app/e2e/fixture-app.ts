import { privateKey } from '../helpers/github.js';
import { makeTarball } from '../helpers/tarball.js';
import { startApp, type AppProcess } from './app-process.js';
import { APP, FakeGitHub } from './fake-github.js';
import { COMMITS } from './fixture-repo.js';

/**
 * The fake GitHub serving the fixture repository (acme/shop, author `dev`) with its tarballs, and
 * the real App pointed at it with this webhook secret. `config` is the default branch's
 * `.github/privacy-review.yml`; `env` adds to the App's environment.
 */
export async function startFixtureApp(secret: string, options: { config?: string; env?: Record<string, string> } = {}): Promise<{ fake: FakeGitHub; app: AppProcess; appEnv: Record<string, string> }> {
  const fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, 'dev');
  if (options.config !== undefined) fake.config = options.config;
  for (const c of Object.values(COMMITS)) {
    fake.tarballs.set(c.sha, await makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` }));
    fake.trees.set(c.sha, c.files);
  }
  const apiPort = await fake.start();
  const appEnv = { APP_ID: String(APP.id), PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: secret, GHE_HOST: `127.0.0.1:${apiPort}`, GHE_PROTOCOL: 'http', ...options.env };
  return { fake, app: await startApp(appEnv), appEnv };
}
