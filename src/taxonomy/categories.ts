/**
 * The data-category taxonomy: every key, its parent, its fideslang name, our own short label and the
 * sensitivity tags the law attaches to it.
 *
 * Keys, hierarchy and names (`name`) come from fideslang by Ethyca (https://github.com/ethyca/fideslang),
 * licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Labels, tags and the keys marked
 * `extension: true` are ours.
 *
 * Tags are declared where they first apply and are inherited by every descendant (see taxonomy.ts), so
 * a tag goes on the most general key for which it is true of all children:
 * - gdpr9: GDPR Art. 9 special categories; gdpr10: Art. 10 criminal convictions and offences
 * - cpra_spi: CPRA "sensitive personal information" (Cal. Civ. Code 1798.140(ae))
 * - phi: one of the 18 HIPAA identifiers or health information (45 CFR 164.514(b)(2))
 * - pci_chd / pci_sad: PCI DSS cardholder data / sensitive authentication data
 * - coppa: "personal information" under the COPPA rule (16 CFR 312.2) when it concerns a child
 */
import type { SensitivityTag } from './tags.js';

export interface CategoryDef {
  key: string;
  /** fideslang's name, or ours for extensions. */
  name: string;
  /** Short lower-case noun phrase for messages: "stores an email address". */
  label: string;
  parent?: string;
  /** Tags declared here; descendants inherit them. */
  tags?: SensitivityTag[];
  extension?: true;
}

