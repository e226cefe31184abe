/**
 * Identifier normalisation: split any naming style into lower-case words, then map the words to the
 * dictionary's canonical tokens (abbreviations, glued compounds, plurals, trailing digits).
 *
 *   customerEmailAddress -> customer email address      SCREAMING_CASE, kebab-case, snake_case alike
 *   ph_no -> phone number      firstname -> first name    addressLine2 -> address line 2
 *   teléfono -> telefono       straße -> strasse          IPアドレス -> ip アドレス
 */
import { ABBREVIATIONS, SPELLINGS } from './data/words.js';
import { dictionary } from '../shared/dictionary.js';

const LATIN_FOLD = dictionary<string>({
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  þ: 'th',
  ı: 'i',
});

/** Strip accents from Latin letters only: Japanese voiced kana decompose too and must stay intact. */
export function foldAccents(s: string): string {
  if (ASCII.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßẞæÆœŒøØłŁđĐðþı]/g, (c) => LATIN_FOLD[c] ?? c);
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case words of an identifier; separators, `_`/`$`/`#` prefixes and dots all split. */
export function splitWords(name: string): string[] {
  let s = name;
  // Acronyms that would split badly: IPv4 -> Ipv4, OAuth -> Oauth, IDs/URLs -> IDS/URLS (then singular).
  if (s.includes('IPv')) s = s.replace(/IPv([46])/g, 'Ipv$1');
  if (s.includes('OAuth')) s = s.replace(/OAuth/g, 'Oauth');
  s = s.replace(/([A-Z]{2,})s(?![a-z])/g, '$1S');
  let words: string[];
  if (ASCII.test(s)) {
    // Fast path for the usual identifier: camelCase/PascalCase boundaries, XMLHttp -> XML Http.
    words = s
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/);
  } else {
    words = foldAccents(s)
      .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      // Script boundaries: IPアドレス -> IP アドレス.
      .replace(/([A-Za-z0-9])(?=[^\x00-\x7f])/g, '$1 ')
      .replace(/([^\x00-\x7f])(?=[A-Za-z0-9])/g, '$1 ')
      .split(/[^\p{L}\p{N}]+/u);
  }
  const out: string[] = [];
  for (const w of words) if (w) out.push(w.toLowerCase());
  return out;
}

/** Words the dictionary knows and compounds it can split; built in dictionary.ts. */
export interface Lexicon {
  readonly known: ReadonlySet<string>;
  /** `firstname` -> [first, name], from multi-word dictionary names. */
  readonly glued: ReadonlyMap<string, readonly string[]>;
}

export const EMPTY_LEXICON: Lexicon = { known: new Set(), glued: new Map() };

/** Plural candidates, most likely first: emails -> email, addresses -> address, allergies -> allergy. */
export function singularCandidates(w: string): string[] {
  if (w.length < 3 || !w.endsWith('s') || w.endsWith('ss')) return [];
  const out = [w.slice(0, -1)];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  return out;
}

function abbreviation(w: string, i: number, n: number): string | undefined {
  const a = ABBREVIATIONS[w];
  if (!a) return undefined;
  if (a.where === 'notFirst' && i === 0) return undefined;
  if (a.where === 'notLast' && i === n - 1) return undefined;
  return a.to;
}

function recognised(w: string, lex: Lexicon): readonly string[] | undefined {
  const glued = lex.glued.get(w);
  if (glued) return glued;
  return lex.known.has(w) ? [w] : undefined;
}

/** A known word in its canonical form; plural first when the singular is known (`codes` -> code although `backup_codes` is listed). */
function known(w: string, lex: Lexicon): readonly string[] | undefined {
  for (const c of singularCandidates(w)) {
    const hit = recognised(SPELLINGS[c] ?? c, lex);
    if (hit) return hit;
  }
  return recognised(w, lex);
}

function canonicalWord(raw: string, i: number, n: number, lex: Lexicon): readonly string[] {
  const w = SPELLINGS[raw] ?? raw;
  const expanded = abbreviation(w, i, n);
  if (expanded) return known(expanded, lex) ?? [expanded];
  const hit = known(w, lex);
  if (hit) return hit;
  // address1 -> address 1, addr2 -> address 2 (only when the letters are a word we know).
  const m = /^(\p{L}+)(\d+)$/u.exec(w);
  if (m) {
    const head = m[1];
    const letters = ABBREVIATIONS[head] ? known(ABBREVIATIONS[head].to, lex) : known(SPELLINGS[head] ?? head, lex);
    if (letters) return [...letters, m[2]];
  }
  return [w];
}

/** Canonical tokens of split words. With the empty lexicon only spellings and abbreviations apply. */
export function canonicalise(words: readonly string[], lex: Lexicon): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) out.push(...canonicalWord(words[i], i, words.length, lex));
  // e-mail, E_MAIL, eMail -> email
  for (let i = 0; i < out.length - 1; i++) {
    if (out[i] === 'e' && (out[i + 1] === 'mail' || out[i + 1] === 'mails')) out.splice(i, 2, 'email');
  }
  return out;
}
