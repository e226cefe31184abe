import { readFileSync } from 'node:fs';
import { PROBLEM_CODES } from '../../src/manifest/problems.js';
import { load } from './helpers.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The data-flow manifest'), readme.indexOf('## JSON output'));

test('the README has the manifest section before "JSON output"', () => {
  expect(readme.indexOf('## The data-flow manifest')).toBeGreaterThan(0);
  expect(readme.indexOf('## The data-flow manifest')).toBeLessThan(readme.indexOf('## JSON output'));
});

test('the complete example in the README is valid, without a single warning', () => {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  expect(yaml).toBeDefined();
  const loaded = load(yaml!, { today: '2025-06-01' });
  expect(loaded.problems).toEqual([]);
  expect(loaded.manifest.flows.map((f) => f.id)).toEqual(['segment', 'http:api.crm.example.com', 'kafka:user-events']);
  expect(loaded.manifest.exceptions[0]).toMatchObject({ rule: 'pii-logging', expires: '2099-12-31' });
});

test('the README documents every problem code', () => {
  for (const code of PROBLEM_CODES) expect(section).toContain(`\`${code}\``);
});
