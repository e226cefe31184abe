/**
 * Identifier names per data category, built from the project's reference list
 * (shared/reference/field-names.yaml: legal texts, HIPAA identifiers, PCI DSS, COPPA, public
 * taxonomies) and reworked: most categories are split into fideslang sub-keys, names that are
 * ordinary programming words need context, and a few names moved category (see "decision" notes).
 *
 * Names are written in snake_case; they go through the same normalisation as identifiers
 * (normalise.ts), so `first_name` also covers `firstName`, `FIRST_NAME` and `firstname`, and
 * abbreviations (`ph_no`) are expanded on both sides.
 *
 * Group fields:
 * - confidence: what a match is worth (a person context raises medium to high, low to medium).
 * - context: 'person' = only in a person object, or with a person noun or a `near` token in the name
 *   (`customerName`); 'strict' = only in a person object or with a `near` token (`userState` is app
 *   state, `billingState` is an address); 'near' = only with a `near` token (`cardExpMonth`).
 *   A context name with any other word before it is not classified (`hostName`, `errorMessage`).
 * - predicate: a boolean with this name is itself the personal data (`isPregnant`).
 * - shape: which TypeScript types fit, when not the category default (see type-hints.ts).
 * - exclude: words in front of the name that make it about something else (`serverIp`).
 */
import type { Confidence } from '../../core/contract.js';
import type { Shape } from '../type-hints.js';

export type ContextRule = 'none' | 'person' | 'strict' | 'near';

export interface NameGroup {
  category: string;
  confidence: Confidence;
  names: readonly string[];
  context?: ContextRule;
  near?: readonly string[];
  predicate?: boolean;
  shape?: Shape;
  exclude?: readonly string[];
  /**
   * A system category (`system.authentication`) whose names mean a person's data only inside a
   * person (`user.apiKey`): the category they get there.
   */
  personal?: string;
}

/** Words that put a city, state, zip or apartment into a postal address. */
const ADDRESS_NEAR = [
  'address', 'billing', 'shipping', 'mailing', 'home', 'residential', 'residence', 'delivery', 'postal', 'street',
  'pickup', 'dropoff', 'contact', 'permanent',
];
/** Words that make an expiry date or a code part of a payment card. */
const CARD_NEAR = ['card', 'cc', 'credit', 'debit', 'cardholder'];

/** Network addresses that belong to machines, not people. */
const MACHINE_WORDS = [
  'server', 'host', 'hostname', 'local', 'localhost', 'proxy', 'gateway', 'dns', 'node', 'pod', 'cluster', 'bind', 'listen',
  'internal', 'loopback', 'router', 'vpc', 'subnet', 'service', 'container', 'docker', 'master', 'worker', 'peer', 'target',
  'upstream', 'backend', 'db', 'database', 'redis', 'api', 'smtp', 'broker', 'nat', 'allowed', 'allowlist', 'whitelist',
  'blocked', 'blocklist', 'blacklist', 'trusted', 'static', 'elastic', 'floating', 'balancer', 'ingress', 'egress', 'vm',
  'instance', 'machine', 'network', 'socket', 'bluetooth', 'ble', 'memory', 'base', 'broadcast', 'multicast',
];

