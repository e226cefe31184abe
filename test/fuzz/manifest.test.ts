import fc from 'fast-check';
import { parseManifest } from '../../src/manifest/load.js';
import { formatManifestProblem } from '../../src/manifest/problems.js';
import { badProblems, cpuMs, documentText, manifestValue } from './documents.js';

// A manifest comes from the pull request under review: whatever its author writes, the check must
// answer with positioned, one-line problems, quickly.
const RUNS = 4_000;
/** A guard against hangs, not a benchmark: generated documents take milliseconds. */
const MAX_MS_PER_DOCUMENT = 3_000;

test(`${RUNS} generated manifests: no exception, no hang, one-line positioned problems`, () => {
  let slowest = 0;
  fc.assert(
    fc.property(documentText(manifestValue), (text) => {
      const started = cpuMs();
      const loaded = parseManifest(text, 'm.yml', { today: '2025-06-01' });
      slowest = Math.max(slowest, cpuMs() - started);
      expect(badProblems(loaded.problems, loaded.problems.map(formatManifestProblem), 'm.yml')).toEqual([]);
      expect(Array.isArray(loaded.manifest.flows)).toBe(true);
    }),
    { numRuns: RUNS },
  );
  expect(slowest).toBeLessThan(MAX_MS_PER_DOCUMENT);
});
