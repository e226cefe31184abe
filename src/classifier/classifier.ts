import type { Confidence } from '../core/contract.js';
import { Taxonomy } from '../taxonomy/taxonomy.js';
import {
  ACCESSOR_PREFIXES,
  DENY_MODIFIERS,
  PERSON_NOUNS,
  PREDICATE_PREFIXES,
  QUANTITY_PREFIXES,
  TRANSPARENT_PREFIXES,
  TRANSPARENT_SUFFIXES,
  VERB_PREFIXES,
} from './data/words.js';
import { isConfigTypeName, isSelectionName } from './definition-names.js';
import { isSystemCredential, SYSTEM_CREDENTIAL } from './system-credentials.js';
import { Dictionary, type Entry, type HeadMatch } from './dictionary.js';
import { splitWords } from './normalise.js';
import { contentKindOfName, isPersonAttributeRecordName, isPersonContextName, isPersonRecordName } from './person-context.js';
import { attributeValueOfField, contentOfField, geoOfVisitor, submissionMetaOfField } from './content.js';
import { fitsType, shapeOfCategory } from './type-hints.js';
import type { Classification, ClassifierExtensions, ClassifierPattern, NameContext, TypeHint } from './types.js';

export type { Classification, ClassifierExtensions, ClassifierPattern, NameContext, TypeHint } from './types.js';

/** Caches are dropped wholesale past this many names: bounded memory on huge repositories. */
const CACHE_LIMIT = 200_000;
const RAISE: Record<Confidence, Confidence> = { low: 'medium', medium: 'high', high: 'high' };

/** What surrounds a field: a person object around it, its owner in an object path. */
interface Around {
  person: boolean;
  ownerIsPerson: boolean;
  ownerWords: readonly string[];
}

interface CompiledPattern {
  category: string;
  source: string;
  re: RegExp;
}

function isDigits(w: string): boolean {
  return /^\d+$/.test(w);
}

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Maps an identifier name (field, variable, property, parameter, key) to a data category with a
 * confidence, from the name alone plus what the caller knows: whether the name sits in a person-like
 * object and the coarse TypeScript type of its value. Results are cached per name and context.
 */
export class Classifier {
  private static cached: Classifier | undefined;
  readonly taxonomy: Taxonomy;
  private readonly dictionary: Dictionary;
  private readonly patterns: CompiledPattern[];
  private readonly ignored: Set<string>;
  private readonly wordCache = new Map<string, string[]>();
  private readonly tokenCache = new Map<string, string[]>();
  private readonly resultCache = new Map<string, Classification | null>();
  private readonly personCache = new Map<string, boolean>();
  private readonly nearCache = new Map<string, boolean>();

  /**
   * @throws Error when an extension names a category key that is not in the taxonomy, or a pattern is
   * not a valid regular expression. Categories in `extensions.categories` that the given taxonomy
   * lacks are added to it.
   */
  constructor(taxonomy?: Taxonomy, extensions: ClassifierExtensions = {}) {
    let tax = taxonomy ?? Taxonomy.default();
    const missing = (extensions.categories ?? []).filter((c) => !tax.has(c.key));
    if (missing.length) tax = tax.withCustom(missing);
    this.taxonomy = tax;

    const names: Record<string, string[]> = {};
    for (const [category, list] of Object.entries(extensions.names ?? {})) {
      this.checkCategory(category, 'classifier.names');
      if (!Array.isArray(list)) throw new Error(`classifier.names["${category}"] must be a list of identifier names.`);
      names[category] = list.map(String);
    }
    this.dictionary = Object.keys(names).length ? Dictionary.build(names) : Classifier.builtinDictionary();

    this.patterns = [];
    for (const { category, pattern } of patternList(extensions.patterns)) {
      this.checkCategory(category, 'classifier.patterns');
      let re: RegExp;
      try {
        re = new RegExp(pattern);
      } catch (e) {
        throw new Error(`classifier.patterns: "${pattern}" for "${category}" is not a valid regular expression (${(e as Error).message}).`);
      }
      this.patterns.push({ category, source: pattern, re });
    }

    this.ignored = new Set();
    for (const name of extensions.ignore ?? []) {
      const words = splitWords(String(name));
      if (!words.length) continue;
      this.ignored.add(words.join('_'));
      this.ignored.add(this.dictionary.canonical(words).join('_'));
    }
  }

