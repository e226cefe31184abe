import { localPackagePattern } from '../../src/flow/fallback-sinks.js';
import { LOCAL_PACKAGES } from '../../src/flow/local-packages.catalog.js';

/** Packages whose calls are not a vendor receiving data: local computation, and messaging between an app's own processes. */
const local = localPackagePattern(LOCAL_PACKAGES);

test.each([
  ['electron-ipc-decorator', true],
  ['@egoist/tipc', true],
  ['comlink', true],
  ['@tanstack/react-query', true],
  ['lodash.merge', true],
  ['fuse.js', true],
  ['zod-to-json-schema', true],
  ['csv-parse', true],
  ['stripe', false],
  ['fusexjs', false],
  ['@sentry/node', false],
  ['electron', false],
  ['posthog-node', false],
])('%s is local: %s', (name, expected) => {
  expect(local.test(name)).toBe(expected);
});
