import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../src/engine/scan.js';
import { ANALYZERS } from '../analyzers/index.js';

// DEVELOPERS.md: the tool's own logs must pass its own review. Every finding in its source is either
// fixed or suppressed with a reason.
test("privacy-review's own source passes its own review", async () => {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const result = await scan({ root, analyzers: ANALYZERS });
  const open = result.findings.filter((f) => !f.suppressed).map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`);
  expect(open).toEqual([]);
  expect(result.errors).toEqual([]);
  expect(result.stats.files).toBeGreaterThan(100);
});
