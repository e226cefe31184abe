import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import { loadCustomAnalyzers } from '../../src/custom/load.js';
import { compareWithAnnotations } from '../harness/fixtures.js';
import { REPO } from '../harness/cli.js';

/**
 * The example custom analyzer (examples/custom-analyzer/acme-telemetry.mjs), written with ts-morph,
 * finds exactly the annotated lines of its example app: calls of the in-house client that carry
 * personal data, through an import and through a client the package made; not another client's emit.
 */
test('the example custom analyzer finds the annotated flows to Acme telemetry, and nothing else', async () => {
  const root = path.join(REPO, 'examples/custom-analyzer/app');
  const analyzers = await loadCustomAnalyzers(['./examples/custom-analyzer/acme-telemetry.mjs'], REPO);
  const result = await scan({ root, analyzers });
  expect(result.errors).toEqual([]);
  const report = await compareWithAnnotations(root, result, ['data-flow']);
  expect(report.problems).toEqual([]);
  expect(report.truePositives).toBe(2);
  const f = result.findings.find((x) => x.line === 13)!;
  expect(f).toMatchObject({
    rule: 'data-flow',
    sink: { id: 'acme-telemetry', kind: 'third_party' },
    severity: 'medium',
    symbol: 'onSignup',
  });
  expect(f.message).toBe('identify() sends user.email, user.displayName to Acme telemetry (reported by acme-telemetry)');
});
