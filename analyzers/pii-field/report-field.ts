import type { ts } from 'ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { CONFIG_TYPE_WORDS, DATA_SUFFIXES, QUERY_PREFIXES, SYSTEM_OWNERS, TRANSPARENT_SUFFIXES } from '../../src/classifier/data/words.js';
import type { TextLocation } from '../../src/core/analyzer.js';
import type { FileContext } from '../../src/engine/analyzer.js';
import type { Confidence } from '../../src/core/contract.js';
import {
  actsOnRecords,
  isBotShape,
  isQuery,
  isEnvironmentShape,
  isKeyName,
  isProviderProfile,
  isPublishedItem,
  isResultEnvelope,
  isSystemSettings,
} from './shape-purpose.js';

/** One declared field, as every extractor (TS types, ORM calls, Prisma) describes it. */
export interface FieldDecl {
  name: string;
  /** Where to report: the field's name node, or a location in a text file. */
  at: ts.Node | TextLocation;
  /** Type hint, asked for only when the name classifies at all (checker queries are the expensive part). */
  hint?: () => TypeHint | undefined;
  /**
   * Canonical field name implied by a validator (`z.string().email()`, `@IsEmail()` give `email`):
   * the field holds that kind of data whatever it is called, so it is classified by this name instead.
   */
  signal?: string;
  /** Database column name (`@map("email_address")`, drizzle `text('email_address')`), tried when the field name says nothing. */
  column?: string;
  /** Inline nested object (`address: { street: string }`, mongoose nested paths, nested `z.object`). */
  children?: FieldDecl[];
  /** Name of the declared type or schema of the value (`ToggleInputConfig`), when it is a named one. */
  typeName?: string;
  /** The value is a record type the project declares (`input: TreesInput`): its fields are read where that type is declared. */
  holdsRecord?: () => boolean;
  /** The value must be hex (`z.string().startsWith('0x')`): a wallet address or a hash, not a postal address or a name. */
  hexValue?: boolean;
}

/** A declared data model: interface, class, schema, table. */
export interface ModelDecl {
  /** `User`, `users`, `UserSchema`: first part of every finding's symbol. */
  owner: string;
  /** Other names of the same model (`model('User', userSchema)`, `@@map("users")`) that may mark it as a person. */
  aliases?: string[];
  /**
   * `plain`: a class with no ORM, validation or DTO marks. Plain classes are mostly services and
   * helpers, so outside a person context only high-confidence fields are reported.
   */
  plain?: boolean;
  /** A validation schema or a TypeScript type: a shape values pass through, not a stored table or an ORM class. */
  transient?: boolean;
  fields: FieldDecl[];
}

interface Match {
  category: string;
  confidence: Confidence;
}

/** What a model as a whole says about its fields, beyond each field's own name. */
interface ModelFacts {
  /** `Account`, `Invite`: a record about a person, whose own `id` is not the person's. */
  record: boolean;
  /** `Message`, `Document`, `Response`: its text fields hold what a person wrote. */
  content: 'content' | 'submission' | undefined;
  /** `ContactAttribute`: its `value` is one of the person's attributes. */
  attributeOwner: string | undefined;
  /** The model holds a visitor's IP address: its `country` is theirs. */
  visitor: boolean;
}

/** Values that select or configure, never hold what a person is: flags, numbers, enum members, dates. */
const REFERENCE_HINTS: ReadonlySet<TypeHint> = new Set(['boolean', 'number', 'bigint', 'enum', 'literal', 'date']);

/** `id`, `_id`, `uuid`: a row's own key. */
function isRowId(name: string): boolean {
  return /^_?(id|uuid|guid|cuid)$/i.test(name);
}

