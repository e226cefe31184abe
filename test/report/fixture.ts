import type { AnalyzerMeta } from '../../src/core/analyzer.js';
import type { Finding, ScanResult } from '../../src/core/contract.js';

/** Rule metadata as analyzers declare it; reports receive it as a parameter. */
export const METAS: AnalyzerMeta[] = [
  {
    id: 'pii-field',
    name: 'Personal data field',
    shortDescription: 'A field holds personal data.',
    help: 'Fields that hold **personal data** must be declared.\n\nDeclare them in the `data map`.',
  },
  {
    id: 'pii-logging',
    name: 'Personal data in logs',
    shortDescription: 'Personal data reaches a logger.',
    help: 'Logs are copied widely.\n\nUse [a redactor](https://example.com/redact) such as `mask()`.',
  },
  {
    id: 'data-flow',
    name: 'Personal data leaves the process',
    shortDescription: 'Personal data is sent elsewhere.',
    help: '# Data flows\n\nEvery flow needs a processing agreement.',
  },
];

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f'.repeat(32),
    rule: 'pii-logging',
    severity: 'high',
    file: 'src/user.ts',
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 30,
    message: 'Email address of a user is written to the log.',
    categories: ['user.contact.email'],
    symbol: 'UserService.register',
    sink: { kind: 'logger', id: 'console', label: 'console' },
    trace: [],
    suppressed: false,
    confidence: 'high',
    remediation: 'Log the user id instead.',
    ...overrides,
  };
}

export function scanResult(findings: Finding[], overrides: Partial<ScanResult> = {}): ScanResult {
  const open = findings.filter((f) => !f.suppressed);
  return {
    version: 1,
    tool: { name: 'privacy-review', version: '1.2.3' },
    root: '/home/dev/shop',
    findings,
    skipped: [],
    errors: [],
    stats: {
      files: 42,
      lines: 3210,
      durationMs: 1234,
      findings: open.length,
      suppressed: findings.length - open.length,
      byRule: {
        'pii-field': open.filter((f) => f.rule === 'pii-field').length,
        'pii-logging': open.filter((f) => f.rule === 'pii-logging').length,
        'data-flow': open.filter((f) => f.rule === 'data-flow').length,
      },
    },
    ...overrides,
  };
}

/** A result with one of everything a report has to show. */
export function richResult(): ScanResult {
  return scanResult(
    [
      finding({
        id: 'a'.repeat(32),
        trace: [
          { file: 'src/user.ts', line: 10, note: 'user.email read from parameter user' },
          { file: 'src/user.ts', line: 11, note: 'copied into payload' },
          { file: 'src/user.ts', line: 12, note: 'passed to console.log' },
        ],
      }),
      finding({
        id: 'b'.repeat(32),
        rule: 'pii-field',
        severity: 'medium',
        line: 3,
        column: 3,
        endColumn: 8,
        sink: null,
        categories: ['user.contact.email', 'user.name'],
        message: 'Field User.email holds personal data.',
        symbol: 'User.email',
      }),
      finding({
        id: 'c'.repeat(32),
        rule: 'data-flow',
        severity: 'low',
        file: 'src/analytics.ts',
        line: 7,
        column: 1,
        sink: { kind: 'third_party', id: 'segment', label: 'Segment analytics', package: '@segment/analytics-node', service: 'analytics' },
        message: 'Postal code is sent to Segment analytics.',
        categories: ['user.contact.address.postal_code'],
      }),
      finding({
        id: 'd'.repeat(32),
        file: 'src/debug.ts',
        line: 4,
        suppressed: true,
        suppression: { kind: 'inline', reason: 'local debugging only' },
      }),
      finding({
        id: 'e'.repeat(32),
        file: 'test/fixtures.ts',
        line: 9,
        rule: 'pii-field',
        suppressed: true,
        suppression: { kind: 'config', reason: 'fake data' },
      }),
    ],
    {
      skipped: [
        { file: 'dist', reason: 'directory is build or cache output' },
        { file: 'public/app.min.js', reason: 'minified bundle (".min.js" file name)' },
      ],
      errors: [{ file: 'src/broken.ts', line: 3, column: 7, message: 'Syntax error: ";" expected.' }],
    },
  );
}
