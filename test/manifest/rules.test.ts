import { codesOf, load, problemsOf, VALID, withSection } from './helpers.js';

/** VALID with `cats` added to its purpose's categories (at column 37 of line 19). */
function purposeWith(cats: string, extra = ''): string {
  return VALID.replace(
    '    categories: [user.contact.email]\n    legalBasis: consent',
    `    categories: [user.contact.email, ${cats}]\n    legalBasis: consent${extra}`,
  );
}

describe('special categories need an Art. 9(2) condition', () => {
  test('a special category in a purpose without specialCategoryCondition is an error', () => {
    expect(problemsOf(purposeWith('user.health_and_medical'))).toEqual([
      'm.yml:19:38: error special-needs-condition: purpose "analytics" processes special-category data (health data) but has no specialCategoryCondition — add specialCategoryCondition: explicit_consent, employment or vital_interests, ... (GDPR Art. 9(2); Art. 10 for criminal data)',
    ]);
  });

  test('descendants of special categories, Art. 10 data and the extension keys count too', () => {
    expect(codesOf(purposeWith('user.health_and_medical.genetic'))).toEqual(['19:38 error special-needs-condition']);
    expect(codesOf(purposeWith('user.criminal_history'))).toEqual(['19:38 error special-needs-condition']);
    expect(codesOf(purposeWith('user.demographic.trade_union_membership'))).toEqual(['19:38 error special-needs-condition']);
  });

  test('with a condition it is valid', () => {
    expect(problemsOf(purposeWith('user.health_and_medical', '\n    specialCategoryCondition: explicit_consent'))).toEqual([]);
  });

  test('a broad key that covers special categories is a warning', () => {
    expect(problemsOf(purposeWith('user.demographic'))).toEqual([
      'm.yml:19:38: warning broad-special-category: purpose "analytics" lists user.demographic, which covers special-category data (political opinion, racial or ethnic origin, religious or philosophical belief, sex life or sexual orientation, trade-union membership) — list the narrower categories the purpose really processes, or add a specialCategoryCondition if it processes special categories',
    ]);
    expect(codesOf(purposeWith('user.demographic', '\n    specialCategoryCondition: explicit_consent'))).toEqual([]);
  });
});

describe('third parties', () => {
  test('need countries', () => {
    expect(problemsOf(VALID.replace('    countries: [US]\n    transferMechanism: dpf\n', ''))).toEqual([
      'm.yml:10:5: error third-party-needs-countries: third-party flow "segment" does not say where the data is processed — add countries: [US] (ISO 3166-1 alpha-2 codes of where the vendor processes it; check its DPA or sub-processor list)',
    ]);
    expect(codesOf(VALID.replace('countries: [US]', 'countries: []'))).toEqual(['13:16 error third-party-needs-countries']);
  });

  test('outside the EEA and adequacy countries: a transfer mechanism (warning)', () => {
    expect(problemsOf(VALID.replace('countries: [US]\n    transferMechanism: dpf', 'countries: [DE, IN]'))).toEqual([
      'm.yml:13:21: warning transfer-needs-mechanism: flow "segment" transfers data to India (IN), outside the EEA and countries with an adequacy decision, without a transferMechanism — add transferMechanism: dpf, scc or bcr, ... (GDPR Chapter V)',
    ]);
    // EEA, adequacy decisions (UK, Switzerland, Japan, ...) need none
    expect(problemsOf(VALID.replace('countries: [US]\n    transferMechanism: dpf', 'countries: [DE, NO, GB, CH, JP, EU]'))).toEqual([]);
  });

  test('other kinds need no countries, but transfers are checked when they are given', () => {
    expect(
      problemsOf(VALID.replace('kind: third_party', 'kind: http').replace('    countries: [US]\n    transferMechanism: dpf\n', '')),
    ).toEqual([]);
    expect(codesOf(VALID.replace('kind: third_party', 'kind: http').replace('    transferMechanism: dpf\n', ''))).toEqual([
      '13:17 warning transfer-needs-mechanism',
    ]);
  });
});

