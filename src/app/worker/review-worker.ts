import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { ANALYZERS } from '../../../analyzers/index.js';
import { reviewTrees } from '../../review/run.js';
import { operatorAnalyzers } from '../custom-analyzers.js';
import { reviewAndPrepare } from '../pipeline/trees.js';
import { serve } from './protocol.js';
import { appCache } from '../cache.js';

/**
 * The review worker's entry (src/app/worker/pool.ts starts it): the analyzers and the engine are
 * loaded here, on the worker's thread, so that a review never blocks the webhook server.
 */
lowerPriority();
// The operator's custom analyzers (checked when the App starts): a module that fails here fails every review, never skipped.
const analyzers = operatorAnalyzers(process.env).then((custom) => [...ANALYZERS, ...custom]);
analyzers.catch(() => undefined); // reported by each review that awaits it
// The operator's analysis cache (PRIVACY_REVIEW_CACHE_DIR), shared by the workers: entries are written whole and renamed into place.
const cache = appCache(process.env);
const review: typeof reviewTrees = (options) => reviewTrees(cache ? { ...options, cache } : options);
serve(async (input) => reviewAndPrepare(review, await analyzers, input));

/**
 * Reviews are background work: on Linux this thread (only this one: the nice value is per thread
 * there) yields the CPU to the webhook server's thread when both want it. Elsewhere nothing changes.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted or not available: the review runs at the normal priority.
  }
}
