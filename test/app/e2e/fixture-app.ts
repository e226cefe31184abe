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
export async function startFixtureApp(
  secret: string,
  options: { config?: string; env?: Record<string, string> } = {},
): Promise<{ fake: FakeGitHub; app: AppProcess; appEnv: Record<string, string> }> {
  const { fake, appEnv } = await startFixtureGitHub(secret, options);
  return { fake, app: await startApp(appEnv), appEnv };
}

/** The fake GitHub alone, and the environment that points an App at it. */
export async function startFixtureGitHub(
  secret: string,
  options: { config?: string; env?: Record<string, string> } = {},
): Promise<{ fake: FakeGitHub; appEnv: Record<string, string> }> {
  const fake = new FakeGitHub('acme', 'shop', COMMITS.base.sha, 'dev');
  if (options.config !== undefined) fake.config = options.config;
  for (const c of Object.values(COMMITS)) {
    fake.tarballs.set(c.sha, await makeTarball(c.files, { top: `acme-shop-${c.sha.slice(0, 7)}` }));
    fake.trees.set(c.sha, c.files);
  }
  const apiPort = await fake.start();
  const appEnv = {
    APP_ID: String(APP.id),
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET: secret,
    GHE_HOST: `127.0.0.1:${apiPort}`,
    GHE_PROTOCOL: 'http',
    ...options.env,
  };
  return { fake, appEnv };
}

export interface Cluster {
  webs: AppProcess[];
  workers: AppProcess[];
  /** Start one more process of a role (a replacement after a kill). */
  add(role: 'web' | 'worker'): Promise<AppProcess>;
  stop(): Promise<void>;
}

/** The App as separate web and worker processes on one Redis (PRIVACY_REVIEW_REDIS_URL, a fresh prefix). */
export async function startCluster(
  appEnv: Record<string, string>,
  redis: { url: string; prefix: string },
  counts: { webs: number; workers: number },
): Promise<Cluster> {
  const start = (role: 'web' | 'worker') =>
    startApp({ ...appEnv, PRIVACY_REVIEW_REDIS_URL: redis.url, PRIVACY_REVIEW_REDIS_PREFIX: redis.prefix, PRIVACY_REVIEW_ROLE: role });
  const webs: AppProcess[] = [];
  const workers: AppProcess[] = [];
  const add = async (role: 'web' | 'worker') => {
    const p = await start(role);
    (role === 'web' ? webs : workers).push(p);
    return p;
  };
  try {
    await Promise.all([
      ...Array.from({ length: counts.webs }, () => add('web')),
      ...Array.from({ length: counts.workers }, () => add('worker')),
    ]);
  } catch (e) {
    await Promise.allSettled([...webs, ...workers].map((p) => p.stop()));
    throw e;
  }
  return { webs, workers, add, stop: async () => void (await Promise.allSettled([...webs, ...workers].map((p) => p.stop()))) };
}