  /** The built-in classifier over the built-in taxonomy (cached). */
  static default(): Classifier {
    if (!Classifier.cached) Classifier.cached = new Classifier();
    return Classifier.cached;
  }

  private static builtin: Dictionary | undefined;
  private static builtinDictionary(): Dictionary {
    if (!Classifier.builtin) Classifier.builtin = Dictionary.build();
    return Classifier.builtin;
  }

  /** Canonical tokens the classifier matches on: `ph_no` -> [phone, number]. */
  tokens(name: string): string[] {
    const hit = this.tokenCache.get(name);
    if (hit) return hit;
    return remember(this.tokenCache, name, this.dictionary.canonical(this.words(name)));
  }

  /**
   * Whether the project says never to classify this name (`classifier.ignore`). Callers that read a
   * field in its owner's words (`Order.email` as "order email") ask first: the setting names fields.
   */
  isIgnored(name: string): boolean {
    const words = this.words(name);
    return words.length > 0 && (this.ignored.has(words.join('_')) || this.ignored.has(this.tokens(name).join('_')));
  }

  /** Whether a type or object name denotes a person (`User`, `CustomerDto`, `req.user`; not `UserService`). */
  isPersonContext(name: string): boolean {
    const hit = this.personCache.get(name);
    if (hit !== undefined) return hit;
    return remember(this.personCache, name, isPersonContextName(name));
  }

  /**
   * `followerId`, `customerName`, `userId`: a person noun at the front says whose data it is. In
   * `userAgent` the noun is part of a device's phrase (a browser's user agent) and says nothing of the kind.
   */
  namesItsPerson(name: string): boolean {
    const tokens = this.tokens(name);
    if (!PERSON_NOUNS.has(tokens[0] ?? '')) return false;
    const m = this.head(tokens);
    return !m || m.start > 0 || !m.entry.category.startsWith('user.device');
  }

  /** A person object that is a record about the person (`Account`, `Invite`): its own `id` is the record's. */
  isPersonRecord(name: string): boolean {
    return isPersonRecordName(name);
  }

  /** A type or field that defines a selection of people (`TSegmentFilter`, `filters`, `where`): its fields name keys, not anyone's data. */
  isSelection(name: string): boolean {
    return isSelectionName(this.tokens(name));
  }

  /** A type that configures an input or feature (`ToggleInputConfig`): the field it types holds no one's data. */
  isConfigType(name: string): boolean {
    return isConfigTypeName(this.tokens(name));
  }

  /** Whether a type or table name is a record of what a person wrote (`content`) or submitted through a form (`submission`). */
  contentKind(name: string): 'content' | 'submission' | undefined {
    return contentKindOfName(name);
  }

  /**
   * A field of a content record (`Message.parts`, `Document.content`, `Response.data`): what a person
   * wrote; of a submission also its request metadata (`Response.meta`). Null for other fields.
   */
  classifyContent(name: string, kind: 'content' | 'submission', hint?: TypeHint): Classification | null {
    if (hint === 'function' || this.ignored.has(this.words(name).join('_'))) return null;
    const tokens = this.tokens(name);
    return contentOfField(name, tokens, hint) ?? (kind === 'submission' ? submissionMetaOfField(name, tokens, hint) : null);
  }

  /** `ContactAttribute.value`: the value of one of a person's attributes, when `owner` is such a key/value record. */
  classifyAttributeValue(owner: string, name: string, hint?: TypeHint): Classification | null {
    if (!isPersonAttributeRecordName(owner)) return null;
    return attributeValueOfField(name, this.tokens(name), hint);
  }

  /** A field next to a visitor's IP address: `country`, `city`, `timezone` are the visitor's approximate location. */
  classifyVisitorGeo(name: string, hint?: TypeHint): Classification | null {
    if (this.ignored.has(this.words(name).join('_'))) return null;
    return geoOfVisitor(name, this.tokens(name), hint);
  }

  /**
   * A member read in its owner's words (`emailObject.to`, `const { cc } = mail`): only names that
   * mean something next to a word of their owner (`to`, `cc`, `city`) are worth the second look.
   */
  classifyMember(owner: string, name: string, ctx: NameContext = {}): Classification | null {
    let near = this.nearCache.get(name);
    if (near === undefined) {
      const tokens = this.tokens(name);
      near = this.head(tokens)?.entry.context === 'near';
      this.nearCache.set(name, near);
    }
    return near ? this.classify(`${owner}.${name}`, ctx) : null;
  }

