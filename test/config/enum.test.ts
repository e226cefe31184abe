import { problemsOf } from './problems.js';

// Closed sets (severities, sink kinds, rule ids) list the allowed values and suggest the nearest one.
test('failOn with a typo', () => {
  expect(problemsOf('failOn: hgih\n')).toEqual(['cfg.yml:1:9: failOn must be one of high, medium, low, not "hgih" — did you mean "high"?']);
});

test('failOn: none is refused in the file and the CLI flag is suggested', () => {
  expect(problemsOf('failOn: none\n')).toEqual([
    'cfg.yml:1:9: failOn must be one of high, medium, low, not "none" — use one of high, medium, low (use --fail-on none on the command line to never fail)',
  ]);
});

test('a sink kind and a rule id out of their sets', () => {
  expect(
    problemsOf(
      'sinks:\n  - id: acme\n    kind: thirdparty\n    package: "@acme/sdk"\n    call: track\nignore:\n  - paths: [x]\n    rules: [pii-fields]\n    reason: r\n',
    ),
  ).toEqual([
    'cfg.yml:3:11: sinks[0].kind must be one of logger, error_reporter, third_party, http, datastore, queue, storage, file, browser_storage, token, not "thirdparty" — did you mean "third_party"?',
    'cfg.yml:8:13: ignore[0].rules[0] must be one of pii-field, pii-logging, data-flow, not "pii-fields" — did you mean "pii-field"?',
  ]);
});
