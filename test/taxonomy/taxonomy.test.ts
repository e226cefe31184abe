import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Taxonomy, type SensitivityTag } from '../../src/taxonomy/taxonomy.js';
import { DEPRECATED_KEYS } from '../../src/taxonomy/deprecations.js';

const t = Taxonomy.default();
const fideslang = JSON.parse(readFileSync(new URL('./data/fideslang-data-categories.json', import.meta.url), 'utf8')) as {
  fides_key: string;
  parent_key?: string;
  name: string;
}[];
const reference = parse(readFileSync(new URL('../classifier/data/field-names.reference.yaml', import.meta.url), 'utf8')) as {
  categories: Record<string, unknown>;
};

describe('hierarchy', () => {
  test('every fideslang key is present with its parent and name', () => {
    for (const f of fideslang) {
      expect(t.get(f.fides_key)).toMatchObject({ key: f.fides_key, name: f.name, ...(f.parent_key ? { parent: f.parent_key } : {}) });
      expect(t.get(f.fides_key)?.extension).toBeUndefined();
    }
  });

  test('our extensions are exactly the ones the law needs and are marked', () => {
    const ext = t.keys().filter((k) => t.get(k)!.extension);
    expect(ext.sort()).toEqual([
      'user.demographic.trade_union_membership',
      'user.device.advertising_id',
      // fideslang has no narrower financial keys: without them a balance is declared with a key that covers card security codes
      'user.financial.account_balance',
      'user.financial.card_security_code',
      'user.financial.credit',
      'user.financial.income',
      'user.financial.transactions',
      'user.financial.wallet_address',
    ]);
    expect(t.keys()).toHaveLength(fideslang.length + ext.length);
  });

  test('every key of the reference field-name list exists', () => {
    expect(Object.keys(reference.categories).filter((k) => !t.has(k))).toEqual([]);
  });

  test('every parent exists and is the key prefix; every category has a label', () => {
    for (const k of t.keys()) {
      const c = t.get(k)!;
      if (c.parent) {
        expect(t.has(c.parent)).toBe(true);
        expect(k.startsWith(`${c.parent}.`)).toBe(true);
      } else expect(['user', 'system']).toContain(k);
      expect(c.label).toMatch(/^[a-zA-Z'][a-zA-Z' -]+$/);
    }
  });

  test.each([
    ['user.contact.email', 'user.contact', true],
    ['user.contact.email', 'user', true],
    ['user.contact.email', 'user.contact.email', true],
    ['user.contact', 'user.contact.email', false],
    ['user.contactless', 'user.contact', false],
    ['user.contact.address.city', 'user.contact.address', true],
    ['system.operations', 'user', false],
    ['user.government_id.passport_number', 'user.government_id', true],
  ])('isWithin(%s, %s) = %s', (key, ancestor, expected) => expect(t.isWithin(key, ancestor)).toBe(expected));

  test('default() is a cached singleton and get() returns copies', () => {
    expect(Taxonomy.default()).toBe(t);
    const c = t.get('user.contact.email')!;
    c.tags.push('gdpr9');
    expect(t.tags('user.contact.email')).not.toContain('gdpr9');
    expect(t.get('user.nope')).toBeUndefined();
    expect(t.has('user.nope')).toBe(false);
  });
});