  /** The personal data a name means; system credentials (an application's API key) are not. */
  classify(name: string, ctx: NameContext = {}): Classification | null {
    const c = this.classifyAny(name, ctx);
    return c && !c.secret ? c : null;
  }

  /** Like `classify`, and system credentials too, as `system.authentication` with `secret: true`. */
  classifyAny(name: string, ctx: NameContext = {}): Classification | null {
    if (!name) return null;
    const hint = ctx.typeHint;
    if (hint === 'function') return null;
    const key = `${ctx.personContext ? 'p' : '-'}${hint ?? ''}\u0000${name}`;
    const hit = this.resultCache.get(key);
    if (hit !== undefined) return hit;
    return remember(this.resultCache, key, this.compute(name, ctx.personContext === true, hint));
  }

  private words(name: string): string[] {
    const hit = this.wordCache.get(name);
    if (hit) return hit;
    return remember(this.wordCache, name, splitWords(name));
  }

  private compute(name: string, person: boolean, hint: TypeHint | undefined): Classification | null {
    // An object path (`user.name`, `req.body.email`): the last segment is the field, the one before its
    // owner. `user.name` is the user's name, not a username.
    const dot = name.lastIndexOf('.');
    if (dot > 0 && dot < name.length - 1) {
      const owner = name.slice(name.lastIndexOf('.', dot - 1) + 1, dot);
      const ownerIsPerson = this.isPersonContext(owner);
      return this.computeField(name, name.slice(dot + 1), person || ownerIsPerson, ownerIsPerson, this.tokens(owner), hint);
    }
    return this.computeField(name, name, person, false, [], hint);
  }

  private computeField(
    display: string,
    name: string,
    person: boolean,
    ownerIsPerson: boolean,
    ownerWords: readonly string[],
    hint: TypeHint | undefined,
  ): Classification | null {
    const words = this.words(name);
    if (!words.length) return null;
    const snake = words.join('_');
    let tokens = this.tokens(name);
    if (this.ignored.has(snake) || this.ignored.has(tokens.join('_'))) return null;

    for (const p of this.patterns) {
      if (!p.re.test(snake)) continue;
      if (!fitsType(shapeOfCategory(p.category), false, hint)) return null;
      return { category: p.category, confidence: 'high', reason: `name "${display}" matches project pattern /${p.source}/` };
    }

    // getEmail() returns the email; the accessor word adds nothing.
    if (tokens.length > 1 && ACCESSOR_PREFIXES.has(tokens[0])) tokens = tokens.slice(1);
    const match = this.head(tokens);
    if (!match) return null;
    return this.judge(display, tokens, match, { person, ownerIsPerson, ownerWords }, hint);
  }

  /** The phrase at the end of the name; trailing digits and value words (`Value`, `E164`) may follow it. */
  private head(tokens: readonly string[]): HeadMatch | undefined {
    const exact = this.dictionary.head(tokens, tokens.length);
    if (exact) return exact;
    let end = tokens.length;
    while (end > 0 && (isDigits(tokens[end - 1]) || TRANSPARENT_SUFFIXES.has(tokens[end - 1]))) end--;
    return end > 0 && end < tokens.length ? this.dictionary.head(tokens, end) : undefined;
  }

