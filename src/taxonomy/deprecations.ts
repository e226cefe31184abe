import { dictionary } from '../shared/dictionary.js';
/**
 * Data-category keys of older fideslang generations and the current (fideslang 2.x) key that replaces
 * each. Manifests in the wild still use them; a loader should name the replacement instead of failing.
 *
 * Sources: the two upgrade maps Ethyca shipped in fides' database migrations, composed so each old
 * key points straight at a current key:
 * - fideslang <= 1.2 -> 1.3 ("user.provided.identifiable.*", "user.derived.identifiable.*"): fides
 *   migration 7abe778b7082 "Update fideslang data categories" (2022);
 * - fideslang 1.3/1.4 -> 2.0 (flat "user.gender", "user.credentials", ...): fides migration
 *   1ea164cee8bc "fideslang 2 data migrations" (2023).
 * Where those maps give no current target we say so rather than guess (see the notes below).
 * fideslang keys: Ethyca, CC BY 4.0.
 */

/** fideslang 1.3 / 1.4 flat keys removed in 2.0. */
const FIDESLANG_1_4: Record<string, string> = {
  'user.credentials': 'user.authorization.credentials',
  // 2.0 moved user.credentials under user.authorization; the password child became the credentials key itself.
  'user.credentials.password': 'user.authorization.credentials',
  'user.credentials.biometric_credentials': 'user.authorization.biometric',
  'user.financial.account_number': 'user.financial.bank_account',
  'user.browsing_history': 'user.behavior.browsing_history',
  'user.media_consumption': 'user.behavior.media_consumption',
  'user.search_history': 'user.behavior.search_history',
  'user.observed': 'user.behavior',
  'user.organization': 'user.contact.organization',
  'user.non_specific_age': 'user.demographic.age_range',
  'user.date_of_birth': 'user.demographic.date_of_birth',
  'user.gender': 'user.demographic.gender',
  'user.political_opinion': 'user.demographic.political_opinion',
  'user.profiling': 'user.demographic.profile',
  'user.race': 'user.demographic.race_ethnicity',
  'user.religious_belief': 'user.demographic.religious_belief',
  'user.sexual_orientation': 'user.demographic.sexual_orientation',
  'user.genetic': 'user.health_and_medical.genetic',
  'user.biometric_health': 'user.biometric.health',
};

/** fideslang 1.0-1.2 keys with the provided/derived and identifiable/nonidentifiable qualifiers in the key. */
const FIDESLANG_1_0: Record<string, string> = {
  // The qualifier levels themselves carry no category beyond "user data".
  'user.provided': 'user',
  'user.provided.identifiable': 'user',
  'user.derived': 'user',
  'user.derived.identifiable': 'user',

  'user.provided.identifiable.biometric': 'user.biometric',
  'user.provided.identifiable.childrens': 'user.childrens',
  'user.provided.identifiable.contact': 'user.contact',
  'user.provided.identifiable.contact.city': 'user.contact.address.city',
  'user.provided.identifiable.contact.country': 'user.contact.address.country',
  'user.provided.identifiable.contact.email': 'user.contact.email',
  'user.provided.identifiable.contact.phone_number': 'user.contact.phone_number',
  'user.provided.identifiable.contact.postal_code': 'user.contact.address.postal_code',
  'user.provided.identifiable.contact.state': 'user.contact.address.state',
  'user.provided.identifiable.contact.street': 'user.contact.address.street',
  'user.provided.identifiable.credentials': 'user.authorization.credentials',
  'user.provided.identifiable.credentials.biometric_credentials': 'user.authorization.biometric',
  'user.provided.identifiable.credentials.password': 'user.authorization.credentials',
  'user.provided.identifiable.date_of_birth': 'user.demographic.date_of_birth',
  'user.provided.identifiable.financial': 'user.financial',
  'user.provided.identifiable.financial.account_number': 'user.financial.bank_account',
  'user.provided.identifiable.gender': 'user.demographic.gender',
  'user.provided.identifiable.genetic': 'user.health_and_medical.genetic',
  'user.provided.identifiable.government_id': 'user.government_id',
  'user.provided.identifiable.government_id.drivers_license_number': 'user.government_id.drivers_license_number',
  'user.provided.identifiable.government_id.national_identification_number': 'user.government_id.national_identification_number',
  'user.provided.identifiable.government_id.passport_number': 'user.government_id.passport_number',
  'user.provided.identifiable.health_and_medical': 'user.health_and_medical',
  'user.provided.identifiable.job_title': 'user.job_title',
  'user.provided.identifiable.name': 'user.name',
  'user.provided.identifiable.non_specific_age': 'user.demographic.age_range',
  'user.provided.identifiable.political_opinion': 'user.demographic.political_opinion',
  'user.provided.identifiable.race': 'user.demographic.race_ethnicity',
  'user.provided.identifiable.religious_belief': 'user.demographic.religious_belief',
  'user.provided.identifiable.sexual_orientation': 'user.demographic.sexual_orientation',
  'user.provided.identifiable.workplace': 'user.workplace',

  'user.derived.identifiable.biometric_health': 'user.biometric.health',
  'user.derived.identifiable.browsing_history': 'user.behavior.browsing_history',
  'user.derived.identifiable.demographic': 'user.demographic',
  'user.derived.identifiable.device': 'user.device',
  'user.derived.identifiable.device.cookie_id': 'user.device.cookie_id',
  'user.derived.identifiable.device.device_id': 'user.device.device_id',
  'user.derived.identifiable.device.ip_address': 'user.device.ip_address',
  'user.derived.identifiable.gender': 'user.demographic.gender',
  'user.derived.identifiable.location': 'user.location',
  'user.derived.identifiable.media_consumption': 'user.behavior.media_consumption',
  'user.derived.identifiable.non_specific_age': 'user.demographic.age_range',
  'user.derived.identifiable.observed': 'user.behavior',
  'user.derived.identifiable.organization': 'user.contact.organization',
  'user.derived.identifiable.profiling': 'user.demographic.profile',
  'user.derived.identifiable.race': 'user.demographic.race_ethnicity',
  'user.derived.identifiable.religious_belief': 'user.demographic.religious_belief',
  'user.derived.identifiable.search_history': 'user.behavior.search_history',
  'user.derived.identifiable.sexual_orientation': 'user.demographic.sexual_orientation',
  'user.derived.identifiable.social': 'user.social',
  'user.derived.identifiable.telemetry': 'user.telemetry',
  'user.derived.identifiable.unique_id': 'user.unique_id',
  'user.derived.identifiable.user_sensor': 'user.user_sensor',
  'user.derived.identifiable.workplace': 'user.workplace',
  'user.derived.nonidentifiable.sensor': 'user.sensor',
};

/*
 * Not mapped on purpose:
 * - `account.*` (account.contact.email, account.payment.financial_account_number, ...): data about a
 *   business account, not a person; fides' migration dropped them without a replacement.
 * - `user.provided.nonidentifiable`, `user.derived.nonidentifiable`: no 2.x counterpart.
 * - `user.financial.payment_information`, `user.sensor_data`: short-lived 1.3 keys whose 2.x home the
 *   migrations do not state.
 */

export const DEPRECATED_KEYS = dictionary<string>({ ...FIDESLANG_1_0, ...FIDESLANG_1_4 });