describe('sensitivity tags are inherited', () => {
  test.each<[string, SensitivityTag[]]>([
    ['user', []],
    ['user.health_and_medical', ['gdpr9', 'cpra_spi', 'phi']],
    ['user.health_and_medical.genetic', ['gdpr9', 'cpra_spi', 'phi']],
    ['user.health_and_medical.record_id', ['gdpr9', 'cpra_spi', 'phi']],
    ['user.biometric.fingerprint', ['gdpr9', 'cpra_spi', 'phi', 'coppa']],
    ['user.authorization.biometric', ['gdpr9', 'cpra_spi']],
    ['user.authorization.credentials', ['cpra_spi']],
    ['user.demographic.race_ethnicity', ['gdpr9', 'cpra_spi']],
    ['user.demographic.political_opinion', ['gdpr9']],
    ['user.demographic.trade_union_membership', ['gdpr9', 'cpra_spi']],
    ['user.demographic.gender', []],
    ['user.demographic.date_of_birth', ['phi']],
    ['user.criminal_history', ['gdpr10']],
    ['user.financial', []],
    ['user.financial.credit_card', ['pci_chd']],
    ['user.financial.card_security_code', ['pci_sad']],
    ['user.financial.bank_account', ['phi']],
    ['user.government_id.passport_number', ['cpra_spi', 'phi']],
    ['user.government_id.vehicle_registration', ['phi']],
    ['user.location.precise', ['cpra_spi', 'phi', 'coppa']],
    ['user.location.imprecise', []],
    ['user.contact.email', ['phi', 'coppa']],
    ['user.contact.address.country', ['phi', 'coppa']],
    ['user.contact.organization', []],
    ['user.content.private', ['cpra_spi']],
    ['user.device.advertising_id', ['coppa']],
    ['user.device.ip_address', ['phi', 'coppa']],
    ['user.childrens', ['coppa']],
    ['user.name.first', ['phi', 'coppa']],
    ['system.operations', []],
    // unknown children take their nearest ancestor's tags; deprecated keys their replacement's
    ['user.health_and_medical.allergies', ['gdpr9', 'cpra_spi', 'phi']],
    ['user.provided.identifiable.contact.email', ['phi', 'coppa']],
    ['nothing.here', []],
  ])('%s -> %j', (key, tags) => expect(t.tags(key)).toEqual(tags));

  test.each([
    ['user.health_and_medical.genetic', true, false],
    ['user.biometric', true, false],
    ['user.criminal_history', true, false],
    ['user.demographic.trade_union_membership', true, false],
    ['user.financial.card_security_code', false, true],
    ['user.financial.credit_card', false, false],
    ['user.contact.email', false, false],
  ])('isSpecial(%s) = %s, isPciSad = %s', (key, special, sad) => {
    expect(t.isSpecial(key)).toBe(special);
    expect(t.isPciSad(key)).toBe(sad);
  });
});

describe('severity', () => {
  test.each([
    ['user.health_and_medical', 'high'],
    ['user.health_and_medical.insurance_beneficiary_id', 'high'],
    ['user.biometric.voice', 'high'],
    ['user.demographic.religious_belief', 'high'],
    ['user.demographic.political_opinion', 'high'],
    ['user.criminal_history', 'high'],
    ['user.financial.credit_card', 'high'],
    ['user.financial.card_security_code', 'high'],
    ['user.childrens', 'high'],
    ['user.authorization.credentials', 'high'],
    ['user.authorization.password', 'high'],
    ['user.government_id.vehicle_registration', 'high'],
    ['user.government_id.birth_certificate', 'high'],
    ['user.location.precise', 'high'],
    ['user.content.private', 'high'],
    ['user.name', 'medium'],
    ['user.name.last', 'medium'],
    ['user.contact.email', 'medium'],
    ['user.contact.phone_number', 'medium'],
    ['user.contact.address.postal_code', 'medium'],
    ['user.contact.url', 'medium'],
    ['user.demographic.date_of_birth', 'medium'],
    ['user.device.ip_address', 'medium'],
    ['user.device.device_id', 'medium'],
    ['user.device.advertising_id', 'medium'],
    ['user.content.self_image', 'medium'],
    ['user.account.username', 'medium'],
    ['user.financial', 'medium'],
    ['user.financial.bank_account', 'medium'],
    ['user.social', 'medium'],
    ['user.location', 'medium'],
    ['user.unique_id', 'low'],
    ['user.unique_id.pseudonymous', 'low'],
    ['user.behavior.purchase_history', 'low'],
    ['user.location.imprecise', 'low'],
    ['user.job_title', 'low'],
    ['user.workplace', 'low'],
    ['user.contact.organization', 'low'],
    ['user.demographic.gender', 'low'],
    ['user.account.settings', 'low'],
    ['user', 'low'],
    ['system.operations', 'low'],
    // deprecated keys: their replacement; unknown children: their branch; unknown: low
    ['user.provided.identifiable.health_and_medical', 'high'],
    ['user.derived.identifiable.device.ip_address', 'medium'],
    ['user.government_id.tax_card', 'high'],
    ['made.up', 'low'],
  ])('%s -> %s', (key, severity) => expect(t.severity([key])).toBe(severity));

  test('the highest of several keys; none is low', () => {
    expect(t.severity(['user.unique_id', 'user.contact.email'])).toBe('medium');
    expect(t.severity(['user.unique_id', 'user.contact.email', 'user.health_and_medical'])).toBe('high');
    expect(t.severity(['user.job_title', 'system'])).toBe('low');
    expect(t.severity([])).toBe('low');
  });
});

