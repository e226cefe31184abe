import { parseConfig } from '../../src/config/load.js';
import { configValue, fuzzConfigParser } from './documents.js';

// `.privacy-review.yml` can come from a fork's pull request (the CLI reads the work tree): it must be
// valid or refused with positioned, one-line problems; any other exception is a bug.
const RUNS = 3_000;
/** A guard against hangs, not a benchmark: generated documents take milliseconds. */
const MAX_MS_PER_DOCUMENT = 3_000;

test(`${RUNS} generated configurations: valid or a ConfigError, no hang, one-line positioned problems`, () => {
  const { refused, slowestMs } = fuzzConfigParser(configValue, parseConfig, 'cfg.yml', RUNS);
  expect(slowestMs).toBeLessThan(MAX_MS_PER_DOCUMENT);
  expect(refused).toBeGreaterThan(RUNS / 10); // the generator does reach the error paths
});
