import { MAX_SUGGESTION_INPUT, closest } from '../config/suggest.js';
import { closestKeys } from '../taxonomy/suggest.js';
import { quote } from '../yaml/quote.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { categoryLists } from './categories.js';
import { COUNTRY_ALIASES, COUNTRY_CODES } from './data/countries.js';
import { DATA_SUBJECTS, DATA_USES, DEPRECATED_DATA_USES } from './data/fideslang.js';
import { TODO } from './data/legal.js';
import type { Problems } from './problems.js';
import type { Manifest } from './types.js';

const USE_KEYS = new Set(DATA_USES.map((u) => u.key));
const SUBJECT_KEYS = DATA_SUBJECTS.map((s) => s.key);

/**
 * Keys the manifest takes from vocabularies: data categories (taxonomy), data uses and subjects
 * (fideslang), countries (ISO 3166). Deprecated fideslang keys are warned about and replaced in
 * `manifest` by their current key, so matching sees what the author meant.
 */
export function validateVocabulary(m: Manifest, taxonomy: Taxonomy, problems: Problems): void {
  const suggestions = new Map<string, string[]>();
  const near = (key: string) => {
    let s = suggestions.get(key);
    if (!s) suggestions.set(key, (s = key.length > MAX_SUGGESTION_INPUT ? [] : taxonomy.suggest(key)));
    return s;
  };

  for (const { path, list } of categoryLists(m)) {
    list.forEach((key, i) => {
      if (!key || taxonomy.has(key)) return;
      const replacement = taxonomy.deprecation(key)?.replacedBy;
      if (replacement) {
        list[i] = replacement;
        problems.warning(
          'deprecated-category',
          [...path, i],
          `${quote(key)} is a deprecated fideslang data category, read as "${replacement}"`,
          `write "${replacement}"`,
        );
        return;
      }
      problems.error('unknown-category', [...path, i], `unknown data category ${quote(key)}`, () => {
        const s = near(key);
        return s.length
          ? `did you mean "${s[0]}"?`
          : 'use a fideslang key such as user.contact.email, or declare a project key under classifier.categories in .privacy-review.yml';
      });
    });
  }

  m.purposes.forEach((p, i) => {
    const path = ['purposes', i, 'dataUse'];
    if (p.dataUse && p.dataUse !== TODO && !USE_KEYS.has(p.dataUse)) {
      const replacement = deprecatedDataUse(p.dataUse);
      if (replacement) {
        problems.warning(
          'deprecated-data-use',
          path,
          `${quote(p.dataUse)} is a deprecated fideslang data use, read as "${replacement}"`,
          `write "${replacement}"`,
        );
        p.dataUse = replacement;
      } else {
        problems.error('unknown-data-use', path, `unknown data use ${quote(p.dataUse)}`, () => {
          const s = p.dataUse.length > MAX_SUGGESTION_INPUT ? [] : closestKeys(p.dataUse, USE_KEYS, 1);
          return s.length
            ? `did you mean "${s[0]}"?`
            : 'use a fideslang data use such as essential.service, analytics.reporting or marketing.communications.email';
        });
      }
    }
    p.dataSubjects.forEach((s, j) => {
      if (!s || s === TODO || SUBJECT_KEYS.includes(s)) return;
      const suggestion = closest(s, SUBJECT_KEYS);
      problems.error(
        'unknown-data-subject',
        ['purposes', i, 'dataSubjects', j],
        `unknown data subject ${quote(s)}`,
        suggestion ? `did you mean "${suggestion}"?` : `use one of ${SUBJECT_KEYS.join(', ')}`,
      );
    });
  });

  m.flows.forEach((f, i) =>
    f.countries?.forEach((c, j) => {
      if (!c || c === TODO || COUNTRY_CODES.has(c) || !/^[A-Z]{2}$/.test(c)) return; // other shapes: the schema reports them
      const alias = COUNTRY_ALIASES[c];
      problems.error(
        'unknown-country',
        ['flows', i, 'countries', j],
        `${quote(c)} is not an ISO 3166-1 alpha-2 country code`,
        alias ? `write "${alias}"` : 'use the two-letter ISO code, e.g. US, DE, GB',
      );
    }),
  );
}

/** The current data use for an old one: an exact rename, else the longest renamed prefix when the result exists. */
export function deprecatedDataUse(key: string): string | undefined {
  const direct = DEPRECATED_DATA_USES[key];
  if (direct) return direct;
  for (let p = key.lastIndexOf('.'); p > 0; p = key.lastIndexOf('.', p - 1)) {
    const target = DEPRECATED_DATA_USES[key.slice(0, p)];
    if (!target) continue;
    const rewritten = target + key.slice(p);
    return USE_KEYS.has(rewritten) ? rewritten : undefined;
  }
  return undefined;
}
