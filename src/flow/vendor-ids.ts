import { ts } from '#ts-morph';
import type { SinkMatch } from '../sinks/types.js';
import type { Source } from './value.js';
import { words } from './sanitizers.js';

/**
 * Objects a kind of vendor creates and names by ids of its own (a Stripe customer, subscription,
 * payment method): such an id sent back to that vendor discloses nothing it does not hold already,
 * whoever the object belongs to. Rows by the sink's service kind; names in snake_case words.
 */
export const VENDOR_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  payments: [
    'customer',
    'subscription',
    'subscription_item',
    'payment_method',
    'payment_intent',
    'setup_intent',
    'price',
    'product',
    'invoice',
    'checkout_session',
    'session',
    'charge',
    'plan',
    'coupon',
    'promotion_code',
    'refund',
    'portal_session',
    'source',
  ],
};

/**
 * Challenge (captcha) verification endpoints: the token they receive is the response token their
 * own widget issued for one page view, sent back to be checked, not a person's credential. A host
 * that serves more than the verifier (Google serves reCAPTCHA's `siteverify` under `/recaptcha/`)
 * names the path too: there only a request whose URL literal starts with it is the verifier.
 */
export const CHALLENGE_VERIFIERS: readonly string[] = [
  'challenges.cloudflare.com',
  'recaptchaenterprise.googleapis.com',
  'www.recaptcha.net',
  'recaptcha.net',
  'www.google.com/recaptcha/',
  'google.com/recaptcha/',
  'hcaptcha.com',
  'api.hcaptcha.com',
  'api.friendlycaptcha.com',
  'global.frcapi.com',
];

const CREDENTIAL_CATEGORY = 'user.authorization.credentials';
const CHALLENGE_HOSTS = new Set(CHALLENGE_VERIFIERS.filter((v) => !v.includes('/')).map((host) => `http:${host}`));
const CHALLENGE_PATHS = new Map<string, string[]>();
for (const v of CHALLENGE_VERIFIERS.filter((x) => x.includes('/'))) {
  const id = `http:${v.slice(0, v.indexOf('/'))}`;
  CHALLENGE_PATHS.set(id, [...(CHALLENGE_PATHS.get(id) ?? []), v]);
}

/** Whether the sink is a captcha verifier: its host alone, or its host and the path of the request's URL literal. */
function isChallengeVerifier(match: SinkMatch): boolean {
  if (CHALLENGE_HOSTS.has(match.sink.id)) return true;
  const paths = CHALLENGE_PATHS.get(match.sink.id);
  if (!paths || !ts.isCallExpression(match.node)) return false;
  const url = match.node.arguments[0];
  const text = url && (ts.isStringLiteralLike(url) ? url.text : ts.isTemplateExpression(url) ? url.head.text : undefined);
  if (!text) return false;
  const bare = text.replace(/^https?:\/\//, '');
  return paths.some((p) => bare.startsWith(p));
}

/** Vendors' names that may lead an id's name (`stripeCustomerId`): the id is still that object's. */
const VENDOR_PREFIXES = new Set([
  'stripe',
  'braintree',
  'paddle',
  'chargebee',
  'recurly',
  'lemon',
  'squeezy',
  'lemonsqueezy',
  'polar',
  'square',
  'paypal',
  'adyen',
  'mollie',
  'billing',
]);

const ID_CATEGORY = 'user.unique_id';

const objectsByService = new Map<string, ReadonlySet<string>>(
  Object.entries(VENDOR_OBJECTS).map(([service, names]) => [service, new Set(names)]),
);

/**
 * Whether a source is the sink vendor's own: an id of its object (`customerId`, `customer.id`,
 * `team.stripeCustomerId`, `subscription.id` at Stripe), or a challenge token at the captcha
 * service that issued it. Not personal data at that sink.
 */
export function isVendorOwnId(source: Source, match: SinkMatch): boolean {
  if (source.category === CREDENTIAL_CATEGORY) return isChallengeVerifier(match);
  if (source.category !== ID_CATEGORY || match.family !== 'egress' || !match.sink.service) return false;
  const objects = objectsByService.get(match.sink.service);
  if (!objects) return false;
  const object = idObject(source.origin);
  return object !== undefined && objects.has(object);
}

/** `input.customerId` → `customer`, `session.customer?.id` → `customer`, `team.stripeCustomerId` → `customer`. */
function idObject(origin: string): string | undefined {
  const names = origin
    .replace(/\?\./g, '.')
    .replace(/[()!\s]/g, '')
    .split('.')
    .filter(Boolean);
  const last = names[names.length - 1];
  if (!last) return undefined;
  const w = words(last);
  const parts = w.length === 1 && w[0] === 'id' && names.length >= 2 ? [...words(names[names.length - 2]), 'id'] : w;
  if (parts.length < 2 || parts[parts.length - 1] !== 'id') return undefined;
  let start = 0;
  while (start < parts.length - 1 && VENDOR_PREFIXES.has(parts[start])) start++;
  return parts.slice(start, -1).join('_') || undefined;
}

/**
 * A name that says it holds a vendor's object id (`stripeCustomerId`, `paddleSubscriptionId`): a
 * vendor's name, then one of its objects, then `id`. A variable read from such a field
 * (`const customerId = billing.stripeCustomerId`) holds the vendor's id, whatever it is called.
 */
export function isVendorIdName(name: string): boolean {
  const w = words(name);
  if (w.length < 3 || w[w.length - 1] !== 'id' || !VENDOR_PREFIXES.has(w[0])) return false;
  let start = 0;
  while (start < w.length - 1 && VENDOR_PREFIXES.has(w[start])) start++;
  const object = w.slice(start, -1).join('_');
  return [...objectsByService.values()].some((objects) => objects.has(object));
}
