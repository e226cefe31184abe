import fc from 'fast-check';
import { ConfigError, formatProblem } from '../../src/config/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { badProblems, configValue, documentText } from './documents.js';

// `.privacy-review.yml` can come from a fork's pull request (the CLI reads the work tree): it must be
// valid or refused with positioned, one-line problems; any other exception is a bug.
const RUNS = 3_000;
/** A guard against hangs, not a benchmark: generated documents take milliseconds. */
const MAX_MS_PER_DOCUMENT = 3_000;

test(`${RUNS} generated configurations: valid or a ConfigError, no hang, one-line positioned problems`, () => {
  let slowest = 0;
  let refused = 0;
  fc.assert(
    fc.property(documentText(configValue), (text) => {
      const started = performance.now();
      try {
        parseConfig(text, 'cfg.yml');
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        refused++;
        expect(e.problems.length).toBeGreaterThan(0);
        expect(badProblems(e.problems, e.problems.map(formatProblem), 'cfg.yml')).toEqual([]);
        expect(e.message.split('\n')).toHaveLength(e.problems.length);
      } finally {
        slowest = Math.max(slowest, performance.now() - started);
      }
    }),
    { numRuns: RUNS },
  );
  expect(slowest).toBeLessThan(MAX_MS_PER_DOCUMENT);
  expect(refused).toBeGreaterThan(RUNS / 10); // the generator does reach the error paths
});
