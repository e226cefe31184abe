/**
 * The dictionary against the project's reference list (a copy of shared/reference/field-names.yaml).
 * Every reference name, read inside a person object, lands in its reference category or below it,
 * except the deliberate deviations listed here with what they give instead and why.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Classifier } from '../../src/classifier/classifier.js';
import { DENY_MODIFIERS } from '../../src/classifier/data/words.js';
import { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import { K } from './helpers.js';

interface Reference {
  categories: Record<string, { names?: string[]; i18n?: Record<string, string[]> }>;
  deny_modifiers: string[];
  person_context_objects: string[];
}

const ref = parse(readFileSync(new URL('./data/field-names.reference.yaml', import.meta.url), 'utf8')) as Reference;
const classifier = Classifier.default();
const taxonomy = Taxonomy.default();

/** name -> category we give instead (null: not classified), with the reason. */
const DEVIATIONS: Record<string, string | null> = {
  // PCI: cardholder name is cardholder data; a child's name is children's data.
  cardholder_name: K.CARD,
  child_name: K.CHILDREN,
  // Names of relatives are names.
  partner_name: K.NAME,
  dependent_name: K.NAME,
  mother_name: K.NAME,
  father_name: K.NAME,
  // `region` is a coarse location, not part of a postal address.
  region: K.IMPRECISE,
  // Social handles are presence data; messenger ids are contact details, not URLs.
  twitter_handle: K.SOCIAL,
  instagram: K.SOCIAL,
  facebook_id: K.SOCIAL,
  skype: K.CONTACT,
  telegram: K.CONTACT,
  wechat_id: K.CONTACT,
  // A wallet seed phrase opens the wallet: a credential.
  mnemonic: K.CREDENTIALS,
  seed_phrase: K.CREDENTIALS,
  transaction_history: K.PURCHASES,
  // `cc` is the email header; card-field words need a card word next to them.
  cc: null,
  pan: null,
  expiry: null,
  exp_date: null,
  expiration_date: null,
  exp_month: null,
  exp_year: null,
  service_code: null,
  cid: null,
  csc: null,
  // Truncated PANs and BINs are not cardholder data; `cb` is a callback.
  masked_pan: null,
  card_last4: null,
  bin: null,
  cb: null,
  // An account PIN (a card PIN is a PIN block).
  pin: K.CREDENTIALS,
  // Invoices have due dates.
  due_date: null,
  // A member id is a membership number unless it says insurance.
  member_id: K.UNIQUE_ID,
  // Face ID / Touch ID unlock accounts.
  face_id: K.BIOMETRIC_AUTH,
  // A place is not a date.
  place_of_birth: K.DEMOGRAPHIC,
  birthplace: K.DEMOGRAPHIC,
  geburtsort: K.DEMOGRAPHIC,
  // Adults study too; grades belong to anything.
  grade: null,
  student_id: K.UNIQUE_ID,
  student_number: K.UNIQUE_ID,
  // In a person object: the generic location key, and the job position.
  location: K.LOCATION,
  position: K.JOB,
  accuracy: null,
  bearing: null,
  route: null,
  check_in: null,
  // City and country of a person are part of the postal address.
  city: K.CITY,
  country: K.COUNTRY,
  // Advertising ids have their own extension key.
  idfa: K.AD_ID,
  gaid: K.AD_ID,
  aaid: K.AD_ID,
  adid: K.AD_ID,
  advertising_id: K.AD_ID,
  ad_id: K.AD_ID,
  ifa: K.AD_ID,
  maid: K.AD_ID,
  cookie: K.COOKIE,
  // Subjects are mostly template text; a voice note is a message.
  email_subject: null,
  voice_note: K.PRIVATE,
  preferences: K.SETTINGS,
  segments: null,
  audiences: null,
  charges: null,
  // French `pays` (country) is the English verb too.
  pays: null,
  // One search string is the filter being typed; a history is a list (`searchQueries`, `searches`).
  search_query: null,
};

const rows: [string, string][] = [];
for (const [category, def] of Object.entries(ref.categories)) {
  for (const name of [...(def.names ?? []), ...Object.values(def.i18n ?? {}).flat()]) rows.push([category, String(name)]);
}

test('the reference list is large enough to mean something', () => {
  expect(rows.length).toBeGreaterThan(800);
});

test.each(rows)('%s: %s', (category, name) => {
  const got = classifier.classify(name, { personContext: true });
  if (name in DEVIATIONS) {
    expect(got?.category ?? null).toBe(DEVIATIONS[name]);
  } else {
    expect(got).not.toBeNull();
    expect(taxonomy.isWithin(got!.category, category)).toBe(true);
  }
});

test('every deviation is a reference name (no stale entries)', () => {
  const names = new Set(rows.map(([, n]) => n));
  expect(Object.keys(DEVIATIONS).filter((n) => !names.has(n))).toEqual([]);
});

test('every reference deny modifier and person object is used', () => {
  expect(ref.deny_modifiers.filter((m) => !DENY_MODIFIERS.has(m))).toEqual([]);
  expect(ref.person_context_objects.filter((p) => !classifier.isPersonContext(p))).toEqual([]);
});
