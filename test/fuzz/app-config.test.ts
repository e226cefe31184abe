import { parseAppConfigFile } from '../../src/app/config/parse.js';
import { appConfigValue, fuzzConfigParser } from './documents.js';

// `.github/privacy-review.yml` is read from the default branch, but an organisation's `.github`
// repository or an `_extends` target is someone else's text: it must never crash the App.
const RUNS = 3_000;
/** A guard against hangs, not a benchmark: generated documents take milliseconds. */
const MAX_MS_PER_DOCUMENT = 3_000;

test(`${RUNS} generated App configurations: valid or a ConfigError, no hang, one-line positioned problems`, () => {
  const { refused, slowestMs } = fuzzConfigParser(appConfigValue, parseAppConfigFile, '.github/privacy-review.yml', RUNS);
  expect(slowestMs).toBeLessThan(MAX_MS_PER_DOCUMENT);
  expect(refused).toBeGreaterThan(RUNS / 10);
});
