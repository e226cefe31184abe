#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { createProbot, run, type Probot } from 'probot';
import type { LevelWithSilent } from 'pino';
import { createPrivacyReview } from './app.js';
import { startWebhookProxy } from './events/webhook-proxy.js';
import { startWebhookServer } from './events/webhook-server.js';
import { createSafeLogger } from './log.js';
import { deploymentFromEnv, DeploymentError, optionsFromEnv, type Deployment } from './options.js';
import { operatorAnalyzers } from './custom-analyzers.js';
import { startSharedApp } from './roles/start.js';

/**
 * `npm start`: Probot's standard environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
 * WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, WEBHOOK_PROXY_URL, GHE_HOST, LOG_LEVEL, ... and
 * `.env`) with a logger that never writes webhook payloads. With credentials, the App is served by
 * its own Node server: webhook bodies pass the App's intake guard (size cap, headers, signature),
 * then its delivery route answers and hands them to the handlers through the Webhooks object's
 * public `receive` (see events/delivery-route.ts); without APP_ID, Probot's runner serves the manifest flow that registers the App from app.yml. The first
 * review worker starts with the server (so the first review does not wait for the engine to
 * load); SIGTERM stops the server and the workers, then exits.
 * With PRIVACY_REVIEW_REDIS_URL, the process is one of the shared queue's web and worker processes
 * (PRIVACY_REVIEW_ROLE): see roles/start.ts; SIGTERM then finishes running reviews for up to
 * SHARED_GRACE_MS and hands the others back to the queue.
 */
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

loadDotEnv();
const level = LEVELS.has(process.env.LOG_LEVEL ?? '') ? (process.env.LOG_LEVEL as LevelWithSilent) : 'info';
const log = createSafeLogger({ level });
const deployment = deploymentOrExit();
await customAnalyzersOrExit();
const SHARED_GRACE_MS = 8_000;

if (deployment.shared) {
  if (!(Number(process.env.APP_ID) > 0)) {
    log.fatal('the shared queue (PRIVACY_REVIEW_REDIS_URL) needs the App’s credentials: set APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH');
    process.exit(1);
  }
  const shared = await startSharedApp({
    role: deployment.role,
    shared: deployment.shared,
    probot: probotFromEnv(),
    log,
    host: process.env.HOST || 'localhost',
    port: Number(process.env.PORT) || 3000,
    app: optionsFromEnv(process.env),
  });
  const stopShared = () => {
    setTimeout(() => process.exit(0), SHARED_GRACE_MS + 5_000).unref();
    void shared.stop(SHARED_GRACE_MS).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stopShared);
  process.once('SIGINT', stopShared);
} else {
  await startInProcess();
}

/** `npm start` as before: the in-process queue and this process's worker threads. */
async function startInProcess(): Promise<void> {
  const privacyReview = createPrivacyReview({ ...optionsFromEnv(process.env), warm: true });
  const probot = Number(process.env.APP_ID) > 0 ? probotFromEnv() : undefined;
  const stops: (() => Promise<unknown>)[] = [];

  if (probot) {
    const host = process.env.HOST || 'localhost';
    const server = await startWebhookServer({
      host,
      port: Number(process.env.PORT) || 3000,
      intake: privacyReview.webhookIntake(probot),
      middleware: await loaded(privacyReview, probot),
      log,
    });
    stops.push(() => server.stop());
    if (process.env.WEBHOOK_PROXY_URL) {
      const proxy = await startWebhookProxy(process.env.WEBHOOK_PROXY_URL, `http://${host}:${server.port}${probot.webhookPath}`, log);
      if (proxy) stops.push(() => proxy.stop());
    }
  } else {
    const server = await run(privacyReview.app, { log });
    stops.push(() => server.stop());
  }

  const shutDown = () => {
    setTimeout(() => process.exit(0), 5_000).unref(); // connections that do not close
    void Promise.allSettled([...stops.map((stop) => stop()), privacyReview.close()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

/** The queue and role from the environment; a setting that cannot be used ends the process with what to change. */
function deploymentOrExit(): Deployment {
  try {
    return deploymentFromEnv(process.env);
  } catch (e) {
    if (!(e instanceof DeploymentError)) throw e;
    log.fatal(`the App cannot start: ${e.message}`);
    process.exit(1);
  }
}

/** Load the App into Probot; its webhook route (public Webhooks API, no Probot middleware) serves the deliveries. */
async function loaded(privacyReview: ReturnType<typeof createPrivacyReview>, probot: Probot) {
  await probot.load(privacyReview.app);
  return privacyReview.deliveryRoute(probot);
}

/** The operator's custom analyzers (PRIVACY_REVIEW_ANALYZERS) load, or the App does not start. */
async function customAnalyzersOrExit(): Promise<void> {
  try {
    const custom = await operatorAnalyzers(process.env);
    if (custom.length) log.info({ analyzers: custom.map((a) => a.meta.name) }, 'custom analyzers loaded');
  } catch (e) {
    log.fatal(`the App cannot start: ${e instanceof Error ? e.message : String(e)} (PRIVACY_REVIEW_ANALYZERS)`);
    process.exit(1);
  }
}

/** `.env` over the environment, as Probot's runner loads it. */
function loadDotEnv(): void {
  let text: string;
  try {
    text = readFileSync('.env', 'utf8');
  } catch {
    return;
  }
  Object.assign(process.env, parseEnv(text));
}

/** Probot from the environment; a missing private key is a clear error, not a stack trace. */
function probotFromEnv(): Probot {
  try {
    return createProbot({ overrides: { log } });
  } catch (e) {
    log.fatal(
      { reason: e instanceof Error ? e.message.split('\n')[0] : String(e) },
      'the App cannot start: set PRIVATE_KEY or PRIVATE_KEY_PATH',
    );
    process.exit(1);
  }
}
