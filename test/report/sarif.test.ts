import '@microsoft/jest-sarif';
import type * as Sarif from 'sarif';
import { renderSarif, toSarif } from '../../src/report/sarif.js';
import { finding, METAS, richResult, scanResult } from './fixture.js';

const sarif = (result = richResult()) => JSON.parse(renderSarif(result, { rules: METAS })) as Sarif.Log;

// GitHub code scanning rejects or misreads SARIF that is off-schema; validate against the official 2.1.0 schema.
test('is a valid SARIF 2.1.0 log, with and without findings', () => {
  expect(sarif()).toBeValidSarifLog();
  expect(sarif(scanResult([]))).toBeValidSarifLog();
  expect(JSON.parse(renderSarif(scanResult([finding({ rule: 'pii-field' })]), { rules: [] }))).toBeValidSarifLog();
});

test('tool.driver describes the tool and every rule from the analyzer metadata', () => {
  const driver = sarif().runs[0]!.tool.driver;
  expect(driver).toMatchObject({ name: 'privacy-review', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
  // One descriptor per rule and severity: GitHub reads security-severity from the rule only.
  expect(driver.rules!.map((r) => r.id)).toEqual(
    ['pii-field', 'pii-logging', 'data-flow'].flatMap((r) => [`${r}/high`, `${r}/medium`, `${r}/low`]),
  );
  expect(driver.rules![3]).toEqual({
    id: 'pii-logging/high',
    name: 'PersonalDataInLogsHigh',
    shortDescription: { text: 'Personal data reaches a logger (high severity).' },
    fullDescription: { text: 'Logs are copied widely.' },
    help: { text: 'Logs are copied widely.\n\nUse a redactor (https://example.com/redact) such as mask().', markdown: METAS[1]!.help },
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: ['privacy', 'security', 'pii'],
      'security-severity': '8.0',
      precision: 'medium',
      rule: 'pii-logging',
      severity: 'high',
    },
  });
  expect(driver.rules!.map((r) => [r.id, r.properties!['security-severity']]).slice(6)).toEqual([
    ['data-flow/high', '8.0'],
    ['data-flow/medium', '5.5'],
    ['data-flow/low', '3.0'],
  ]);
  expect(driver.rules![8]!.fullDescription).toEqual({ text: 'Every flow needs a processing agreement.' });
});

test('each result carries its own severity: low findings of a rule are not shown as its worst', () => {
  const low = finding({ rule: 'pii-field', severity: 'low' });
  const high = finding({ rule: 'pii-field', severity: 'high', id: 'b'.repeat(32) });
  const log = toSarif(scanResult([low, high]), { rules: METAS });
  const rules = log.runs[0]!.tool.driver.rules!;
  const [a, b] = log.runs[0]!.results!;
  expect([a!.ruleId, rules[a!.ruleIndex!]!.properties!['security-severity'], a!.level, a!.properties!['security-severity']]).toEqual([
    'pii-field/low',
    '3.0',
    'note',
    '3.0',
  ]);
  expect([b!.ruleId, rules[b!.ruleIndex!]!.properties!['security-severity'], b!.level]).toEqual(['pii-field/high', '8.0', 'error']);
  expect(log).toBeValidSarifLog();
});

test('each finding is a result with rule index, level, location and a stable fingerprint', () => {
  const log = sarif();
  const [logging, field, flow] = log.runs[0]!.results!;
  expect(logging).toMatchObject({
    ruleId: 'pii-logging/high',
    ruleIndex: 3,
    level: 'error',
    message: { text: 'Email address of a user is written to the log.' },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/user.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 30 },
        },
      },
    ],
    partialFingerprints: { 'privacyReview/v1': 'a'.repeat(32) },
    properties: { categories: ['user.contact.email'], sink: { kind: 'logger', id: 'console', label: 'console' } },
  });
  expect(field).toMatchObject({ ruleId: 'pii-field/medium', ruleIndex: 1, level: 'warning' });
  expect(flow).toMatchObject({ ruleId: 'data-flow/low', ruleIndex: 8, level: 'note' });
  expect(log.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/dev/shop/' } });
});

test('the trace becomes a code flow', () => {
  const flow = sarif().runs[0]!.results![0]!.codeFlows![0]!.threadFlows[0]!.locations;
  expect(flow.map((l) => [l.location!.physicalLocation!.region!.startLine, l.location!.message!.text])).toEqual([
    [10, 'user.email read from parameter user'],
    [11, 'copied into payload'],
    [12, 'passed to console.log'],
  ]);
  expect(sarif().runs[0]!.results![1]!.codeFlows).toBeUndefined();
});

test('suppressed findings carry inSource or external suppressions with their justification', () => {
  const results = sarif().runs[0]!.results!;
  expect(results[3]!.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'local debugging only' }]);
  expect(results[4]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'fake data' }]);
  expect(results[0]!.suppressions).toBeUndefined();
});

test('errors and skipped files are tool execution notifications', () => {
  const invocation = sarif().runs[0]!.invocations![0]!;
  expect(invocation.executionSuccessful).toBe(true);
  expect(
    invocation.toolExecutionNotifications!.map((n) => [n.level, n.message.text, n.locations![0]!.physicalLocation!.artifactLocation!.uri]),
  ).toEqual([
    ['error', 'Syntax error: ";" expected.', 'src/broken.ts'],
    ['note', 'Not analyzed: directory is build or cache output', 'dist'],
    ['note', 'Not analyzed: minified bundle (".min.js" file name)', 'public/app.min.js'],
  ]);
});

test('file paths are percent-encoded URI references', () => {
  const log = toSarif(scanResult([finding({ file: 'src/my file#1.ts' })]), { rules: METAS });
  expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/my%20file%231.ts');
});
