import type { Finding } from '../../src/core/contract.js';
import type { Review, ReviewedFinding } from '../../src/review/types.js';

/** A finding as the engine reports it; every test overrides only what it is about. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: '3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60',
    rule: 'data-flow',
    severity: 'medium',
    file: 'src/services/signup.ts',
    line: 19,
    column: 3,
    endLine: 19,
    endColumn: 98,
    message: 'Sends email address and first name from `user.email`, `user.firstName` to Segment (`segment`) via segment identify.',
    categories: ['user.contact.email', 'user.name.first'],
    symbol: 'onSignup',
    sink: { kind: 'third_party', id: 'segment', package: '@segment/analytics-node', label: 'Segment', service: 'analytics' },
    trace: [
      { file: 'src/services/signup.ts', line: 12, note: 'user: User holds email, firstName' },
      { file: 'src/services/signup.ts', line: 15, note: 'copied into traits' },
      { file: 'src/services/signup.ts', line: 19, note: 'reaches segment identify' },
    ],
    suppressed: false,
    confidence: 'high',
    remediation: 'Declare flow `segment` in the manifest.',
    ...overrides,
  };
}

export function logFinding(overrides: Partial<Finding> = {}): Finding {
  return finding({
    id: 'b'.repeat(32),
    rule: 'pii-logging',
    severity: 'high',
    file: 'src/services/billing.ts',
    line: 13,
    column: 5,
    message: 'Logs payment card number (user.financial.credit_card) from `card.cardNumber` to pino logger.error.',
    categories: ['user.financial.credit_card'],
    symbol: 'BillingService.charge',
    sink: { kind: 'logger', id: 'pino', package: 'pino', label: 'pino' },
    trace: [{ file: 'src/services/billing.ts', line: 13, note: 'card: PaymentDetails holds cardNumber' }],
    ...overrides,
  });
}

export function fieldFinding(overrides: Partial<Finding> = {}): Finding {
  return finding({
    id: 'c'.repeat(32),
    rule: 'pii-field',
    severity: 'medium',
    file: 'src/models/user.ts',
    line: 8,
    column: 3,
    message: 'Field `User.phone` holds phone number.',
    categories: ['user.contact.phone_number'],
    symbol: 'User.phone',
    sink: null,
    trace: [],
    ...overrides,
  });
}

/** New and undeclared: what the checklist asks the developer to resolve. */
export function undeclared(f: Finding, reason = `no flow in the manifest matches \`${f.sink?.id ?? f.symbol}\``): ReviewedFinding {
  return { finding: f, declared: false, reason, status: 'new' };
}

export function review(overrides: Partial<Review> = {}): Review {
  return {
    version: 1,
    base: { ref: 'main', sha: '1111111aaaaaaa' },
    head: { ref: 'feature/signup', sha: '2222222bbbbbbb' },
    manifest: { file: '.privacy/manifest.yml', present: true, valid: true, problems: [], changes: [] },
    findings: [],
    stale: [],
    drift: [],
    errors: [],
    skipped: [],
    excluded: [],
    verdict: {
      decision: 'pass',
      reasons: ['no new personal data, flows or declaration changes'],
      reviewFingerprint: '9e107d9d372bb6826bd81d3542a419d6e2e8f3a1b2c3d4e5f60718293a4b5c6d',
    },
    stats: { baseFiles: 40, headFiles: 42, durationMs: 1234 },
    ...overrides,
  };
}

/** A review with one of everything the checklist shows. */
export function richReview(): Review {
  const flow = finding();
  const log = logFinding();
  const field = fieldFinding();
  return review({
    manifest: {
      file: '.privacy/manifest.yml',
      present: true,
      valid: false,
      problems: [
        {
          file: '.privacy/manifest.yml',
          line: 14,
          column: 7,
          severity: 'error',
          code: 'unknown-category',
          message: 'Unknown data category `user.contact.mail`.',
          hint: 'Did you mean `user.contact.email`?',
        },
      ],
      changes: [
        {
          change: 'widened',
          entity: 'flow',
          id: 'openai',
          added: ['user.contact.email'],
          fields: ['categories'],
          summary: 'flow `openai`: may now receive user.contact.email',
        },
      ],
    },
    findings: [
      undeclared(flow),
      undeclared(log, 'the logging policy does not allow user.financial.credit_card in logs'),
      undeclared(field, 'no dataset declares `User.phone`'),
      {
        finding: finding({
          id: 'd'.repeat(32),
          file: 'src/support.ts',
          line: 8,
          message: 'Sends email address to OpenAI (`openai`).',
          categories: ['user.contact.email'],
          sink: { kind: 'third_party', id: 'openai', label: 'OpenAI', service: 'ai' },
        }),
        declared: true,
        declaration: { kind: 'flow', id: 'openai', purposes: ['support'] },
        status: 'new',
      },
      {
        finding: finding({
          id: 'e'.repeat(32),
          file: 'src/legacy.ts',
          line: 3,
          message: 'Sends email address to Mailchimp (`mailchimp`).',
          sink: { kind: 'third_party', id: 'mailchimp', label: 'Mailchimp', service: 'marketing' },
        }),
        declared: false,
        reason: 'no flow in the manifest matches `mailchimp`',
        status: 'unchanged',
      },
      {
        finding: logFinding({
          id: 'f'.repeat(32),
          file: 'src/old.ts',
          line: 4,
          message: 'Logs email address to console.log.',
          categories: ['user.contact.email'],
          sink: { kind: 'logger', id: 'console', label: 'console' },
        }),
        declared: false,
        status: 'fixed',
      },
    ],
    stale: [
      {
        kind: 'flow',
        id: 'intercom',
        location: { file: '.privacy/manifest.yml', line: 30, column: 5 },
        message: 'flow `intercom` is declared, but no code sends data to it',
      },
    ],
    drift: [
      {
        finding: flow,
        existingCategories: ['user.contact.email'],
        sink: 'segment',
        message:
          'user.contact.email, already held by the system, now also goes for the first time to `segment`: confirm the new use fits the purpose the data was collected for.',
      },
    ],
    errors: [{ file: 'src/broken.ts', line: 3, message: 'Syntax error: ";" expected.' }],
    skipped: [{ file: 'public/app.min.js', reason: 'minified bundle' }],
    verdict: {
      decision: 'fail',
      reasons: [
        'the data-flow manifest has 1 error (.privacy/manifest.yml:14)',
        '1 new high-severity log call with personal data (pino)',
        '1 undeclared data flow (segment)',
      ],
      reviewFingerprint: '9e107d9d372bb6826bd81d3542a419d6e2e8f3a1b2c3d4e5f60718293a4b5c6d',
    },
  });
}