export const CATEGORIES: readonly CategoryDef[] = [
  { key: 'user', name: 'User Data', label: 'personal data' },

  { key: 'user.account', name: 'Account Information', label: 'account information', parent: 'user' },
  { key: 'user.account.settings', name: 'Account Settings', label: 'account settings', parent: 'user.account' },
  // COPPA lists a screen or user name that works as online contact information.
  { key: 'user.account.username', name: 'Account Username', label: 'username', parent: 'user.account', tags: ['coppa'] },

  // CPRA: an account log-in together with the password or credentials that give access.
  { key: 'user.authorization', name: 'Authorization Information', label: 'authorization data', parent: 'user', tags: ['cpra_spi'] },
  { key: 'user.authorization.credentials', name: 'Account password', label: 'account credential', parent: 'user.authorization' },
  {
    key: 'user.authorization.biometric',
    name: 'Biometric Credentials',
    label: 'biometric credential',
    parent: 'user.authorization',
    tags: ['gdpr9'],
  },
  { key: 'user.authorization.password', name: 'Password', label: 'password', parent: 'user.authorization' },

  { key: 'user.behavior', name: 'Observed Behavior', label: 'behavioral data', parent: 'user' },
  { key: 'user.behavior.browsing_history', name: 'Browsing History', label: 'browsing history', parent: 'user.behavior' },
  { key: 'user.behavior.media_consumption', name: 'Media Consumption', label: 'media consumption history', parent: 'user.behavior' },
  { key: 'user.behavior.purchase_history', name: 'Purchase History', label: 'purchase history', parent: 'user.behavior' },
  { key: 'user.behavior.search_history', name: 'Search History', label: 'search history', parent: 'user.behavior' },

  // Art. 9 covers biometric data processed to identify a person; HIPAA lists biometric identifiers.
  { key: 'user.biometric', name: 'Biometric Data', label: 'biometric data', parent: 'user', tags: ['gdpr9', 'cpra_spi', 'phi', 'coppa'] },
  { key: 'user.biometric.fingerprint', name: 'Fingerprint', label: 'fingerprint', parent: 'user.biometric' },
  { key: 'user.biometric.retinal', name: 'Retina Scan', label: 'retina or iris scan', parent: 'user.biometric' },
  { key: 'user.biometric.voice', name: 'Voice Recording', label: 'voiceprint', parent: 'user.biometric' },
  { key: 'user.biometric.health', name: 'Biometric Health Data', label: 'biometric health data', parent: 'user.biometric' },

  { key: 'user.childrens', name: "Children's Data", label: "children's data", parent: 'user', tags: ['coppa'] },

  { key: 'user.contact', name: 'Contact Data', label: 'contact details', parent: 'user' },
  // Tags flow down to state and country, which alone are weaker; in practice they travel with the rest of the address.
  { key: 'user.contact.address', name: 'User Contact Address', label: 'postal address', parent: 'user.contact', tags: ['phi', 'coppa'] },
  { key: 'user.contact.address.city', name: 'User Contact City', label: 'city', parent: 'user.contact.address' },
  { key: 'user.contact.address.country', name: 'User Contact Country', label: 'country', parent: 'user.contact.address' },
  { key: 'user.contact.address.postal_code', name: 'User Contact Postal Code', label: 'postal code', parent: 'user.contact.address' },
  { key: 'user.contact.address.state', name: 'User Contact State', label: 'state or province', parent: 'user.contact.address' },
  { key: 'user.contact.address.street', name: 'User Contact Street', label: 'street address', parent: 'user.contact.address' },
  { key: 'user.contact.email', name: 'User Contact Email', label: 'email address', parent: 'user.contact', tags: ['phi', 'coppa'] },
  {
    key: 'user.contact.phone_number',
    name: 'User Contact Phone Number',
    label: 'phone number',
    parent: 'user.contact',
    tags: ['phi', 'coppa'],
  },
  { key: 'user.contact.url', name: 'User Website', label: 'personal website or profile URL', parent: 'user.contact', tags: ['phi'] },
  { key: 'user.contact.fax_number', name: 'Fax Number', label: 'fax number', parent: 'user.contact', tags: ['phi'] },
  { key: 'user.contact.organization', name: 'Organization', label: 'organization', parent: 'user.contact' },

  { key: 'user.content', name: 'User Content', label: 'user content', parent: 'user' },
  // CPRA: contents of mail, email and text messages unless the business is the intended recipient.
  { key: 'user.content.private', name: 'Private Content', label: 'private message content', parent: 'user.content', tags: ['cpra_spi'] },
  { key: 'user.content.public', name: 'Public Content', label: 'public content', parent: 'user.content' },
  {
    key: 'user.content.self_image',
    name: 'User Image',
    label: 'photo or video of the person',
    parent: 'user.content',
    tags: ['phi', 'coppa'],
  },

  { key: 'user.demographic', name: 'Demographic Data', label: 'demographic data', parent: 'user' },
  { key: 'user.demographic.age_range', name: 'Age Range', label: 'age', parent: 'user.demographic' },
  { key: 'user.demographic.date_of_birth', name: 'Birth Date', label: 'date of birth', parent: 'user.demographic', tags: ['phi'] },
  { key: 'user.demographic.gender', name: 'Gender', label: 'gender', parent: 'user.demographic' },
  { key: 'user.demographic.language', name: 'Language', label: 'language', parent: 'user.demographic' },
  { key: 'user.demographic.marital_status', name: 'Marital Status', label: 'marital status', parent: 'user.demographic' },
  // Political opinion is Art. 9 but not CPRA sensitive information.
  {
    key: 'user.demographic.political_opinion',
    name: 'Political Opinion',
    label: 'political opinion',
    parent: 'user.demographic',
    tags: ['gdpr9'],
  },
  { key: 'user.demographic.profile', name: 'User Profile Data', label: 'profiling data', parent: 'user.demographic' },
  {
    key: 'user.demographic.race_ethnicity',
    name: 'Race',
    label: 'racial or ethnic origin',
    parent: 'user.demographic',
    tags: ['gdpr9', 'cpra_spi'],
  },
  {
    key: 'user.demographic.religious_belief',
    name: 'Religion',
    label: 'religious or philosophical belief',
    parent: 'user.demographic',
    tags: ['gdpr9', 'cpra_spi'],
  },
  {
    key: 'user.demographic.sexual_orientation',
    name: 'Sexual Orientation',
    label: 'sex life or sexual orientation',
    parent: 'user.demographic',
    tags: ['gdpr9', 'cpra_spi'],
  },
  // Extension: Art. 9 and CPRA name union membership; fideslang has no key for it.
  {
    key: 'user.demographic.trade_union_membership',
    name: 'Trade Union Membership',
    label: 'trade-union membership',
    parent: 'user.demographic',
    tags: ['gdpr9', 'cpra_spi'],
    extension: true,
  },

  { key: 'user.location', name: 'Location Data', label: 'location', parent: 'user' },
  { key: 'user.location.imprecise', name: 'Imprecise Subject Location', label: 'approximate location', parent: 'user.location' },
  // CPRA: precise geolocation; COPPA: geolocation precise enough to find a street and city.
  {
    key: 'user.location.precise',
    name: 'Precise Subject Location',
    label: 'precise location',
    parent: 'user.location',
    tags: ['cpra_spi', 'phi', 'coppa'],
  },

  // COPPA counts persistent identifiers (cookies, device ids, IP addresses) as personal information.
  { key: 'user.device', name: 'Device Data', label: 'device data', parent: 'user', tags: ['coppa'] },
  { key: 'user.device.cookie', name: 'Device Cookie', label: 'cookie', parent: 'user.device' },
  { key: 'user.device.cookie_id', name: 'Cookie ID', label: 'cookie or session ID', parent: 'user.device' },
  { key: 'user.device.device_id', name: 'Device ID', label: 'device identifier', parent: 'user.device', tags: ['phi'] },
  { key: 'user.device.ip_address', name: 'IP Address', label: 'IP address', parent: 'user.device', tags: ['phi'] },
  // Extension: IDFA/GAID are named by app-store and ad-industry rules separately from other device ids.
  { key: 'user.device.advertising_id', name: 'Advertising ID', label: 'advertising ID', parent: 'user.device', extension: true },

  { key: 'user.payment', name: 'Payment Data', label: 'payment data', parent: 'user' },
  { key: 'user.social', name: 'Social Data', label: 'social data', parent: 'user' },
  { key: 'user.unique_id', name: 'Unique ID', label: 'user ID', parent: 'user' },
  { key: 'user.unique_id.pseudonymous', name: 'Pseudonymous User ID', label: 'pseudonymous user ID', parent: 'user.unique_id' },
  { key: 'user.telemetry', name: 'Telemetry Data', label: 'telemetry data', parent: 'user' },
  { key: 'user.user_sensor', name: 'User Sensor Data', label: 'sensor data about the user', parent: 'user' },
  { key: 'user.workplace', name: 'Workplace', label: 'workplace', parent: 'user' },
  { key: 'user.sensor', name: 'Sensor Data', label: 'sensor data', parent: 'user' },

  // Financial data is CPRA-sensitive only with the code that opens the account, so no tag on the parent.
  { key: 'user.financial', name: 'Financial Data', label: 'financial data', parent: 'user' },
  {
    key: 'user.financial.bank_account',
    name: 'Bank Account Information',
    label: 'bank account number',
    parent: 'user.financial',
    tags: ['phi'],
  },
  {
    key: 'user.financial.credit_card',
    name: 'Credit Card Information',
    label: 'payment card number',
    parent: 'user.financial',
    tags: ['pci_chd'],
  },
  // Extensions: fideslang has no keys under user.financial between account numbers and "all financial
  // data", so a balance or a salary could only be declared with the broad key, which also covers card
  // security codes that may never be stored. These say what the data is.
  { key: 'user.financial.account_balance', name: 'Account Balance', label: 'account balance', parent: 'user.financial', extension: true },
  { key: 'user.financial.income', name: 'Income', label: 'income', parent: 'user.financial', extension: true },
  {
    key: 'user.financial.transactions',
    name: 'Financial Transactions',
    label: 'financial transactions',
    parent: 'user.financial',
    extension: true,
  },
  {
    key: 'user.financial.credit',
    name: 'Credit and Debt',
    label: 'credit and debt information',
    parent: 'user.financial',
    extension: true,
  },
  {
    key: 'user.financial.wallet_address',
    name: 'Crypto Wallet Address',
    label: 'crypto wallet address',
    parent: 'user.financial',
    extension: true,
  },
  // Extension: PCI DSS sensitive authentication data (CVV/CVC, PIN/PIN block, track data) must never be stored after authorisation.
  {
    key: 'user.financial.card_security_code',
    name: 'Card Security Code',
    label: 'card security code',
    parent: 'user.financial',
    tags: ['pci_sad'],
    extension: true,
  },

  // HIPAA lists certificate, licence and vehicle identifiers; CPRA names only SSN, licence, state ID and passport.
  { key: 'user.government_id', name: 'Government ID', label: 'government ID', parent: 'user', tags: ['phi'] },
  {
    key: 'user.government_id.birth_certificate',
    name: 'Birth Certificate',
    label: 'birth certificate number',
    parent: 'user.government_id',
  },
  {
    key: 'user.government_id.drivers_license_number',
    name: "Driver's License Number",
    label: "driver's license number",
    parent: 'user.government_id',
    tags: ['cpra_spi'],
  },
  {
    key: 'user.government_id.immigration',
    name: 'Immigration ID',
    label: 'citizenship or immigration status',
    parent: 'user.government_id',
    tags: ['cpra_spi'],
  },
  {
    key: 'user.government_id.national_identification_number',
    name: 'National Identification Number',
    label: 'national ID number',
    parent: 'user.government_id',
    tags: ['cpra_spi'],
  },
  {
    key: 'user.government_id.passport_number',
    name: 'Passport Number',
    label: 'passport number',
    parent: 'user.government_id',
    tags: ['cpra_spi'],
  },
  {
    key: 'user.government_id.vehicle_registration',
    name: 'Vehicle Registration',
    label: 'vehicle registration',
    parent: 'user.government_id',
  },

  {
    key: 'user.health_and_medical',
    name: 'Health and Medical Data',
    label: 'health data',
    parent: 'user',
    tags: ['gdpr9', 'cpra_spi', 'phi'],
  },
  { key: 'user.health_and_medical.genetic', name: "User's Genetic Data", label: 'genetic data', parent: 'user.health_and_medical' },
  {
    key: 'user.health_and_medical.insurance_beneficiary_id',
    name: 'Medical Insurance ID',
    label: 'health insurance ID',
    parent: 'user.health_and_medical',
  },
  {
    key: 'user.health_and_medical.record_id',
    name: 'Medical Record ID',
    label: 'medical record number',
    parent: 'user.health_and_medical',
  },

  { key: 'user.name', name: 'Name', label: 'name', parent: 'user', tags: ['phi', 'coppa'] },
  { key: 'user.name.first', name: 'First Name', label: 'first name', parent: 'user.name' },
  { key: 'user.name.last', name: 'Last Name', label: 'last name', parent: 'user.name' },

  { key: 'user.criminal_history', name: 'Criminal History', label: 'criminal history', parent: 'user', tags: ['gdpr10'] },
  { key: 'user.privacy_preferences', name: 'Privacy Preferences', label: 'privacy preferences', parent: 'user' },
  { key: 'user.job_title', name: 'Job Title', label: 'job title', parent: 'user' },

  { key: 'system', name: 'System Data', label: 'system data' },
  { key: 'system.authentication', name: 'Authentication Data', label: 'system authentication data', parent: 'system' },
  { key: 'system.operations', name: 'Operations Data', label: 'system operations data', parent: 'system' },
];
