import fc from 'fast-check';
import { parseAppConfigFile } from '../../src/app/config/parse.js';
import { ConfigError, formatProblem } from '../../src/config/errors.js';
import { appConfigValue, badProblems, documentText } from './documents.js';

// `.github/privacy-review.yml` is read from the default branch, but an organisation's `.github`
// repository or an `_extends` target is someone else's text: it must never crash the App.
const RUNS = 3_000;
/** A guard against hangs, not a benchmark: generated documents take milliseconds. */
const MAX_MS_PER_DOCUMENT = 3_000;

test(`${RUNS} generated App configurations: valid or a ConfigError, no hang, one-line positioned problems`, () => {
  let slowest = 0;
  let refused = 0;
  fc.assert(
    fc.property(documentText(appConfigValue), (text) => {
      const started = performance.now();
      try {
        parseAppConfigFile(text, '.github/privacy-review.yml');
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        refused++;
        expect(e.problems.length).toBeGreaterThan(0);
        expect(badProblems(e.problems, e.problems.map(formatProblem), '.github/privacy-review.yml')).toEqual([]);
        expect(e.message.split('\n')).toHaveLength(e.problems.length);
      } finally {
        slowest = Math.max(slowest, performance.now() - started);
      }
    }),
    { numRuns: RUNS },
  );
  expect(slowest).toBeLessThan(MAX_MS_PER_DOCUMENT);
  expect(refused).toBeGreaterThan(RUNS / 10);
});
