import { Classifier } from '../../src/classifier/classifier.js';
import { K, ctxOf, type Row } from './helpers.js';

/**
 * Secrets are not personal data (issue 11): an application's or tenant's keys, a service's password,
 * environment configuration are system credentials, reported by no personal-data rule. Only a
 * person's own password, token or recovery code is a personal credential.
 */
const classifier = Classifier.default();
const SYSTEM = 'system.authentication';

describe('system credentials: not personal data, but known as secrets', () => {
  const names = [
    'apiKey',
    'API_KEY',
    'AI_AZURE_API_KEY',
    'clientSecret',
    'GOOGLE_CLIENT_SECRET',
    'FOURSQUARE_APIKEY',
    'GIPHY_API_KEY',
    'privateKey',
    'secretAccessKey',
    'webhookSecret',
    'signingKey',
    'REDIS_PASSWORD',
    'redisPassword',
    'smtpPass',
    'dbPassword',
    'GITHUB_TOKEN',
    'botToken',
    'webhookToken',
    'JWT_SECRET',
    'config.apiKey',
    'SENTRY_DSN',
  ];
  test.each(names)('%s', (name) => {
    expect(classifier.classify(name)).toBeNull();
    const any = classifier.classifyAny(name);
    expect(any).toMatchObject({ category: SYSTEM, secret: true });
    expect(any?.reason).toContain('system credential');
  });
});

describe("a person's own credential stays personal", () => {
  const rows: Row[] = [
    ['password', '', K.CREDENTIALS, 'high'],
    ['user.password', '', K.CREDENTIALS, 'high'],
    ['resetToken', '', K.CREDENTIALS, 'high'],
    ['refreshToken', '', K.CREDENTIALS, 'high'],
    ['recoveryCode', '', K.CREDENTIALS, 'high'],
    ['facebookAccessToken', '', K.CREDENTIALS, 'high'],
    ['token', '', K.CREDENTIALS, 'medium'],
    // Inside a person, even a key or a constant-case name is that person's.
    ['apiKey', 'p', K.CREDENTIALS, 'high'],
    ['user.apiKey', '', K.CREDENTIALS, 'high'],
    ['customerApiKey', '', K.CREDENTIALS, 'high'],
    ['PASSWORD', 'p', K.CREDENTIALS, 'high'],
    ['user.dbPassword', '', K.CREDENTIALS, 'high'],
  ];
  test.each(rows)('%s [%s] -> %s %s', (name, flags, category, confidence) => {
    const got = classifier.classify(name, ctxOf(flags));
    expect({ category: got?.category ?? null, confidence: got?.confidence ?? null }).toEqual({ category, confidence });
    expect(got?.secret).toBeUndefined();
  });
});

describe('names without context: the word is not the data', () => {
  // LLM token counts, a message id, a payment provider's checkout session.
  const names = [
    'outputTokens',
    'inputTokens',
    'promptTokens',
    'reasoningTokens',
    'usage.outputTokens',
    'emailId',
    'sesEmailId',
    'checkoutSessionId',
    'stripeSessionId',
  ];
  test.each(names)('%s is not classified', (name) => expect(classifier.classifyAny(name)).toBeNull());
  test('emailId inside a person is their address; sessionId alone is still a session id', () => {
    expect(classifier.classify('emailId', { personContext: true })?.category).toBe(K.EMAIL);
    expect(classifier.classify('user.emailId')?.category).toBe(K.EMAIL);
    expect(classifier.classify('sessionId')?.category).toBe('user.device.cookie_id');
  });
});

describe('constants: one literal value is a label in the code', () => {
  test.each(['email', 'phone', 'password', 'address', 'EMAIL'])('%s with a literal type is not data', (name) => {
    expect(classifier.classify(name, { typeHint: 'literal' })).toBeNull();
    expect(classifier.classify(name, { typeHint: 'string' })).not.toBeNull();
  });
});