/** Classifies the fields of a model and reports each personal-data field once. */
export function createModelReporter(ctx: FileContext): (model: ModelDecl) => void {
  const { classifier, taxonomy } = ctx;

  const classifyName = (name: string, personContext: boolean, hint: (() => TypeHint | undefined) | undefined): Match | null => {
    // Name first: most fields classify as nothing, and then the checker is never asked.
    const byName = classifier.classify(name, { personContext });
    if (!byName) return null;
    const typeHint = hint?.();
    if (!typeHint || typeHint === 'unknown') return byName;
    return classifier.classify(name, { personContext, typeHint });
  };

  /**
   * A field is read in its owner's words: `Server.address` as "server address" (a machine's),
   * `BillingAddress.zip` as "address zip", `name: { first }` as "name first". When the qualified name
   * classifies, it is the better reading; when only the bare name does, the owner made it something else.
   */
  const classifyField = (f: FieldDecl, personContext: boolean, qualifier: string | undefined): Match | null => {
    if (classifier.isIgnored(f.name) || f.hexValue) return null;
    if (f.signal) {
      const c = classifier.classify(f.signal, { personContext: true, typeHint: 'string' });
      if (c) return { category: c.category, confidence: 'high' };
    }
    // `lastName: ToggleInputConfig` configures a form's last-name input; it holds no one's name.
    if (f.typeName && isConfigType(f.typeName)) return null;
    const hint = hintOf(f);
    const bare = classifyName(f.name, personContext, hint);
    // `MailData.data`, `CancelEmailResponse.data`: a field named only "data" says nothing, and its owner's noun is not its content.
    if (qualifier && !isOnlyDataWords(f.name) && !classifier.namesItsPerson(f.name)) {
      const qualified = classifyName(`${qualifier}_${f.name}`, personContext, hint);
      if (qualified || bare) return qualified;
    }
    return bare ?? (f.column ? classifyName(f.column, personContext, hint) : null);
  };

  /** The head noun of an owner that is not a person: `ServerConfig` → `config`, `BillingAddressDto` → `address`. */
  const qualifierOf = (owner: string): string | undefined => {
    const words = classifier.tokens(owner);
    // `FilterUserDto.roles` are roles searched for: a query's fields are read by their own names.
    if (words.some((w) => QUERY_PREFIXES.has(w))) return undefined;
    let end = words.length;
    while (end > 0 && DATA_SUFFIXES.has(words[end - 1])) end--;
    return end > 0 ? words[end - 1] : undefined;
  };

  // One checker query per field, however many readings ask for it.
  const hints = new WeakMap<FieldDecl, () => TypeHint | undefined>();
  const hintOf = (f: FieldDecl): (() => TypeHint | undefined) | undefined => {
    if (!f.hint) return undefined;
    let h = hints.get(f);
    if (!h) hints.set(f, (h = once(f.hint)));
    return h;
  };

  const isOnlyDataWords = (name: string): boolean =>
    classifier.tokens(name).every((w) => TRANSPARENT_SUFFIXES.has(w) || DATA_SUFFIXES.has(w));
  const isConfigType = (typeName: string): boolean => {
    const words = classifier.tokens(typeName);
    return words.length > 0 && CONFIG_TYPE_WORDS.has(words[words.length - 1]);
  };

  const factsOf = (model: ModelDecl, personContext: boolean, qualifier: string | undefined): ModelFacts => {
    const names = [model.owner, ...(model.aliases ?? [])];
    // `{ data, error }` holds what a call returned, `{ guid, publishedAt }` what was published: not a person's private words.
    const envelope =
      isResultEnvelope(model.fields.map((f) => f.name)) || isPublishedItem(model.fields.map((f) => classifier.tokens(f.name)));
    return {
      record: personContext && names.some((n) => classifier.isPersonRecord(n)),
      content: envelope ? undefined : names.map((n) => classifier.contentKind(n)).find((k) => k !== undefined),
      attributeOwner: names.find((n) => classifier.classifyAttributeValue(n, 'value', 'string')),
      visitor: model.fields.some(
        (f) => !f.children?.length && classifyField(f, personContext, qualifier)?.category === 'user.device.ip_address',
      ),
    };
  };

  /** Fields that only the model around them makes personal data. */
  const classifyInModel = (f: FieldDecl, facts: ModelFacts): Match | null => {
    const readings: ((hint: TypeHint | undefined) => Match | null)[] = [];
    const { content, attributeOwner } = facts;
    // `TaskMessage.input: TreesInput` holds a record of the project's, not free text: its own fields are read where it is declared.
    if (content)
      readings.push((h) => {
        const c = classifier.classifyContent(f.name, content, h);
        return c && f.holdsRecord?.() ? null : c;
      });
    if (attributeOwner) readings.push((h) => classifier.classifyAttributeValue(attributeOwner, f.name, h));
    if (facts.visitor) readings.push((h) => classifier.classifyVisitorGeo(f.name, h));
    for (const read of readings) {
      // By name first, as everywhere: the type is asked for only when the name fits.
      if (!read(undefined)) continue;
      const hint = hintOf(f)?.();
      const c = read(hint === 'unknown' ? undefined : hint);
      if (c) return c;
    }
    return null;
  };

  /** Reports `f` (or the fields nested in it); true when something was reported. */
  const visit = (
    model: ModelDecl,
    f: FieldDecl,
    prefix: string[],
    personContext: boolean,
    qualifier: string | undefined,
    facts?: ModelFacts,
  ): boolean => {
    const path = [...prefix, f.name];
    if (f.children?.length) {
      // `customer: { name: string }`: the nested object is about a person even if its owner is not;
      // `profile: { name }` of a user is the user's, read without the parent's word.
      const personal = classifier.isPersonContext(f.name);
      const inner = personContext || personal;
      let reported = false;
      for (const child of f.children)
        reported = visit(model, child, path, inner, personal && personContext ? undefined : f.name) || reported;
      // Report the most specific fields: `User.address.city`, not also `User.address`.
      if (reported) return true;
    }
    // `Account.id`, `Invite.id`: the row id of a record about a person, not the person's id.
    const ownContext = facts?.record && isRowId(f.name) ? false : personContext;
    let match = classifyField(f, ownContext, qualifier);
    if (!match && facts && !f.children?.length) match = classifyInModel(f, facts);
    if (!match) return false;
    // `deleteTeamUser.userId`, `ZGetResponsesFilter.contactId`: which record to act on, not a person's data held here.
    if (actingOn && match.category.startsWith('user.unique_id') && isKeyName(classifier.tokens(f.name))) return false;
    // `DatabaseConfig.username`, a bot's `access_token`: a system's account.
    if (systemAccount && (match.category.startsWith('user.authorization') || match.category === 'user.account.username')) return false;
    // A declared structure whose leaves hold nothing personal is not free text (`MigrationJournal.entries: { idx, tag }[]`).
    if (f.children?.length && match.category.startsWith('user.content.') && match.category !== 'user.content.self_image') return false;
    if (match.confidence === 'low' && !ownContext) return false;
    if (model.plain && !personContext && match.confidence !== 'high') return false;
    const symbol = [model.owner, ...path].join('.');
    ctx.report({
      at: f.at,
      categories: [match.category],
      confidence: match.confidence,
      symbol,
      discriminator: path.join('.'),
      message: messageFor(symbol, model.owner, match.category),
      remediation:
        `Declare ${symbol} (${match.category}) under \`datasets\` in .privacy/manifest.yml, in the dataset for ${model.owner}. ` +
        'If it does not hold personal data, rename it or suppress it with `// privacy-review-ignore pii-field -- <reason>`.',
    });
    return true;
  };

  const messageFor = (symbol: string, owner: string, category: string): string => {
    const special = specialNote(taxonomy.tags(category));
    return `${symbol} stores ${withArticle(taxonomy.label(category))} (${category})${special}. Declare it in the data-flow manifest dataset for ${owner}.`;
  };

  /** `contactId`, `organizationId: ZId`, `subscribed: boolean`: a key or a setting, no data of a person's. */
  const isReferenceField = (f: FieldDecl): boolean => {
    if (f.children?.length) return f.children.every(isReferenceField);
    if (isKeyName(classifier.tokens(f.name)) || (f.typeName && isKeyName(classifier.tokens(f.typeName)))) return true;
    const hint = hintOf(f)?.();
    return hint !== undefined && REFERENCE_HINTS.has(hint);
  };
  /** `email`, `firstName`: a field that says who the person is, without any context. */
  const namesThePerson = (f: FieldDecl): boolean => {
    const c = classifier.classify(f.name);
    return c !== null && (c.category === 'user.contact.email' || c.category.startsWith('user.name'));
  };
  let actingOn = false;
  let systemAccount = false;
  return (model) => {
    const names = model.fields.map((f) => f.name);
    if (isEnvironmentShape(names)) return;
    const ownerTokens = classifier.tokens(model.owner);
    actingOn = model.transient === true && (isQuery(ownerTokens) || (actsOnRecords(ownerTokens) && model.fields.every(isReferenceField)));
    const personContext =
      [model.owner, ...(model.aliases ?? [])].some((n) => classifier.isPersonContext(n)) ||
      isProviderProfile(ownerTokens, () => model.fields.some(namesThePerson));
    systemAccount = !personContext && (isSystemSettings(ownerTokens, SYSTEM_OWNERS) || isBotShape(names.map((n) => classifier.tokens(n))));
    // A person owner already says whose the fields are; other owners qualify them.
    const qualifier = personContext ? undefined : qualifierOf(model.owner);
    const facts = factsOf(model, personContext, qualifier);
    for (const f of model.fields) visit(model, f, [], personContext, qualifier, facts);
  };
}

function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

/** Why a category is sensitive, in the words of the law that makes it so. */
function specialNote(tags: readonly string[]): string {
  if (tags.includes('pci_sad')) return ', card security data that must never be stored (PCI DSS)';
  if (tags.includes('gdpr9')) return ', special-category data (GDPR Art. 9)';
  if (tags.includes('gdpr10')) return ', criminal-offence data (GDPR Art. 10)';
  if (tags.includes('cpra_spi')) return ', sensitive personal information (CPRA)';
  if (tags.includes('pci_chd')) return ', cardholder data (PCI DSS)';
  return '';
}

/** Taxonomy labels are lower-case noun phrases: "an email address", "a phone number", "health data", "an IP address". */
function withArticle(label: string): string {
  const text = /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  if (/(data|information|history|content|origin|orientation|membership|gender|settings|details|preferences)$/i.test(text)) return text;
  return /^([aeioAEIO]|[FHLMNRSX][A-Z])/.test(text) ? `an ${text}` : `a ${text}`;
}
