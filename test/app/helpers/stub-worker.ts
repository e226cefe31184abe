import { serve } from '../../../src/app/worker/protocol.js';
import { makeReview } from './review.js';

/**
 * A review worker for tests, speaking the real protocol: what it does depends on the manifest
 * path it is given, `throw` (the analysis throws), `exit` (the thread dies), `hang` (never
 * answers); anything else returns an empty review with the path as its checklist.
 */
serve(async (input) => {
  const manifest = input.options.manifestPath ?? '';
  if (manifest.includes('throw')) throw new TypeError('analysis exploded in the worker');
  if (manifest.includes('exit')) process.exit(3);
  if (manifest.includes('hang')) return new Promise(() => undefined);
  return { review: makeReview([]), prepared: { checklist: `checked ${manifest}` }, asked: [] };
});
