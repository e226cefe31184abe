/**
 * Precision and recall of each analyzer on its annotated fixture project (`npm run fixtures:stats`).
 * An `expect` annotation is a planted finding; a finding on a line without one is a false positive.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../src/engine/scan.js';
import { ANALYZERS } from '../analyzers/index.js';
import { compareWithAnnotations } from '../test/harness/fixtures.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
const rows: string[] = [];
for (const rule of ['pii-field', 'pii-logging', 'data-flow']) {
  const root = path.join(FIXTURES, rule);
  const started = performance.now();
  const result = await scan({ root, analyzers: ANALYZERS });
  const ms = Math.round(performance.now() - started);
  const r = await compareWithAnnotations(root, result, [rule]);
  const precision = r.truePositives / Math.max(1, r.truePositives + r.falsePositives);
  const recall = r.truePositives / Math.max(1, r.truePositives + r.falseNegatives);
  rows.push(
    `| ${rule} | ${result.stats.files} | ${r.truePositives} | ${r.falsePositives} | ${r.falseNegatives} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${ms} ms |`,
  );
  for (const p of r.problems) console.error(`  ${p}`);
}
console.log('| rule | files | true positives | false positives | false negatives | precision | recall | scan |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
