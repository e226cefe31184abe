import type { Confidence } from '../core/contract.js';
import { NAME_GROUPS, type ContextRule, type NameGroup } from './data/names.js';
import * as WORDS from './data/words.js';
import { EMPTY_LEXICON, canonicalise, splitWords, type Lexicon } from './normalise.js';
import { shapeOfCategory, type Shape } from './type-hints.js';

/** One dictionary phrase (canonical tokens joined by a space) and what it means. */
export interface Entry {
  phrase: string;
  category: string;
  confidence: Confidence;
  context: ContextRule;
  near: ReadonlySet<string>;
  predicate: boolean;
  shape: Shape;
  exclude: ReadonlySet<string>;
  /** From the project's `classifier.names`. */
  custom: boolean;
  /** For a system category: what the name means inside a person (`user.apiKey`). */
  personal?: string;
}

export interface HeadMatch {
  entry: Entry;
  start: number;
  end: number;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The phrase index: every name of data/names.ts (plus project names) normalised to canonical tokens.
 * Matching is head-final: the phrase must end at the last meaningful word of the identifier, longest
 * phrase first (`customerEmailAddress` -> "email address", not "address").
 */
export class Dictionary {
  readonly lexicon: Lexicon;
  readonly maxPhrase: number;
  private readonly phrases: Map<string, Entry>;

  private constructor(lexicon: Lexicon, phrases: Map<string, Entry>) {
    this.lexicon = lexicon;
    this.phrases = phrases;
    let max = 1;
    for (const p of phrases.keys()) max = Math.max(max, p.split(' ').length);
    this.maxPhrase = max;
  }

  /**
   * Build from the built-in groups plus project names (category -> names). Project names win over
   * built-in ones. Two built-in names that normalise to the same phrase with different categories are
   * a bug in the data and throw.
   */
  static build(extraNames: Readonly<Record<string, readonly string[]>> = {}, groups: readonly NameGroup[] = NAME_GROUPS): Dictionary {
    const custom: NameGroup[] = Object.entries(extraNames).map(([category, names]) => ({ category, confidence: 'high', names }));

    // Pass 1: words every name uses, after spellings and abbreviations only.
    const known = new Set<string>();
    const glued = new Map<string, string[]>();
    const wordLists = [
      WORDS.DENY_MODIFIERS,
      WORDS.QUANTITY_PREFIXES,
      WORDS.VERB_PREFIXES,
      WORDS.PREDICATE_PREFIXES,
      WORDS.ACCESSOR_PREFIXES,
      WORDS.TRANSPARENT_SUFFIXES,
      WORDS.TRANSPARENT_PREFIXES,
      WORDS.PERSON_NOUNS,
      WORDS.PERSON_OBJECTS,
      WORDS.SYSTEM_OWNERS,
    ];
    for (const list of wordLists) for (const w of list) known.add(w);
    for (const g of [...groups, ...custom]) {
      for (const extra of [...(g.near ?? []), ...(g.exclude ?? [])])
        for (const w of canonicalise(splitWords(extra), EMPTY_LEXICON)) known.add(w);
      for (const name of g.names) {
        const words = canonicalise(splitWords(name), EMPTY_LEXICON);
        for (const w of words) known.add(w);
        // A glued form splits back into the words (`firstname`); one-letter parts (`e_mail`, `a_number`) would split real words.
        if (words.length > 1 && words.every((w) => w.length > 1)) glued.set(words.join(''), words);
      }
    }
    const lexicon: Lexicon = { known, glued };

    // Pass 2: index the phrases.
    const phrases = new Map<string, Entry>();
    const add = (g: NameGroup, isCustom: boolean) => {
      const near = new Set((g.near ?? []).flatMap((w) => canonicalise(splitWords(w), lexicon)));
      const exclude = new Set((g.exclude ?? []).flatMap((w) => canonicalise(splitWords(w), lexicon)));
      for (const name of g.names) {
        const words = canonicalise(splitWords(name), lexicon);
        if (!words.length) continue;
        const phrase = words.join(' ');
        const existing = phrases.get(phrase);
        if (existing && !isCustom) {
          if (existing.category !== g.category && !existing.custom) {
            throw new Error(`Classifier dictionary: "${name}" (${g.category}) normalises to "${phrase}", already ${existing.category}.`);
          }
          continue; // same meaning listed twice (`tel` and `telephone`): the first listing wins
        }
        phrases.set(phrase, {
          phrase,
          category: g.category,
          confidence: g.confidence,
          context: g.context ?? 'none',
          near: near.size ? near : NONE,
          predicate: g.predicate ?? false,
          shape: g.shape ?? shapeOfCategory(g.category),
          exclude: exclude.size ? exclude : NONE,
          custom: isCustom,
          ...(g.personal ? { personal: g.personal } : {}),
        });
      }
    };
    for (const g of groups) add(g, false);
    for (const g of custom) add(g, true);
    return new Dictionary(lexicon, phrases);
  }

  /** Canonical tokens of an identifier's words. */
  canonical(words: readonly string[]): string[] {
    return canonicalise(words, this.lexicon);
  }

  get(phrase: string): Entry | undefined {
    return this.phrases.get(phrase);
  }

  /** Longest phrase ending exactly at `end`. */
  head(tokens: readonly string[], end: number): HeadMatch | undefined {
    for (let len = Math.min(this.maxPhrase, end); len >= 1; len--) {
      const entry = this.phrases.get(tokens.slice(end - len, end).join(' '));
      if (entry) return { entry, start: end - len, end };
    }
    return undefined;
  }

  /** Every indexed phrase (for tests and tooling). */
  entries(): IterableIterator<Entry> {
    return this.phrases.values();
  }
}
