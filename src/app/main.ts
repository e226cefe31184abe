#!/usr/bin/env node
import { run } from 'probot';
import type { LevelWithSilent } from 'pino';
import { createPrivacyReview } from './app.js';
import { createSafeLogger } from './log.js';
import { optionsFromEnv } from './options.js';

/**
 * `npm start`: Probot's standard runner (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET,
 * PORT, HOST, GHE_HOST, LOG_LEVEL, ... and `.env`; without APP_ID it serves the manifest flow that
 * registers the App from app.yml) with a logger that never writes webhook payloads. The first
 * review worker starts with the server (so the first review does not wait for the engine to load);
 * SIGTERM stops the server and the workers, then exits.
 */
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);
const level = LEVELS.has(process.env.LOG_LEVEL ?? '') ? (process.env.LOG_LEVEL as LevelWithSilent) : 'info';
const privacyReview = createPrivacyReview({ ...optionsFromEnv(process.env), warm: true });
const server = await run(privacyReview.app, { log: createSafeLogger({ level }) });
process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 5_000).unref(); // connections that do not close
  void Promise.allSettled([server.stop(), privacyReview.close()]).then(() => process.exit(0));
});