export const NAME_GROUPS: readonly NameGroup[] = [
  // ---------------------------------------------------------------- names
  {
    category: 'user.name.first',
    confidence: 'high',
    names: ['first_name', 'fname', 'given_name', 'forename', 'name_first', 'vorname', 'prenom', 'voornaam', 'imie', 'primer_nombre'],
  },
  {
    category: 'user.name.last',
    confidence: 'high',
    names: [
      'last_name', 'lname', 'surname', 'family_name', 'name_last', 'apellido', 'apellidos', 'apellido_paterno', 'apellido_materno',
      'sobrenome', 'nachname', 'familienname', 'cognome', 'achternaam', 'nazwisko', 'nom_de_famille',
    ],
  },
  {
    category: 'user.name',
    confidence: 'high',
    names: [
      'full_name', 'legal_name', 'preferred_name', 'middle_name', 'maiden_name', 'mothers_maiden_name', 'mother_maiden_name',
      'birth_name', 'real_name', 'person_name', 'customer_name', 'patient_name', 'contact_name', 'recipient_name', 'sender_name',
      'billing_name', 'shipping_name', 'beneficiary_name', 'emergency_contact_name', 'spouse_name', 'parent_name', 'guardian_name',
      'account_holder_name', 'holder_name', 'passenger_name',
      // decision: names of relatives are names; the yaml filed some under user.social.
      'mother_name', 'father_name', 'partner_name', 'dependent_name',
      'nombre_completo', 'nombre_beneficiario', 'nome_completo', 'nome_social', 'nom_naissance', 'geburtsname', '氏名', '名前', 'shimei', 'namae',
    ],
  },
  { category: 'user.name', confidence: 'medium', names: ['nickname'] },
  // Bare `name` names files, hosts, classes and products far more often than people.
  { category: 'user.name', confidence: 'medium', context: 'person', names: ['name', 'display_name', 'mname', 'nom', 'nome', 'nombre'] },
  { category: 'user.name', confidence: 'low', context: 'person', names: ['initials', 'salutation', 'name_prefix', 'name_suffix'] },

  // ---------------------------------------------------------------- contact
  {
    category: 'user.contact.email',
    confidence: 'high',
    names: [
      'email', 'e_mail', 'email_address', 'mail_address', 'secondary_email', 'alt_email', 'alternate_email', 'correo', 'correo_electronico',
      'courriel', 'adresse_mail', 'adresse_email', 'emailadresse', 'メール', '電子メール', 'メールアドレス',
    ],
    // Shared mailboxes of the company, not a person's address.
    exclude: ['support', 'noreply', 'donotreply', 'system', 'sales', 'smtp', 'team', 'info', 'helpdesk', 'webmaster', 'postmaster'],
  },
  // An address named for the role of its holder is a person's even on a team or an organization
  // (`Team.billingEmail` is the billing contact's); only system mailboxes are excluded.
  {
    category: 'user.contact.email',
    confidence: 'high',
    names: [
      'contact_email', 'personal_email', 'work_email', 'business_email', 'billing_email', 'recovery_email', 'login_email', 'paypal_email',
      'guardian_email', 'parent_email', 'owner_email', 'admin_email',
    ],
    exclude: ['support', 'noreply', 'donotreply', 'system', 'smtp', 'helpdesk', 'webmaster', 'postmaster'],
  },
  // The recipients of an e-mail or message (`Email.to`, `mail.cc`, `emailReplyTo`): only next to a mail word.
  {
    category: 'user.contact.email',
    confidence: 'medium',
    context: 'near',
    near: ['email', 'mail', 'envelope', 'message'],
    names: ['to', 'cc', 'bcc', 'reply_to'],
  },
  { category: 'user.contact.email', confidence: 'medium', names: ['mail'], exclude: ['support', 'noreply', 'system', 'smtp'] },
  {
    category: 'user.contact.phone_number',
    confidence: 'high',
    names: [
      'phone', 'phone_number', 'phone_no', 'phone_num', 'telephone', 'telephone_number', 'tel', 'mobile_number', 'mobile_no', 'mob_no',
      'mobile_phone', 'cellphone', 'cell_phone', 'cell_number', 'msisdn', 'landline', 'home_phone', 'work_phone', 'office_phone',
      'contact_number', 'contact_phone', 'whatsapp_number', 'sms_number', 'emergency_phone', 'telefono', 'numero_telefono', 'telefone',
      'numero_celular', 'telefonnummer', 'handynummer', 'tel_nr', '電話番号', 'denwa', 'denwa_bango',
    ],
    exclude: ['support', 'helpdesk', 'hotline', 'sales', 'company'],
  },
  { category: 'user.contact.phone_number', confidence: 'medium', names: ['whatsapp', 'celular', 'movil'] },
  // `mobile` is a breakpoint or platform flag, `cell` a table cell, `portable` an adjective.
  { category: 'user.contact.phone_number', confidence: 'medium', context: 'person', names: ['mobile', 'cell', 'fono', 'portable'] },
  { category: 'user.contact.fax_number', confidence: 'high', names: ['fax', 'fax_number', 'fax_no'] },

  // ---------------------------------------------------------------- postal address
  {
    category: 'user.contact.address',
    confidence: 'high',
    names: [
      'home_address', 'residential_address', 'billing_address', 'shipping_address', 'mailing_address', 'delivery_address',
      'postal_address', 'pickup_address', 'dropoff_address', 'permanent_address', 'current_address', 'address_line', 'po_box',
      'post_office_box', 'direccion', 'endereco', 'adresse', 'anschrift', 'indirizzo', '住所', 'jusho',
    ],
  },
  {
    category: 'user.contact.address',
    confidence: 'medium',
    names: ['address'],
    // Network, memory and wallet addresses.
    exclude: [
      ...MACHINE_WORDS, 'ip', 'mac', 'email', 'wallet', 'remote', 'public', 'private', 'port', 'inet', 'logical', 'physical',
      'domain', 'contract', 'token', 'web', 'url', 'return', 'source', 'destination', 'bitcoin', 'btc', 'eth', 'ethereum', 'crypto',
      'hex', 'device', 'link', 'ipv4', 'ipv6', 'mail',
    ],
  },
  { category: 'user.contact.address', confidence: 'low', context: 'person', near: ADDRESS_NEAR, names: ['county', 'district', 'neighborhood', 'bairro', 'barrio'] },
  {
    category: 'user.contact.address.street',
    confidence: 'high',
    names: ['street_address', 'street_name', 'street_line', 'address_street', 'calle', 'rue', 'strasse'],
  },
  { category: 'user.contact.address.street', confidence: 'medium', names: ['street'] },
  {
    category: 'user.contact.address.street',
    confidence: 'high',
    shape: 'numeric',
    names: ['street_number', 'house_number', 'house_no', 'building_number', 'hausnummer', 'haus_nr'],
  },
  // `unit`, `suite`, `building`, `flat` are everyday code words.
  {
    category: 'user.contact.address.street',
    confidence: 'low',
    context: 'strict',
    near: ADDRESS_NEAR,
    shape: 'numeric',
    names: ['apartment', 'apt', 'unit', 'suite', 'building', 'flat', 'apartment_number', 'unit_number'],
  },
  { category: 'user.contact.address.city', confidence: 'medium', names: ['hometown'] },
  {
    category: 'user.contact.address.city',
    confidence: 'medium',
    context: 'person',
    near: ADDRESS_NEAR,
    names: ['city', 'town', 'locality', 'municipality', 'ciudad', 'cidade', 'ville', 'citta', 'ort', 'wohnort'],
  },
  {
    category: 'user.contact.address.postal_code',
    confidence: 'high',
    names: ['zip_code', 'postal_code', 'postcode', 'post_code', 'postleitzahl', 'codigo_postal', 'code_postal', '郵便番号', 'yubin_bango'],
  },
  // decision: `zip` is a file archive unless something address-like is around. `pincode` is an Indian
  // postal code; a secret PIN is `pin` (credentials).
  {
    category: 'user.contact.address.postal_code',
    confidence: 'medium',
    context: 'person',
    near: ADDRESS_NEAR,
    names: ['zip', 'cep', 'plz', 'cap', 'pincode', 'pin_code'],
  },
  {
    category: 'user.contact.address.state',
    confidence: 'low',
    context: 'strict',
    near: ADDRESS_NEAR,
    names: ['state', 'province', 'provincia', 'bundesland', 'prefecture', 'state_code', 'state_province'],
  },
  // decision: `countryCode` alone is not personal data; in a person object it is the person's country.
  {
    category: 'user.contact.address.country',
    confidence: 'low',
    context: 'person',
    near: ADDRESS_NEAR,
    names: ['country', 'country_code', 'pais'],
  },
  { category: 'user.contact.address.country', confidence: 'medium', names: ['country_of_residence'] },

  { category: 'user.contact.url', confidence: 'high', names: ['linkedin_url', 'linkedin_profile', 'personal_website', 'personal_url', 'profile_url', 'facebook_url', 'github_url'] },
  // A `url` or `website` of a person object is theirs; elsewhere it is an endpoint or a company site.
  { category: 'user.contact.url', confidence: 'low', context: 'person', names: ['url', 'website', 'homepage', 'web_site', 'website_url', 'homepage_url'] },
  // decision: `emailId` is the id OF an e-mail (a message id: `emailId`, `sesEmailId`) unless it is a
  // field of a person, where it is the person's address (Indian English "e-mail ID").
  { category: 'user.contact.email', confidence: 'medium', context: 'person', names: ['email_id'] },
  { category: 'user.contact', confidence: 'medium', names: ['contact_info', 'contact_details', 'contact_information', 'skype', 'skype_id', 'wechat_id', 'telegram_id'] },
  { category: 'user.contact', confidence: 'low', context: 'person', names: ['contact', 'telegram', 'wechat'] },
  // Key/value attributes kept about a contact or user (identify traits): e-mail, names, ids.
  {
    category: 'user.contact',
    confidence: 'medium',
    names: ['contact_attributes', 'user_attributes', 'customer_attributes', 'person_properties', 'user_properties', 'user_traits', 'contact_properties'],
  },
  { category: 'user.contact.organization', confidence: 'low', context: 'person', names: ['organization', 'org'] },

  // ---------------------------------------------------------------- government ids
  {
    category: 'user.government_id.national_identification_number',
    confidence: 'high',
    names: [
      'ssn', 'social_security_number', 'social_security_no', 'social_insurance_number', 'national_insurance_number', 'ni_number', 'nino',
      'national_id', 'national_id_number', 'national_identification_number', 'tax_id', 'taxpayer_id', 'tax_number',
      'tax_identification_number', 'itin', 'aadhaar', 'aadhaar_number', 'aadhar', 'uidai', 'curp', 'dni', 'nif', 'cuit', 'cuil',
      'cedula', 'cedula_identidad', 'cpf', 'identidade', 'registro_geral', 'codice_fiscale', 'bsn', 'burgerservicenummer', 'pesel',
      'personnummer', 'samordningsnummer', 'henkilotunnus', 'hetu', 'steuer_id', 'steueridentifikationsnummer', 'steuernummer',
      'sozialversicherungsnummer', 'svnr', 'rvnr', 'identifikationsnummer', 'numero_securite_sociale', 'numero_fiscal',
      'numero_assurance_sociale', 'numero_assurance', 'nric', 'my_number', 'マイナンバー', 'kojin_bango', 'tc_kimlik', 'tckn', 'nhs_number',
    ],
  },
  // Short ids that are also common words or acronyms in code (`sin`, `fin`, `cf`, `rg`, `nas`, `epic`).
  {
    category: 'user.government_id.national_identification_number',
    confidence: 'medium',
    context: 'person',
    names: ['sin', 'nin', 'nid', 'tin', 'rfc', 'nie', 'rg', 'cf', 'nir', 'nas', 'fin', 'rrn', 'idnr', 'epic', 'social_number', 'ci'],
  },
  {
    category: 'user.government_id',
    confidence: 'high',
    names: [
      'government_id', 'gov_id', 'identity_number', 'id_card_number', 'identity_card', 'identity_card_number', 'id_card', 'national_id_card',
      'personalausweis', 'personalausweisnummer', 'ausweisnummer', 'numero_carte_identite', 'voter_id', 'military_id',
    ],
  },
  { category: 'user.government_id', confidence: 'medium', names: ['id_number'] },
  { category: 'user.government_id', confidence: 'medium', context: 'person', names: ['state_id'] },
  {
    category: 'user.government_id.passport_number',
    confidence: 'high',
    names: ['passport_number', 'passport_no', 'passport_id', 'travel_document_number', 'reisepassnummer', 'passnummer', 'numero_passeport', 'pasaporte', 'passaporte'],
  },
  // `passport` is also the Node auth library.
  { category: 'user.government_id.passport_number', confidence: 'medium', context: 'person', names: ['passport'] },
  {
    category: 'user.government_id.drivers_license_number',
    confidence: 'high',
    names: [
      'drivers_license', 'driver_license', 'drivers_license_number', 'driver_license_number', 'drivers_license_no', 'driving_license',
      'driving_license_number', 'dl_number', 'dl_no', 'fuehrerscheinnummer', 'fuhrerscheinnummer', 'fuhrerschein',
    ],
  },
  // A `licenseNumber` may be a software licence.
  { category: 'user.government_id.drivers_license_number', confidence: 'medium', context: 'person', names: ['license_number'] },
  { category: 'user.government_id.birth_certificate', confidence: 'high', names: ['birth_certificate', 'birth_certificate_number'] },
  {
    category: 'user.government_id.immigration',
    confidence: 'high',
    names: [
      'immigration_status', 'citizenship', 'citizenship_status', 'visa_status', 'residency_status', 'work_permit', 'visa_number',
      'alien_number', 'alien_registration_number', 'green_card_number', 'residence_permit', 'residence_permit_number',
    ],
  },
  { category: 'user.government_id.immigration', confidence: 'medium', names: ['nationality'] },
  { category: 'user.government_id.immigration', confidence: 'medium', context: 'person', names: ['a_number'] },
  {
    category: 'user.government_id.vehicle_registration',
    confidence: 'high',
    names: ['license_plate', 'plate_number', 'number_plate', 'vehicle_registration', 'vehicle_registration_number', 'vehicle_identification_number', 'kennzeichen', 'plaka'],
  },
  { category: 'user.government_id.vehicle_registration', confidence: 'medium', names: ['vin'] },
  // A company also has a registration number; fleets have vehicle ids.
  { category: 'user.government_id.vehicle_registration', confidence: 'low', context: 'person', names: ['registration_number', 'vehicle_id'] },

  // ---------------------------------------------------------------- financial
  {
    category: 'user.financial.bank_account',
    confidence: 'high',
    names: [
      'iban', 'bank_account', 'bank_account_number', 'clabe', 'kontonummer', 'cuenta_bancaria', 'numero_compte', 'numero_cuenta',
      'conta_bancaria', 'bank_details',
    ],
  },
  { category: 'user.financial.bank_account', confidence: 'medium', names: ['account_number', 'acct_no', 'acct_num', 'upi_id'] },
  // Bank codes identify the bank, not the person; still part of the account details.
  { category: 'user.financial.bank_account', confidence: 'low', names: ['routing_number', 'sort_code', 'bsb', 'swift_code', 'bic', 'aba_number', 'bankleitzahl', 'blz'] },
  { category: 'user.financial.bank_account', confidence: 'low', context: 'person', names: ['aba', 'vpa', 'conta', 'swift'] },
  {
    category: 'user.financial.income',
    confidence: 'high',
    names: ['salary', 'income', 'annual_income', 'monthly_income', 'tax_return', 'paystub', 'pay_stub', 'pay_slip', 'payslip', 'salario', 'salaire', 'gehalt'],
  },
  { category: 'user.financial.income', confidence: 'medium', names: ['wage', 'payroll'] },
  { category: 'user.financial.credit', confidence: 'high', names: ['net_worth', 'credit_score', 'credit_rating', 'fico', 'fico_score'] },
  { category: 'user.financial.credit', confidence: 'medium', names: ['loan_amount', 'credit_limit'] },
  { category: 'user.financial.transactions', confidence: 'high', names: ['bank_statement'] },
  { category: 'user.financial.account_balance', confidence: 'medium', names: ['account_balance'] },
  { category: 'user.financial.wallet_address', confidence: 'medium', names: ['wallet_address', 'btc_address', 'crypto_wallet'] },
  { category: 'user.financial.bank_account', confidence: 'medium', names: ['bank_name'] },
  { category: 'user.financial.bank_account', confidence: 'medium', names: ['billing_info', 'billing_details'] },
  { category: 'user.financial.credit', confidence: 'low', context: 'person', names: ['debt'] },
  { category: 'user.financial.account_balance', confidence: 'low', context: 'person', names: ['balance'] },
  { category: 'user.financial.bank_account', confidence: 'low', context: 'person', names: ['banque'] },
  {
    category: 'user.financial.credit_card',
    confidence: 'high',
    names: [
      'card_number', 'card_no', 'card_num', 'cc_number', 'cc_num', 'cc_no', 'ccnum', 'credit_card', 'credit_card_number', 'debit_card',
      'debit_card_number', 'primary_account_number', 'payment_card_number', 'cardholder_name', 'card_holder_name', 'card_expiry',
      'card_expiration', 'card_expiration_date', 'card_exp', 'card_exp_date', 'cc_exp', 'numero_tarjeta', 'numero_carte',
      'carte_bancaire', 'carte_credit', 'カード番号', 'kreditkartennummer', 'kartennummer',
    ],
  },
  { category: 'user.financial.credit_card', confidence: 'medium', names: ['ccn', 'cardholder', 'card_holder'] },
  { category: 'user.financial.credit_card', confidence: 'medium', context: 'person', names: ['tarjeta'] },
  // decision: a truncated PAN (`cardLast4`, `maskedPan`) is not cardholder data under PCI DSS; the BIN identifies the issuer.
  {
    category: 'user.financial.credit_card',
    confidence: 'medium',
    context: 'near',
    near: CARD_NEAR,
    names: ['expiry', 'exp_date', 'expiration_date', 'exp_month', 'exp_year', 'expiry_month', 'expiry_year', 'expiration_month', 'expiration_year', 'pan', 'service_code'],
  },
  // PCI DSS sensitive authentication data.
  {
    category: 'user.financial.card_security_code',
    confidence: 'high',
    names: [
      'cvv', 'cvc', 'cvv2', 'cvc2', 'card_security_code', 'card_verification_value', 'card_verification_code', 'card_verification',
      'track_data', 'track1', 'track2', 'magstripe', 'magnetic_stripe', 'pin_block', 'card_pin', 'atm_pin',
    ],
  },
  { category: 'user.financial.card_security_code', confidence: 'medium', names: ['security_code', 'card_code'] },
  { category: 'user.financial.card_security_code', confidence: 'medium', context: 'near', near: CARD_NEAR, names: ['cid', 'csc'] },

  // ---------------------------------------------------------------- credentials
  {
    category: 'user.authorization.credentials',
    confidence: 'high',
    names: [
      'password', 'passphrase', 'passcode', 'one_time_password', 'one_time_code', 'otp_code', 'totp_secret', 'mfa_secret',
      'two_factor_secret', 'security_answer', 'secret_answer', 'security_question_answer', 'recovery_code', 'backup_code',
      'backup_codes', 'access_token', 'refresh_token', 'id_token', 'auth_token', 'session_token', 'bearer_token', 'oauth_token',
      'reset_token', 'password_reset_token', 'seed_phrase', 'recovery_phrase', 'mnemonic_phrase', 'senha', 'contrasena', 'passwort',
      'kennwort', 'mot_de_passe', 'パスワード',
    ],
  },
  // decision: `pin` is an account or app PIN (credentials); a card PIN reaches merchant code only as a
  // PIN block (`pinBlock`, `cardPin`: card security code). Bare `token` is a credential (medium);
  // pagination, CSRF, lexer and design tokens are not.
  {
    category: 'user.authorization.credentials',
    confidence: 'medium',
    names: [
      'pass', 'pin', 'pin_number', 'otp', 'jwt', 'token', 'verification_code', 'verification_token', 'confirmation_token', 'auth_code',
      'security_question',
    ],
    exclude: [
      'csrf', 'xsrf', 'page', 'next', 'pagination', 'cursor', 'continuation', 'cancellation', 'cancel', 'sync', 'lexer', 'syntax',
      'parser', 'ast', 'design', 'theme', 'color', 'style', 'css', 'rate', 'bucket', 'idempotency', 'card', 'payment', 'stripe',
      'paypal', 'braintree', 'checkout', 'push', 'fcm', 'apns', 'device', 'notification', 'boarding', 'map', 'drop', 'hat', 'cache',
      'public',
      // Language-model and text tokens are counted, not secret: `outputTokens`, `promptTokens`, `maxTokens`.
      'input', 'output', 'prompt', 'completion', 'reasoning', 'cached', 'llm', 'model', 'context', 'usage', 'route', 'word',
    ],
  },
  // decision: keys and secrets of an application, a tenant or an integration are system credentials
  // (`system.authentication`), not a person's: no personal-data rule reports them. Only inside a
  // person (`user.apiKey`, `customerApiKey`) are they that person's credential.
  {
    category: 'system.authentication',
    personal: 'user.authorization.credentials',
    confidence: 'medium',
    names: [
      'api_key', 'api_secret', 'client_secret', 'private_key', 'secret_key', 'access_key', 'access_key_id', 'secret_access_key',
      'signing_key', 'signing_secret', 'webhook_secret', 'encryption_key', 'jwt_secret', 'session_secret', 'app_secret', 'app_key',
      'master_key', 'consumer_secret', 'consumer_key', 'license_key', 'dsn',
    ],
  },
  { category: 'user.authorization.credentials', confidence: 'high', shape: 'text', names: ['credentials', 'credential', 'login_credentials'] },
  { category: 'user.authorization.credentials', confidence: 'medium', context: 'person', names: ['mnemonic'] },
  // Second factors and passkeys of a person; a service's are system credentials and have other names.
  {
    category: 'user.authorization.credentials',
    confidence: 'medium',
    context: 'person',
    names: [
      'two_factor_code', 'two_factor_token', 'two_factor_backup_codes', 'two_factor_recovery_codes', 'mfa_code', 'mfa_token', 'totp_code',
      'passkey', 'webauthn_credential', 'webauthn_credentials', 'authenticator_secret',
    ],
  },
  { category: 'user.authorization.biometric', confidence: 'medium', names: ['face_id', 'touch_id'] },

  // ---------------------------------------------------------------- health
  {
    category: 'user.health_and_medical',
    confidence: 'high',
    names: [
      'diagnosis', 'diagnoses', 'diagnosis_code', 'icd10', 'icd_code', 'icd10_code', 'medical_condition', 'health_condition', 'disease',
      'illness', 'symptom', 'symptoms', 'allergy', 'allergies', 'medication', 'medications', 'prescription', 'dosage', 'lab_result',
      'blood_type', 'blood_group', 'blood_pressure', 'heart_rate', 'bmi', 'body_mass_index', 'glucose', 'blood_glucose', 'blood_sugar',
      'cholesterol', 'vaccination', 'vaccination_status', 'vaccine_status', 'immunization', 'menstrual', 'menstrual_cycle', 'fertility',
      'contraception', 'mental_health', 'psychiatric', 'psychiatric_history', 'substance_use', 'hiv_status', 'medical_history',
      'medical_record', 'health_record', 'health_data', 'health_info', 'health_status', 'medical_notes', 'clinical_notes',
      'attending_physician', 'primary_care_provider', 'primary_care_physician', 'therapy', 'body_temperature', 'oxygen_saturation',
      'spo2', 'respiratory_rate', 'medecin_traitant', 'tension_arterielle', 'frequence_cardiaque', '健康', '医療',
    ],
  },
  // Booleans that are themselves health data.
  {
    category: 'user.health_and_medical',
    confidence: 'high',
    predicate: true,
    names: [
      'pregnant', 'pregnancy', 'is_pregnant', 'disability', 'has_disability', 'handicap', 'hiv_positive', 'is_hiv_positive', 'smoker',
      'is_smoker', 'diabetic', 'is_diabetic', 'vaccinated', 'is_vaccinated',
    ],
  },
  // Words with an everyday programming meaning (`height`, `condition`, `treatment` of an A/B test).
  {
    category: 'user.health_and_medical',
    confidence: 'medium',
    context: 'person',
    names: [
      'weight', 'height', 'pulse', 'condition', 'treatment', 'procedure', 'doctor', 'hospital', 'clinic', 'test_result', 'rx', 'rh',
      'therapist', 'antecedents', 'sante', 'saude', 'medico', 'temperature', 'appointment',
    ],
  },
  {
    category: 'user.health_and_medical',
    confidence: 'medium',
    shape: 'date',
    names: ['admission_date', 'discharge_date', 'vaccination_date', 'diagnosis_date'],
  },
  { category: 'user.health_and_medical', confidence: 'high', shape: 'date', names: ['date_of_death', 'death_date'] },
  { category: 'user.health_and_medical.genetic', confidence: 'high', names: ['dna', 'dna_sequence', 'genome', 'genotype', 'genetic_data', 'genetic_test', 'genetic_marker'] },
  { category: 'user.health_and_medical.genetic', confidence: 'medium', names: ['genetic'] },
  { category: 'user.health_and_medical.genetic', confidence: 'medium', context: 'person', names: ['snp'] },
  {
    category: 'user.health_and_medical.record_id',
    confidence: 'high',
    names: ['medical_record_number', 'mrn', 'patient_id', 'chart_number', 'medical_record_id', 'health_record_id', 'patient_number'],
  },
  {
    category: 'user.health_and_medical.insurance_beneficiary_id',
    confidence: 'high',
    names: [
      'health_plan_id', 'health_insurance_number', 'health_insurance_id', 'insurance_member_id', 'medicare_number', 'medicare_id',
      'medicaid_id', 'medicaid_number', 'hicn', 'carte_vitale', 'krankenversicherungsnummer', 'versichertennummer', 'kvnr',
    ],
  },
  { category: 'user.health_and_medical.insurance_beneficiary_id', confidence: 'medium', names: ['policy_number', 'insurance_number', 'insurance_id', 'krankenkasse'] },
  { category: 'user.health_and_medical.insurance_beneficiary_id', confidence: 'medium', context: 'person', names: ['mbi'] },

  // ---------------------------------------------------------------- biometric
  // decision: `fingerprint` is a browser fingerprint or a content/key hash unless it belongs to a person.
  { category: 'user.biometric.fingerprint', confidence: 'low', context: 'person', names: ['fingerprint', 'finger_print', 'thumbprint'] },
  { category: 'user.biometric.fingerprint', confidence: 'high', names: ['fingerprint_template', 'fingerprint_image', 'fingerprint_scan', '指紋'] },
  { category: 'user.biometric.retinal', confidence: 'high', names: ['iris_scan', 'retina_scan', 'retinal_scan', 'iris_template'] },
  { category: 'user.biometric.retinal', confidence: 'medium', context: 'person', names: ['iris', 'retina'] },
  { category: 'user.biometric.voice', confidence: 'high', names: ['voiceprint', 'voice_sample', 'voice_embedding', 'voice_signature'] },
  {
    category: 'user.biometric',
    confidence: 'high',
    names: [
      'face_template', 'faceprint', 'face_embedding', 'face_encoding', 'face_vector', 'facial_features', 'facial_landmarks',
      'face_geometry', 'palm_print', 'hand_geometry', 'biometric_template', 'biometric_hash', 'biometric_data',
    ],
  },
  { category: 'user.biometric', confidence: 'medium', names: ['biometric', 'liveness_score', 'biometrico', '生体認証'] },
  { category: 'user.biometric', confidence: 'medium', context: 'person', names: ['gait'] },

  // ---------------------------------------------------------------- demographic
  {
    category: 'user.demographic.race_ethnicity',
    confidence: 'high',
    names: ['ethnicity', 'ethnic_origin', 'ethnic_group', 'racial_origin', 'raca', 'raza', 'etnia', '人種', '民族'],
  },
  { category: 'user.demographic.race_ethnicity', confidence: 'medium', names: ['race', 'racial'] },
  { category: 'user.demographic.race_ethnicity', confidence: 'medium', context: 'person', names: ['caste'] },
  {
    category: 'user.demographic.religious_belief',
    confidence: 'high',
    names: ['religion', 'religious_affiliation', 'religious_belief', 'philosophical_belief', 'religiao', '宗教'],
  },
  // `denomination` is also a currency unit.
  { category: 'user.demographic.religious_belief', confidence: 'medium', context: 'person', names: ['faith', 'denomination', 'belief'] },
  {
    category: 'user.demographic.political_opinion',
    confidence: 'high',
    names: ['political_affiliation', 'political_party', 'political_opinion', 'political_views', 'party_membership', 'party_affiliation'],
  },
  {
    category: 'user.demographic.trade_union_membership',
    confidence: 'high',
    predicate: true,
    names: ['union_member', 'is_union_member', 'union_membership', 'trade_union', 'trade_union_membership'],
  },
  { category: 'user.demographic.trade_union_membership', confidence: 'medium', context: 'person', names: ['union_id'] },
  {
    category: 'user.demographic.sexual_orientation',
    confidence: 'high',
    names: ['sexual_orientation', 'sexuality', 'sex_life', 'sexual_preference', 'sexual_identity'],
  },
  { category: 'user.demographic.gender', confidence: 'high', names: ['gender', 'gender_identity', 'sexo', 'sexe', 'geschlecht'] },
  // decision: `sex` needs no context (no other meaning in code) but is one step weaker than `gender`.
  { category: 'user.demographic.gender', confidence: 'medium', names: ['sex', 'pronouns', 'pronoun', 'genero'] },
  { category: 'user.demographic.marital_status', confidence: 'high', names: ['marital_status', 'civil_status', 'relationship_status', 'estado_civil', 'familienstand'] },
  {
    category: 'user.demographic.date_of_birth',
    confidence: 'high',
    names: [
      'dob', 'date_of_birth', 'birthdate', 'birth_date', 'birthday', 'bday', 'fecha_nacimiento', 'fecha_de_nacimiento', 'data_nascimento',
      'data_de_nascimento', 'datanasc', 'date_naissance', 'date_de_naissance', 'geburtsdatum', 'geburtstag', 'data_urodzenia', '生年月日', '誕生日',
    ],
  },
  { category: 'user.demographic.date_of_birth', confidence: 'medium', names: ['birth_year', 'year_of_birth', 'yob', 'birth_month', 'birth_day', 'nascimento'] },
  // decision: the place of birth is not a date; fideslang has no key for it, so the demographic parent.
  { category: 'user.demographic', confidence: 'medium', names: ['place_of_birth', 'birthplace', 'birth_place', 'geburtsort', 'lugar_nacimiento'] },
  { category: 'user.demographic.age_range', confidence: 'high', names: ['age_range', 'age_group', 'age_bracket'] },
  // decision: `age` is a cache/cookie age outside a person object.
  { category: 'user.demographic.age_range', confidence: 'medium', context: 'person', names: ['age', 'edad', 'idade'] },
  { category: 'user.demographic.language', confidence: 'medium', names: ['preferred_language', 'native_language', 'mother_tongue', 'spoken_languages'] },
  { category: 'user.demographic.language', confidence: 'low', context: 'person', names: ['language', 'locale'] },

  // ---------------------------------------------------------------- children
  {
    category: 'user.childrens',
    confidence: 'high',
    predicate: true,
    names: ['is_minor', 'is_child', 'is_kid', 'under_13', 'under_16', 'under_18', 'is_under_13', 'parental_consent'],
  },
  { category: 'user.childrens', confidence: 'high', names: ['child_name', 'kid_name', 'child_age'] },
  { category: 'user.childrens', confidence: 'medium', names: ['guardian_id'] },
  // decision: adults go to school too; a school in a person object is a weak children's-data signal.
  // `grade` (of anything) and `student_id` (university) are not children's data.
  { category: 'user.childrens', confidence: 'low', context: 'person', names: ['school', 'school_name', 'grade_level'] },

  // ---------------------------------------------------------------- location
  {
    category: 'user.location.precise',
    confidence: 'high',
    names: [
      'current_location', 'last_location', 'last_known_location', 'home_location', 'precise_location', 'device_location',
      'pickup_location', 'dropoff_location', 'trip_path', 'visited_places', 'location_history', 'gps_location', 'gps_coordinates',
    ],
  },
  // Coordinates of a store are not personal; of a person they are precise location (high in a person context).
  {
    category: 'user.location.precise',
    confidence: 'medium',
    names: ['lat', 'lng', 'lon', 'latitude', 'longitude', 'lat_lng', 'latlng', 'latlon', 'lat_long', 'geo_point', 'geopoint', 'geolocation', 'gps', 'geohash', 'plus_code', 'h3_index', 'geo_coordinates'],
  },
  { category: 'user.location.precise', confidence: 'medium', context: 'person', names: ['coordinates', 'coords', 'geo', 'long'] },
  { category: 'user.location.precise', confidence: 'low', context: 'person', names: ['altitude'] },
  // decision: a person's `location` may be a city or coordinates: the generic key.
  { category: 'user.location', confidence: 'medium', context: 'person', names: ['location'] },
  { category: 'user.location.imprecise', confidence: 'medium', names: ['ip_geo', 'geoip', 'geo_ip', 'ip_location', 'approximate_location'] },
  { category: 'user.location.imprecise', confidence: 'low', context: 'person', names: ['timezone', 'time_zone', 'region', 'metro_area'] },

  // ---------------------------------------------------------------- device and online identifiers
  {
    category: 'user.device.ip_address',
    confidence: 'high',
    names: [
      'ip', 'ip_address', 'ip_addr', 'client_ip', 'remote_ip', 'remote_addr', 'remote_address', 'user_ip', 'source_ip', 'origin_ip',
      'x_forwarded_for', 'x_real_ip', 'real_ip', 'forwarded_for', 'ipv4', 'ipv6', 'ipv4_address', 'ipv6_address', 'ip_adresse',
      'direccion_ip', 'ipアドレス',
    ],
    exclude: [...MACHINE_WORDS, 'private'],
  },
  {
    category: 'user.device.device_id',
    confidence: 'high',
    names: [
      'mac_address', 'device_id', 'device_uuid', 'device_identifier', 'udid', 'imei', 'imsi', 'meid', 'hardware_id', 'android_id',
      'idfv', 'push_token', 'fcm_token', 'apns_token', 'device_token', 'notification_token', 'push_notification_token',
      'browser_fingerprint', 'canvas_fingerprint', 'device_fingerprint',
    ],
  },
  { category: 'user.device.device_id', confidence: 'medium', names: ['user_agent'] },
  // An installation id names a device only with a person about (a Firebase installation); a GitHub
  // App's or a plugin's installation is an account's.
  { category: 'user.device.device_id', confidence: 'medium', context: 'person', names: ['installation_id', 'install_id'] },
  // `mac` is also the platform; serial numbers belong to products.
  { category: 'user.device.device_id', confidence: 'medium', context: 'person', names: ['mac', 'serial_number'] },
  { category: 'user.device.advertising_id', confidence: 'high', names: ['advertising_id', 'idfa', 'gaid', 'aaid', 'mobile_ad_id', 'google_ad_id'] },
  // `adId` is usually the id of an ad creative.
  { category: 'user.device.advertising_id', confidence: 'low', context: 'person', names: ['ad_id', 'adid', 'ifa', 'maid'] },
  {
    category: 'user.device.cookie_id',
    confidence: 'high',
    names: ['cookie_id', 'visitor_id', 'anonymous_id', 'anon_id', 'ga_client_id', 'ajs_anonymous_id'],
  },
  // decision: a payment provider's checkout or upload session is not a person's browser session.
  {
    category: 'user.device.cookie_id',
    confidence: 'medium',
    names: ['session_id', 'fbp', 'fbc', 'gclid', 'fbclid', 'msclkid', 'ttclid', 'distinct_id'],
    exclude: ['checkout', 'stripe', 'payment', 'billing', 'upload', 'transaction', 'db', 'database'],
  },
  { category: 'user.device.cookie_id', confidence: 'low', context: 'person', names: ['sid', 'ga', 'tracking_id'] },
  { category: 'user.device.cookie', confidence: 'medium', names: ['session_cookie', 'tracking_cookie', 'cookie_value'] },
  { category: 'user.device.cookie', confidence: 'medium', context: 'person', names: ['cookie'] },

  // ---------------------------------------------------------------- ids and accounts
  {
    category: 'user.unique_id',
    confidence: 'high',
    names: [
      'user_id', 'person_id', 'subscriber_id', 'member_id', 'external_user_id', 'user_uuid', 'user_guid',
      'member_number', 'membership_number', 'loyalty_number', 'loyalty_id',
    ],
  },
  // A payment provider's customer (`stripeCustomerId`) is that provider's object, often an
  // organization's billing account: not the application's id of a person.
  {
    category: 'user.unique_id',
    confidence: 'high',
    names: ['customer_id', 'customer_number', 'customer_no'],
    exclude: ['stripe', 'braintree', 'paddle', 'chargebee', 'recurly', 'lemonsqueezy', 'polar', 'paypal', 'adyen', 'mollie', 'billing', 'payment'],
  },
  {
    category: 'user.unique_id',
    confidence: 'medium',
    names: [
      'uid', 'account_id', 'profile_id', 'student_id', 'student_number', 'applicant_id', 'candidate_id', 'contact_id', 'lead_id',
      'guest_id', 'buyer_id', 'seller_id', 'owner_id', 'author_id', 'passenger_id', 'payer_id', 'payee_id', 'recipient_id', 'sender_id',
    ],
  },
  // The person's id at an identity provider (OAuth subject): `User.socialId`, `Account.providerAccountId`.
  {
    category: 'user.unique_id',
    confidence: 'medium',
    context: 'person',
    names: [
      'social_id', 'google_id', 'github_id', 'apple_id', 'twitter_id', 'microsoft_id', 'discord_id', 'linkedin_id', 'gitlab_id',
      'third_party_id', 'provider_id', 'provider_account_id', 'provider_user_id', 'oauth_id', 'oauth_user_id', 'openid', 'sso_id',
      'external_account_id', 'federated_id', 'subject_id',
    ],
  },
  // A provider's name as a field of a person (`User.google: String`) holds the person's id there; an
  // object-typed one (`github: GithubProfile`) is a profile, read by its own fields.
  {
    category: 'user.unique_id',
    confidence: 'low',
    context: 'person',
    shape: 'strict',
    names: ['google', 'github', 'facebook', 'twitter', 'apple', 'microsoft', 'discord', 'linkedin', 'gitlab', 'bitbucket', 'twitch', 'steam', 'slack', 'spotify'],
  },
  // `id` only means the person's id inside a person object (`User.id`); `ownerId` is covered by the person-noun rule.
  { category: 'user.unique_id', confidence: 'low', context: 'person', names: ['id', 'uuid', 'guid', 'external_id', 'identifier'] },
  { category: 'user.unique_id.pseudonymous', confidence: 'high', names: ['pseudonym', 'pseudonymous_id', 'pseudo_id', 'hashed_user_id'] },
  {
    category: 'user.account.username',
    confidence: 'high',
    names: ['username', 'user_name', 'screen_name', 'login_name', 'login_id', 'benutzername', 'nombre_usuario', 'nome_usuario', 'ユーザー名'],
  },
  { category: 'user.account.username', confidence: 'medium', context: 'person', names: ['login', 'handle'] },
  { category: 'user.account', confidence: 'medium', names: ['user_role'] },
  { category: 'user.account', confidence: 'low', context: 'person', names: ['role', 'roles'] },
  { category: 'user.account.settings', confidence: 'medium', names: ['user_preferences', 'user_settings'] },
  { category: 'user.account.settings', confidence: 'low', context: 'person', names: ['preferences'] },
  {
    category: 'user.privacy_preferences',
    confidence: 'medium',
    predicate: true,
    names: ['privacy_preferences', 'privacy_settings', 'consent_preferences', 'cookie_consent', 'marketing_consent', 'gdpr_consent', 'do_not_sell', 'do_not_track', 'marketing_opt_in'],
  },
  { category: 'user.privacy_preferences', confidence: 'low', context: 'person', predicate: true, names: ['consent', 'opt_in', 'opt_out'] },

  // ---------------------------------------------------------------- content
  {
    category: 'user.content.private',
    confidence: 'high',
    names: [
      'message_body', 'email_body', 'sms_body', 'sms_text', 'text_message', 'chat_message', 'chat_log', 'chat_history', 'transcript',
      'voicemail', 'call_recording', 'audio_recording', 'recording_url', 'direct_message', 'private_message', 'support_ticket_body',
      'ticket_body', 'journal_entry', 'diary_entry', 'voice_note',
    ],
  },
  // decision: `emailSubject` is mostly composed by the app from a template: not classified.
  // `logger.info(message)` must stay quiet: message-like words need a person.
  { category: 'user.content.private', confidence: 'medium', context: 'person', names: ['message', 'msg', 'notes', 'note', 'comment', 'attachment', 'conversation', 'inbox', 'dm'] },
  { category: 'user.content.private', confidence: 'medium', context: 'strict', names: ['body', 'content'] },
  { category: 'user.content.public', confidence: 'medium', names: ['about_me'] },
  { category: 'user.content.public', confidence: 'medium', context: 'person', names: ['bio', 'biography'] },
  {
    category: 'user.content.self_image',
    confidence: 'high',
    names: [
      'selfie', 'headshot', 'profile_picture', 'profile_pic', 'profile_photo', 'profile_image', 'profile_image_url', 'profile_photo_url',
      'avatar_url', 'avatar_image', 'id_photo', 'license_photo', 'passport_photo', 'passport_scan', 'id_scan', 'face_photo', 'face_image',
      'foto_usuario', 'foto_perfil', 'lien_photo',
    ],
  },
  { category: 'user.content.self_image', confidence: 'medium', names: ['avatar', 'photo_url', 'document_scan'] },
  // A product `photo` or a cover `picture` is not a person's image.
  // An `image` of a person object is their avatar (`User.image` of NextAuth).
  { category: 'user.content.self_image', confidence: 'medium', context: 'person', names: ['photo', 'picture', 'foto', 'portrait', 'image'] },
  { category: 'user.content.self_image', confidence: 'low', context: 'person', names: ['video', 'video_url'] },

  // ---------------------------------------------------------------- behaviour
  { category: 'user.behavior.browsing_history', confidence: 'high', names: ['browsing_history', 'browser_history', 'visited_urls', 'visited_pages'] },
  { category: 'user.behavior.browsing_history', confidence: 'medium', names: ['clickstream', 'click_events', 'pageviews'] },
  { category: 'user.behavior.browsing_history', confidence: 'low', context: 'person', names: ['page_views'] },
  { category: 'user.behavior.search_history', confidence: 'high', names: ['search_history'] },
  { category: 'user.behavior.search_history', confidence: 'medium', names: ['recent_searches', 'search_queries'] },
  { category: 'user.behavior.search_history', confidence: 'low', context: 'person', names: ['search_query', 'search_term', 'searches'] },
  { category: 'user.behavior.media_consumption', confidence: 'high', names: ['watch_history', 'listening_history', 'viewing_history', 'play_history', 'reading_history'] },
  { category: 'user.behavior.purchase_history', confidence: 'high', names: ['purchase_history', 'order_history'] },
  { category: 'user.behavior.purchase_history', confidence: 'medium', names: ['transaction_history', 'past_orders'] },
  { category: 'user.behavior.purchase_history', confidence: 'low', context: 'person', names: ['cart', 'shopping_cart', 'wishlist', 'purchases'] },
  {
    category: 'user.behavior',
    confidence: 'medium',
    names: ['viewed_items', 'recently_viewed', 'ad_interactions', 'app_usage', 'installed_apps', 'activity_log', 'user_activity'],
  },
  // decision: `segments` and `audiences` are too generic (path segments, ad audiences as config): dropped.
  { category: 'user.behavior', confidence: 'low', context: 'person', names: ['interests'] },

  // ---------------------------------------------------------------- work
  { category: 'user.job_title', confidence: 'high', names: ['job_title', 'role_title'] },
  { category: 'user.job_title', confidence: 'medium', names: ['occupation', 'profession', 'job_position', 'beruf'] },
  // decision: in a person object `position` is the job; coordinates are `lat`/`lng`.
  { category: 'user.job_title', confidence: 'low', context: 'strict', names: ['title', 'position', 'designation'] },
  { category: 'user.job_title', confidence: 'low', context: 'person', names: ['job', 'cargo'] },
  {
    category: 'user.workplace',
    confidence: 'medium',
    names: ['employer', 'employer_name', 'workplace', 'employee_id', 'employee_number', 'staff_id', 'badge_id', 'badge_number', 'arbeitgeber'],
  },
  // decision: `companyName` alone is the tenant or vendor; in a person object it is the employer.
  { category: 'user.workplace', confidence: 'low', context: 'person', names: ['company', 'company_name', 'department', 'office', 'empresa'] },

  // ---------------------------------------------------------------- criminal
  {
    category: 'user.criminal_history',
    confidence: 'high',
    names: [
      'criminal_record', 'criminal_history', 'criminal_background', 'conviction', 'convictions', 'arrest_record', 'criminal_offense',
      'sex_offender', 'parole_status', 'probation_status', 'incarceration', 'inmate_number', 'mugshot',
    ],
  },
  { category: 'user.criminal_history', confidence: 'high', predicate: true, names: ['has_criminal_record', 'is_convicted', 'is_sex_offender', 'on_parole'] },
  { category: 'user.criminal_history', confidence: 'medium', names: ['background_check'] },
  // decision: `charges` are payments far more often than criminal charges: dropped.
  { category: 'user.criminal_history', confidence: 'medium', context: 'person', names: ['offense', 'pardon'] },

  // ---------------------------------------------------------------- relations
  { category: 'user.social', confidence: 'high', names: ['spouse', 'next_of_kin', 'emergency_contact', 'household_members', 'family_members'] },
  { category: 'user.social', confidence: 'medium', names: ['twitter_handle', 'instagram_handle', 'tiktok_handle', 'facebook_id', 'social_handle', 'relatives'] },
  // React `children`, ORM `relationship`, DB `connections`, npm `dependents`.
  {
    category: 'user.social',
    confidence: 'low',
    context: 'person',
    names: ['children', 'dependents', 'relationship', 'guardian', 'friends', 'followers', 'following', 'connections', 'instagram'],
  },
];