describe('PCI sensitive authentication data is never declared where it would be stored or logged', () => {
  test('in a dataset', () => {
    expect(
      problemsOf(
        VALID.replace('        categories: [user.contact.email]\nflows', '        categories: [user.financial.card_security_code]\nflows'),
      ),
    ).toEqual([
      'm.yml:8:22: error pci-sad-declared: card security code (user.financial.card_security_code) is PCI sensitive authentication data: it may never be stored, so a dataset cannot declare it — remove it from the manifest and stop storing it in the code (PCI DSS 3.3.1)',
      expect.stringContaining('warning category-without-purpose'),
    ]);
  });

  test('in logging.allowedCategories', () => {
    expect(problemsOf(VALID.replace('[user.device.ip_address]', '[user.financial.card_security_code]'))).toEqual([
      'm.yml:24:23: error pci-sad-declared: card security code (user.financial.card_security_code) is PCI sensitive authentication data: it may never be logged, so logging.allowedCategories cannot declare it — remove it from the manifest and stop logging it in the code (PCI DSS 3.3.1)',
    ]);
  });

  test('in storage, datastore, file and logger flows, but not in a third-party flow to a payment processor', () => {
    const flow = (kind: string) =>
      withSection(
        'flows',
        `flows:\n  - {id: x, kind: ${kind}, categories: [user.financial.card_security_code]}`,
        withSection('purposes', 'purposes: []'),
      );
    for (const kind of ['storage', 'datastore', 'file', 'logger', 'error_reporter', 'browser_storage']) {
      expect(codesOf(flow(kind)).filter((c) => c.includes('pci'))).toEqual([`10:${34 + kind.length} error pci-sad-declared`]);
    }
    for (const kind of ['http', 'queue', 'token']) expect(codesOf(flow(kind)).filter((c) => c.includes('pci'))).toEqual([]);
    expect(
      codesOf(
        flow('third_party').replace(
          'categories: [user.financial.card_security_code]',
          'categories: [user.financial.card_security_code], countries: [IE]',
        ),
      ).filter((c) => c.includes('pci')),
    ).toEqual([]);
  });

  test('a broad key covering it is a warning (hierarchy)', () => {
    expect(problemsOf(VALID.replace('[user.device.ip_address]', '[user.financial]'))).toEqual([
      'm.yml:24:23: warning broad-pci-sad: user.financial covers card security code (user.financial.card_security_code), which may never be logged — list the narrower categories really meant; PCI sensitive authentication data must not be covered',
    ]);
  });
});

describe('exceptions', () => {
  const exception = (fields: string) => withSection('exceptions', `exceptions:\n  - id: legacy-export\n${fields}`);

  test('past its expiry date: an error (today from the options)', () => {
    const yaml = exception('    rule: pii-logging\n    reason: export script, removed in #123\n    expires: 2025-05-31');
    expect(problemsOf(yaml)).toEqual([
      'm.yml:30:14: error exception-expired: exception "legacy-export" expired on 2025-05-31, renew or remove it — fix the code it excused, or set a new expires date with a reason that still holds',
    ]);
    expect(problemsOf(yaml, { today: '2025-05-31' })).toEqual([
      expect.stringContaining('warning exception-expiring: exception "legacy-export" expires on 2025-05-31, in 0 days'),
    ]);
    expect(problemsOf(yaml, { today: '2025-01-01' })).toEqual([]);
  });

  test('today defaults to the current UTC date', () => {
    const yaml = exception('    rule: pii-logging\n    reason: r\n    expires: 2000-01-01');
    expect(codesOf(yaml, { today: undefined })).toEqual(['30:14 error exception-expired']);
    expect(load(exception('    rule: pii-logging\n    reason: r\n    expires: 2999-01-01'), { today: undefined }).problems).toEqual([]);
  });

  test('soon expiring: a warning', () => {
    expect(codesOf(exception('    rule: pii-logging\n    reason: r\n    expires: 2025-06-10'))).toEqual([
      '30:14 warning exception-expiring',
    ]);
  });

  test('a date that does not exist', () => {
    expect(problemsOf(exception('    rule: pii-logging\n    reason: r\n    expires: 2025-02-30'))).toEqual([
      'm.yml:30:14: error invalid-date: exception "legacy-export" expires on 2025-02-30, which is not a date — write a real date as YYYY-MM-DD',
    ]);
  });

  test('an exception that applies to everything', () => {
    expect(problemsOf(exception('    reason: r\n    expires: 2030-01-01'))).toEqual([
      'm.yml:27:5: error exception-too-broad: exception "legacy-export" applies to every finding — narrow it with rule, paths, sink or categories',
    ]);
  });
});

test('TODO placeholders are valid but warned about, one by one', () => {
  const yaml = VALID.replace('countries: [US]', 'countries: [TODO]')
    .replace('dataUse: analytics.reporting', 'dataUse: TODO')
    .replace('dataSubjects: [customer]', 'dataSubjects: [TODO]')
    .replace('legalBasis: consent', 'legalBasis: TODO\n    specialCategoryCondition: TODO')
    .replace('transferMechanism: dpf', 'transferMechanism: TODO');
  expect(problemsOf(yaml)).toEqual([
    'm.yml:13:17: warning todo: flow "segment" countries is still TODO — write the ISO 3166-1 codes of where the vendor processes the data, e.g. [US, IE]',
    'm.yml:14:24: warning todo: flow "segment" transferMechanism is still TODO — use one of adequacy, dpf, scc, bcr, code_of_conduct, certification, ad_hoc_clauses or derogation',
    'm.yml:17:14: warning todo: purpose "analytics" dataUse is still TODO — write a fideslang data use, e.g. essential.service, analytics.reporting, marketing.communications.email',
    'm.yml:18:20: warning todo: purpose "analytics" dataSubjects is still TODO — write whose data it is, e.g. [customer] or [employee]',
    'm.yml:20:17: warning todo: purpose "analytics" legalBasis is still TODO — use one of consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests',
    expect.stringMatching(
      /^m\.yml:21:31: warning todo: purpose "analytics" specialCategoryCondition is still TODO — use one of explicit_consent, /,
    ),
  ]);
});