describe('labels', () => {
  test.each([
    ['user.contact.email', 'email address'],
    ['user.contact.phone_number', 'phone number'],
    ['user.demographic.date_of_birth', 'date of birth'],
    ['user.device.ip_address', 'IP address'],
    ['user.health_and_medical', 'health data'],
    ['user.financial.card_security_code', 'card security code'],
    ['user.provided.identifiable.contact.email', 'email address'],
    ['user.loyalty_tier', 'loyalty tier'],
  ])('%s -> %s', (key, label) => expect(t.label(key)).toBe(label));
});

describe('deprecated keys of older fideslang generations', () => {
  test.each([
    ['user.provided.identifiable.contact.email', 'user.contact.email'],
    ['user.provided.identifiable.contact.phone_number', 'user.contact.phone_number'],
    ['user.provided.identifiable.contact.street', 'user.contact.address.street'],
    ['user.provided.identifiable.contact.postal_code', 'user.contact.address.postal_code'],
    ['user.provided.identifiable.name', 'user.name'],
    ['user.provided.identifiable.financial', 'user.financial'],
    ['user.provided.identifiable.financial.account_number', 'user.financial.bank_account'],
    ['user.provided.identifiable.credentials.password', 'user.authorization.credentials'],
    ['user.provided.identifiable.credentials', 'user.authorization.credentials'],
    ['user.provided.identifiable.date_of_birth', 'user.demographic.date_of_birth'],
    ['user.provided.identifiable.gender', 'user.demographic.gender'],
    ['user.provided.identifiable.race', 'user.demographic.race_ethnicity'],
    ['user.provided.identifiable.genetic', 'user.health_and_medical.genetic'],
    ['user.provided.identifiable.government_id.passport_number', 'user.government_id.passport_number'],
    ['user.provided.identifiable.health_and_medical', 'user.health_and_medical'],
    ['user.provided.identifiable.childrens', 'user.childrens'],
    ['user.provided.identifiable.workplace', 'user.workplace'],
    ['user.derived.identifiable.device.ip_address', 'user.device.ip_address'],
    ['user.derived.identifiable.device.cookie_id', 'user.device.cookie_id'],
    ['user.derived.identifiable.location', 'user.location'],
    ['user.derived.identifiable.browsing_history', 'user.behavior.browsing_history'],
    ['user.derived.identifiable.non_specific_age', 'user.demographic.age_range'],
    ['user.derived.identifiable.profiling', 'user.demographic.profile'],
    ['user.derived.identifiable.biometric_health', 'user.biometric.health'],
    ['user.derived.identifiable', 'user'],
    ['user.credentials', 'user.authorization.credentials'],
    ['user.credentials.biometric_credentials', 'user.authorization.biometric'],
    ['user.gender', 'user.demographic.gender'],
    ['user.date_of_birth', 'user.demographic.date_of_birth'],
    ['user.financial.account_number', 'user.financial.bank_account'],
    ['user.observed', 'user.behavior'],
    ['user.organization', 'user.contact.organization'],
    ['user.race', 'user.demographic.race_ethnicity'],
    // a child of an old key whose rewritten key exists
    ['user.derived.identifiable.device', 'user.device'],
  ])('%s -> %s', (old, current) => expect(t.deprecation(old)).toEqual({ replacedBy: current }));

  test.each([
    'user.contact.email',
    'user',
    'account.contact.email',
    'user.provided.nonidentifiable',
    'made.up',
    'user.provided.identifiable.contact.email.work',
  ])('%s is not deprecated (current, or no stated replacement)', (key) => expect(t.deprecation(key)).toBeUndefined());

  test('every replacement is a current key and no current key is listed as deprecated', () => {
    for (const [old, current] of Object.entries(DEPRECATED_KEYS) as [string, string][]) {
      expect(t.has(current)).toBe(true);
      expect(t.has(old)).toBe(false);
    }
  });

  test('a project extension of an old key is rewritten when the new key exists', () => {
    const custom = t.withCustom([{ key: 'user.contact.email.work' }]);
    expect(custom.deprecation('user.provided.identifiable.contact.email.work')).toEqual({ replacedBy: 'user.contact.email.work' });
  });
});

