import type { Logger } from 'pino';

interface Smee {
  start(): unknown;
  stop?(): unknown;
}
type SmeeClientClass = new (options: { source: string; target: string; logger: Logger }) => Smee;

/**
 * WEBHOOK_PROXY_URL, for development: forward the deliveries of a smee.io channel to the App's
 * server, as Probot's own server does, when `smee-client` is installed (it is not a dependency).
 */
export async function startWebhookProxy(source: string, target: string, log: Logger): Promise<{ stop(): Promise<void> } | undefined> {
  let SmeeClient: SmeeClientClass | undefined;
  try {
    const specifier = 'smee-client'; // not a dependency: resolved at run time only
    const module = (await import(specifier)) as { SmeeClient?: SmeeClientClass; default?: SmeeClientClass };
    SmeeClient = module.SmeeClient ?? module.default;
  } catch {
    SmeeClient = undefined;
  }
  if (!SmeeClient) {
    log.warn('Run `npm install --save-dev smee-client` to proxy webhooks to localhost.');
    return undefined;
  }
  const client = new SmeeClient({ source, target, logger: log });
  await client.start();
  return { stop: async () => void (await client.stop?.()) };
}
