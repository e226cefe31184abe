import type { Confidence } from '../../src/core/contract.js';
import type { NameContext, TypeHint } from '../../src/classifier/classifier.js';

/** A table row: name, context flags, expected category (null = not personal data), expected confidence. */
export type Row = readonly [name: string, flags: string, category: string | null, confidence: Confidence | null];

/** Flags: `p` = person context, `:number` etc. = type hint. `p:date` = both; '' = neither. */
export function ctxOf(flags: string): NameContext {
  const [person, hint] = flags.split(':');
  const ctx: NameContext = {};
  if (person === 'p') ctx.personContext = true;
  if (hint) ctx.typeHint = hint as TypeHint;
  return ctx;
}

/** Shorthand category keys for readable tables. */
export const K = {
  NAME: 'user.name',
  FIRST: 'user.name.first',
  LAST: 'user.name.last',
  EMAIL: 'user.contact.email',
  PHONE: 'user.contact.phone_number',
  FAX: 'user.contact.fax_number',
  ADDRESS: 'user.contact.address',
  STREET: 'user.contact.address.street',
  CITY: 'user.contact.address.city',
  ZIP: 'user.contact.address.postal_code',
  STATE: 'user.contact.address.state',
  COUNTRY: 'user.contact.address.country',
  URL: 'user.contact.url',
  CONTACT: 'user.contact',
  ORG: 'user.contact.organization',
  NATIONAL_ID: 'user.government_id.national_identification_number',
  GOV_ID: 'user.government_id',
  PASSPORT: 'user.government_id.passport_number',
  LICENSE: 'user.government_id.drivers_license_number',
  BIRTH_CERT: 'user.government_id.birth_certificate',
  IMMIGRATION: 'user.government_id.immigration',
  VEHICLE: 'user.government_id.vehicle_registration',
  BANK: 'user.financial.bank_account',
  FINANCIAL: 'user.financial',
  CARD: 'user.financial.credit_card',
  CVV: 'user.financial.card_security_code',
  CREDENTIALS: 'user.authorization.credentials',
  BIOMETRIC_AUTH: 'user.authorization.biometric',
  HEALTH: 'user.health_and_medical',
  GENETIC: 'user.health_and_medical.genetic',
  MRN: 'user.health_and_medical.record_id',
  INSURANCE: 'user.health_and_medical.insurance_beneficiary_id',
  BIOMETRIC: 'user.biometric',
  FINGERPRINT: 'user.biometric.fingerprint',
  RETINAL: 'user.biometric.retinal',
  VOICE: 'user.biometric.voice',
  RACE: 'user.demographic.race_ethnicity',
  RELIGION: 'user.demographic.religious_belief',
  POLITICAL: 'user.demographic.political_opinion',
  UNION: 'user.demographic.trade_union_membership',
  ORIENTATION: 'user.demographic.sexual_orientation',
  GENDER: 'user.demographic.gender',
  MARITAL: 'user.demographic.marital_status',
  DOB: 'user.demographic.date_of_birth',
  DEMOGRAPHIC: 'user.demographic',
  AGE: 'user.demographic.age_range',
  LANGUAGE: 'user.demographic.language',
  CHILDREN: 'user.childrens',
  PRECISE: 'user.location.precise',
  IMPRECISE: 'user.location.imprecise',
  LOCATION: 'user.location',
  IP: 'user.device.ip_address',
  DEVICE_ID: 'user.device.device_id',
  AD_ID: 'user.device.advertising_id',
  COOKIE_ID: 'user.device.cookie_id',
  COOKIE: 'user.device.cookie',
  UNIQUE_ID: 'user.unique_id',
  PSEUDONYMOUS: 'user.unique_id.pseudonymous',
  USERNAME: 'user.account.username',
  ACCOUNT: 'user.account',
  SETTINGS: 'user.account.settings',
  PRIVACY: 'user.privacy_preferences',
  PRIVATE: 'user.content.private',
  PUBLIC: 'user.content.public',
  SELF_IMAGE: 'user.content.self_image',
  BROWSING: 'user.behavior.browsing_history',
  SEARCH: 'user.behavior.search_history',
  MEDIA: 'user.behavior.media_consumption',
  PURCHASES: 'user.behavior.purchase_history',
  BEHAVIOR: 'user.behavior',
  JOB: 'user.job_title',
  WORKPLACE: 'user.workplace',
  CRIMINAL: 'user.criminal_history',
  SOCIAL: 'user.social',
} as const;
