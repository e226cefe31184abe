import type { Octokit } from '../github/types.js';
import type { AppIdentity } from '../identity.js';
import type { AnalysisCache, AnalyzeDeps } from './analyze.js';

/** The logging the job needs; Probot's (wrapped) pino logger fits. Never pass payloads or bodies. */
export interface Log {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobDeps extends AnalyzeDeps {
  auth(installationId: number): Promise<Octokit>;
  identity(): Promise<AppIdentity>;
  cache: AnalysisCache;
  log: Log;
  now(): Date;
  timeoutMs: number;
  /** An in-progress run of the App this old that no job works on is completed (default 60 s). */
  staleAfterMs?: number;
}
