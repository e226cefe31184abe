import type { Probot } from 'probot';

export interface AppIdentity {
  id: number;
  slug: string;
  /** The login the App comments as: `<slug>[bot]`. */
  botLogin: string;
}

/** The App's own id and bot login (`GET /app`, once): to find its comment and skip its own events. */
export function identityLoader(app: Probot): () => Promise<AppIdentity> {
  let cached: Promise<AppIdentity> | undefined;
  return () => {
    cached ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error('GET /app returned no slug');
      return { id: data.id, slug: data.slug, botLogin: `${data.slug}[bot]` };
    })().catch((e: unknown) => {
      cached = undefined; // try again on the next event
      throw e;
    });
    return cached;
  };
}