describe('suggest', () => {
  test.each([
    ['user.email', 'user.contact.email'],
    ['user.contact.emial', 'user.contact.email'],
    ['User.Contact.Email', 'user.contact.email'],
    ['usr.contact.email', 'user.contact.email'],
    ['contact.email', 'user.contact.email'],
    ['user.contact.phone', 'user.contact.phone_number'],
    ['user.name.frist', 'user.name.first'],
    ['user.health', 'user.health_and_medical'],
    ['user.financial.card', 'user.financial.credit_card'],
    ['user.demographics.gender', 'user.demographic.gender'],
    ['user.contact.adress.city', 'user.contact.address.city'],
    ['system.auth', 'system.authentication'],
    ['user.provided.identifiable.contact.email', 'user.contact.email'],
    ['user.derived.identifiable.device.ip_address', 'user.device.ip_address'],
  ])('%s -> %s first', (typo, best) => {
    const s = t.suggest(typo);
    expect(s[0]).toBe(best);
    expect(s.length).toBeLessThanOrEqual(3);
  });

  test('nothing plausible, nothing suggested', () => {
    expect(t.suggest('foo')).toEqual([]);
    expect(t.suggest('')).toEqual([]);
  });
});

describe('custom categories', () => {
  test('a new instance with inherited and own tags; the default is unchanged', () => {
    const c = t.withCustom([
      { key: 'user.health_and_medical.allergy_list', label: 'allergy list' },
      { key: 'user.loyalty', name: 'Loyalty', tags: ['coppa'] },
      { key: 'user.loyalty.tier', parent: 'user.loyalty' },
    ]);
    expect(c).not.toBe(t);
    expect(t.has('user.loyalty')).toBe(false);
    expect(c.get('user.health_and_medical.allergy_list')).toEqual({
      key: 'user.health_and_medical.allergy_list',
      name: 'Allergy List',
      label: 'allergy list',
      parent: 'user.health_and_medical',
      tags: ['gdpr9', 'cpra_spi', 'phi'],
      extension: true,
    });
    expect(c.get('user.loyalty.tier')).toMatchObject({ parent: 'user.loyalty', tags: ['coppa'], label: 'tier' });
    expect(c.label('user.loyalty')).toBe('loyalty');
    expect(c.severity(['user.health_and_medical.allergy_list'])).toBe('high');
    expect(c.severity(['user.loyalty.tier'])).toBe('low');
    expect(c.isWithin('user.loyalty.tier', 'user')).toBe(true);
  });

  test('parents may come later in the list; a customised taxonomy can be customised again', () => {
    const c = t.withCustom([{ key: 'user.pets.name' }, { key: 'user.pets' }]);
    expect(c.get('user.pets.name')?.parent).toBe('user.pets');
    const d = c.withCustom([{ key: 'user.pets.name.nickname', tags: ['gdpr9'] }]);
    expect(d.tags('user.pets.name.nickname')).toEqual(['gdpr9']);
    expect(d.has('user.pets')).toBe(true);
    expect(t.withCustom([])).toBe(t);
  });

  test('declared tags and severity overrides survive a second customisation', () => {
    const c = t.withCustom([{ key: 'user.flag', tags: ['phi'], severity: 'high' }]).withCustom([{ key: 'user.flag.child' }]);
    expect(c.tags('user.flag.child')).toEqual(['phi']);
    expect(c.severity(['user.flag'])).toBe('high');
    expect(c.severity(['user.flag.child'])).toBe('high');
  });

  test('severity override', () => {
    const c = t.withCustom([{ key: 'user.unique_id.national_patient', severity: 'high' }]);
    expect(c.severity(['user.unique_id.national_patient'])).toBe('high');
    expect(c.severity(['user.unique_id'])).toBe('low');
  });

  test.each([
    [[{ key: 'user.foo.bar' }], /Custom data category "user\.foo\.bar" has parent "user\.foo", which is not in the taxonomy/],
    [[{ key: 'user.contact.emial.work' }], /parent "user\.contact\.emial".*Did you mean "user\.contact\.email"/],
    [[{ key: 'user.loyalty_id', parent: 'user.unique_id' }], /"user\.loyalty_id" must start with its parent key "user\.unique_id\."/],
    [[{ key: 'user.contact.email' }], /"user\.contact\.email" already exists/],
    [[{ key: 'user.x' }, { key: 'user.x' }], /"user\.x" is declared twice/],
    [[{ key: 'user..x' }], /not a valid dotted key/],
    [[{ key: '' }], /not a valid dotted key/],
    [[{ key: 'user.x', tags: ['hipaa' as SensitivityTag] }], /unknown tag "hipaa"/],
  ])('%j throws', (custom, message) => {
    expect(() => t.withCustom(custom)).toThrow(message);
  });
});