  /** Whether the words in front of the phrase, the context and the type let the match stand. */
  private judge(name: string, tokens: readonly string[], m: HeadMatch, around: Around, hint: TypeHint | undefined): Classification | null {
    const { person, ownerIsPerson, ownerWords } = around;
    const e: Entry = m.entry;
    let prefix = tokens.slice(0, m.start);

    // isPregnant / hasDisability: a flag is data only for predicate names; hasEmail is not an email.
    let flag = false;
    if (prefix.length && PREDICATE_PREFIXES.has(prefix[0])) {
      flag = true;
      prefix = prefix.slice(1);
    }
    if (flag && !e.predicate) return null;
    if (!fitsType(e.shape, e.predicate, hint)) return null;
    if (e.shape === 'list' && hint !== 'array' && hint !== 'object' && !this.writtenPlural(name)) return null;

    if (prefix.length && (VERB_PREFIXES.has(prefix[0]) || QUANTITY_PREFIXES.has(prefix[0]))) return null;
    for (const w of prefix) if (DENY_MODIFIERS.has(w) || e.exclude.has(w)) return null;

    // A person noun in the name (`customerName`) or a person owner (`user.name`) says whose data it is.
    const personWord = prefix.find((w) => PERSON_NOUNS.has(w)) ?? (ownerIsPerson ? 'owner' : undefined);
    // `billingZip`, and `address.city` where the owner object is the address.
    const nearWord = prefix.find((w) => e.near.has(w)) ?? ownerWords.find((w) => e.near.has(w));
    if (e.context !== 'none') {
      const allowed = prefix.every((w) => TRANSPARENT_PREFIXES.has(w) || e.near.has(w) || (e.context === 'person' && PERSON_NOUNS.has(w)));
      if (!allowed) return null;
      const satisfied = nearWord !== undefined || (e.context === 'person' && personWord !== undefined) || (e.context !== 'near' && person);
      if (!satisfied) return null;
    }

    // An application's key or a service's password is a system credential; a person's stays theirs.
    const owned = person || personWord !== undefined;
    if (e.personal && owned) return this.judgedAs(name, e.personal, e.confidence, around, true);
    if (e.personal || (e.category === 'user.authorization.credentials' && !owned && isSystemCredential(name, prefix))) {
      return {
        category: SYSTEM_CREDENTIAL,
        confidence: e.confidence,
        reason: `name "${name}" is a system credential, not personal data`,
        secret: true,
      };
    }

    // A person around the name makes it more certain: `address` in a User, `customerName`, `billingZip`.
    const raised =
      e.context === 'none'
        ? person || personWord !== undefined
        : (e.context === 'person' && personWord !== undefined) || nearWord !== undefined;
    const confidence = raised ? RAISE[e.confidence] : e.confidence;
    const label = this.taxonomy.label(e.category);
    let reason: string;
    if (e.custom) reason = `name "${name}" is listed as ${label} in the project configuration`;
    else if (flag || (hint === 'boolean' && e.predicate)) reason = `flag "${name}" reveals ${label}`;
    else if (e.context !== 'none' && !nearWord && !personWord) reason = `name "${name}" in a person object means ${label}`;
    else reason = `name "${name}" means ${label}`;
    return { category: e.category, confidence, reason };
  }

  /** `searches`, `searchTerms`: the last word as written is a plural that normalisation made singular. */
  private writtenPlural(name: string): boolean {
    const words = this.words(name.slice(name.lastIndexOf('.') + 1));
    const last = words[words.length - 1];
    if (!last) return false;
    const canonical = this.dictionary.canonical([last]);
    return canonical.length === 1 && canonical[0] !== last && last.endsWith('s');
  }

  /** A system name inside a person (`user.apiKey`): that person's data, raised by the person around it. */
  private judgedAs(name: string, category: string, confidence: Confidence, around: Around, owned: boolean): Classification {
    const raised = owned || around.person ? RAISE[confidence] : confidence;
    return { category, confidence: raised, reason: `name "${name}" means ${this.taxonomy.label(category)}` };
  }

  private checkCategory(category: string, where: string): void {
    if (this.taxonomy.has(category)) return;
    const replacement = this.taxonomy.deprecation(category)?.replacedBy;
    if (replacement) throw new Error(`${where}: data category "${category}" is deprecated; use "${replacement}".`);
    const near = this.taxonomy.suggest(category);
    const hint = near.length ? ` Did you mean ${near.map((k) => `"${k}"`).join(', ')}?` : ' Add it under classifier.categories first.';
    throw new Error(`${where}: unknown data category "${category}".${hint}`);
  }
}

/** Both the programmatic form (`[{category, pattern}]`) and the config-file form (`{category: [pattern]}`). */
function patternList(patterns: ClassifierExtensions['patterns']): ClassifierPattern[] {
  if (!patterns) return [];
  if (Array.isArray(patterns)) return patterns.map((p) => ({ category: String(p.category), pattern: String(p.pattern) }));
  return Object.entries(patterns).flatMap(([category, list]) =>
    (Array.isArray(list) ? list : [list]).map((pattern) => ({ category, pattern: String(pattern) })),
  );
}
