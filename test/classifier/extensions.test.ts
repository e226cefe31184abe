import { Classifier } from '../../src/classifier/classifier.js';
import { Taxonomy } from '../../src/taxonomy/taxonomy.js';
import { K } from './helpers.js';

describe('project extensions', () => {
  test('extra names map to built-in categories, normalised like built-ins, high confidence', () => {
    const c = new Classifier(undefined, { names: { [K.EMAIL]: ['courriel_pro'], [K.UNIQUE_ID]: ['order_id'] } });
    for (const name of ['courriel_pro', 'courrielPro', 'COURRIEL_PRO', 'clientCourrielPro']) {
      expect(c.classify(name)).toEqual({
        category: K.EMAIL,
        confidence: 'high',
        reason: `name "${name}" is listed as email address in the project configuration`,
      });
    }
    // Project names override the built-in reading of a phrase.
    expect(c.classify('orderId')?.category).toBe(K.UNIQUE_ID);
    expect(Classifier.default().classify('orderId')).toBeNull();
    // Type hints still apply.
    expect(c.classify('courrielPro', { typeHint: 'boolean' })).toBeNull();
  });

  test('custom categories get names and labels', () => {
    const c = new Classifier(undefined, {
      categories: [{ key: 'user.unique_id.loyalty', label: 'loyalty number', tags: ['coppa'] }],
      names: { 'user.unique_id.loyalty': ['loyalty_card', 'punch_card_no'] },
    });
    expect(c.taxonomy.has('user.unique_id.loyalty')).toBe(true);
    expect(c.classify('punchCardNo')).toEqual({
      category: 'user.unique_id.loyalty',
      confidence: 'high',
      reason: 'name "punchCardNo" is listed as loyalty number in the project configuration',
    });
    expect(c.classify('loyaltyCard', { typeHint: 'number' })?.category).toBe('user.unique_id.loyalty');
  });

  test('a taxonomy that already has the custom categories is accepted as is (scan passes both)', () => {
    const categories = [{ key: 'user.contact.pager', name: 'Pager' }];
    const taxonomy = Taxonomy.default().withCustom(categories);
    const c = new Classifier(taxonomy, { categories, names: { 'user.contact.pager': ['pager'] } });
    expect(c.taxonomy).toBe(taxonomy);
    expect(c.classify('pagerNumber')?.category).toBe('user.contact.pager');
  });

  test('patterns (list form) match the normalised snake_case name', () => {
    const c = new Classifier(undefined, { patterns: [{ category: K.NATIONAL_ID, pattern: '^nir(_\\d+)?$' }] });
    expect(c.classify('nir')).toEqual({
      category: K.NATIONAL_ID,
      confidence: 'high',
      reason: 'name "nir" matches project pattern /^nir(_\\d+)?$/',
    });
    expect(c.classify('NIR_2')?.category).toBe(K.NATIONAL_ID);
    expect(c.classify('nirValue')).toBeNull();
    expect(c.classify('nir', { typeHint: 'function' })).toBeNull();
  });

  test('patterns (configuration-file form: category -> patterns)', () => {
    const c = new Classifier(undefined, { patterns: { [K.MRN]: ['^chart_no$', 'hospital_case_(id|number)$'] } });
    expect(c.classify('chartNo')?.category).toBe(K.MRN);
    expect(c.classify('hospitalCaseNumber')?.category).toBe(K.MRN);
    expect(c.classify('hospitalCase')).toBeNull();
  });

  test('ignored names are never classified, whatever their style', () => {
    const c = new Classifier(undefined, { ignore: ['legacyEmail', 'user_dob', 'ssn'] });
    for (const name of ['legacyEmail', 'legacy_email', 'LEGACY_EMAIL', 'userDob', 'ssn', 'SSN']) expect(c.classify(name)).toBeNull();
    expect(c.classify('email')?.category).toBe(K.EMAIL);
    expect(c.classify('customerSsn')?.category).toBe(K.NATIONAL_ID);
  });

  test('ignore wins over project names and patterns', () => {
    const c = new Classifier(undefined, {
      ignore: ['nir'],
      names: { [K.NATIONAL_ID]: ['nir'] },
      patterns: [{ category: K.NATIONAL_ID, pattern: 'nir' }],
    });
    expect(c.classify('nir')).toBeNull();
  });

  describe('errors name the problem', () => {
    test.each([
      [
        { names: { 'user.contact.emial': ['x'] } },
        /classifier\.names: unknown data category "user\.contact\.emial"\. Did you mean "user\.contact\.email"/,
      ],
      [{ names: { 'user.provided.identifiable.contact.email': ['x'] } }, /deprecated; use "user\.contact\.email"/],
      [{ patterns: [{ category: 'user.nope', pattern: 'x' }] }, /classifier\.patterns: unknown data category "user\.nope"/],
      [
        { patterns: [{ category: K.EMAIL, pattern: '(unclosed' }] },
        /"\(unclosed" for "user\.contact\.email" is not a valid regular expression/,
      ],
      [{ patterns: { [K.EMAIL]: ['[z-a]'] } }, /"\[z-a\]" for "user\.contact\.email" is not a valid regular expression/],
      [{ categories: [{ key: 'user.foo.bar' }] }, /"user\.foo\.bar" has parent "user\.foo", which is not in the taxonomy/],
      [{ names: { [K.EMAIL]: 'email2' as unknown as string[] } }, /must be a list/],
    ])('%j', (extensions, message) => {
      expect(() => new Classifier(undefined, extensions)).toThrow(message);
    });
  });
});
