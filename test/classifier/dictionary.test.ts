import { Dictionary } from '../../src/classifier/dictionary.js';
import { NAME_GROUPS } from '../../src/classifier/data/names.js';
import { DENY_MODIFIERS, TRANSPARENT_SUFFIXES, VERB_PREFIXES } from '../../src/classifier/data/words.js';
import { Taxonomy } from '../../src/taxonomy/taxonomy.js';

const dictionary = Dictionary.build();
const taxonomy = Taxonomy.default();

describe('dictionary data', () => {
  test('every category of the name list exists in the taxonomy', () => {
    expect([...new Set(NAME_GROUPS.map((g) => g.category))].filter((c) => !taxonomy.has(c))).toEqual([]);
  });

  test('it is large and every group has names', () => {
    expect([...dictionary.entries()].length).toBeGreaterThan(1000);
    expect(NAME_GROUPS.filter((g) => g.names.length === 0)).toEqual([]);
  });

  test('near-only groups say what is near', () => {
    expect(NAME_GROUPS.filter((g) => g.context === 'near' && !g.near?.length)).toEqual([]);
  });

  test('a word that is a modifier elsewhere can still be a whole name (`url` of a person, `handle`)', () => {
    const both = [...dictionary.entries()]
      .map((e) => e.phrase)
      .filter((p) => DENY_MODIFIERS.has(p) || VERB_PREFIXES.has(p) || TRANSPARENT_SUFFIXES.has(p));
    expect(both.sort()).toEqual(['handle', 'search', 'url']);
    expect(dictionary.get('url')?.context).toBe('person');
  });

  test('phrases are looked up by their canonical tokens', () => {
    expect(dictionary.get('email address')?.category).toBe('user.contact.email');
    expect(dictionary.get('first name')?.category).toBe('user.name.first');
    expect(dictionary.get('phone number')?.category).toBe('user.contact.phone_number');
    expect(dictionary.head(['customer', 'email', 'address'], 3)).toMatchObject({ start: 1, end: 3 });
    expect(dictionary.head(['email', 'template'], 2)).toBeUndefined();
  });

  test('two names that normalise alike with different categories are rejected', () => {
    expect(() =>
      Dictionary.build({}, [
        { category: 'user.contact.email', confidence: 'high', names: ['e_mail'] },
        { category: 'user.name', confidence: 'high', names: ['E-Mail'] },
      ]),
    ).toThrow(/"E-Mail" \(user\.name\) normalises to "email", already user\.contact\.email/);
  });

  test('project names override a built-in phrase', () => {
    const d = Dictionary.build({ 'user.unique_id': ['email'] });
    expect(d.get('email')).toMatchObject({ category: 'user.unique_id', custom: true, confidence: 'high' });
  });
});
