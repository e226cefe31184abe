import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../src/engine/scan.js';
import type { Analyzer } from '../../src/engine/analyzer.js';
import type { ScanResult } from '../../src/core/contract.js';
import { compareWithAnnotations, type FixtureReport } from '../harness/fixtures.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Scan an annotated fixture project and compare the findings of `rules` with its annotations. */
export async function scanFixture(
  name: string,
  analyzers: readonly Analyzer[],
  rules: string[],
): Promise<{ result: ScanResult; report: FixtureReport }> {
  const root = path.join(FIXTURES, name);
  const result = await scan({ root, analyzers });
  const report = await compareWithAnnotations(root, result, rules);
  return { result, report };
}
