import { readFileSync } from 'node:fs';
import { parseConfig } from '../src/config/load.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the configuration example in the README is valid and means what it says', () => {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(yaml).toBeDefined();
  const config = parseConfig(yaml!, 'README.md');
  expect(config.failOn).toBe('medium');
  expect(config.ignore[0]).toMatchObject({ paths: ['test/**', '**/*.spec.ts'], reason: expect.any(String) });
  expect(config.sinks[0]).toMatchObject({ id: 'acme-crm', kind: 'third_party', package: '@acme/crm-client', call: 'contacts.upsert' });
  expect(config.redactors).toEqual(['scrubUser']);
});

test('the README quick start names the commands that exist', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  for (const script of ['scan:example', 'test']) {
    expect(readme).toContain(`npm ${script === 'test' ? 'test' : `run ${script}`}`);
    expect(pkg.scripts[script]).toBeDefined();
  }
});
