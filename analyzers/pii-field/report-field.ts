import type { ts } from 'ts-morph';
import type { TypeHint } from '../../src/classifier/classifier.js';
import { DATA_SUFFIXES } from '../../src/classifier/data/words.js';
import type { TextLocation } from '../../src/core/analyzer.js';
import type { FileContext } from '../../src/engine/analyzer.js';
import type { Confidence } from '../../src/core/contract.js';

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
  fields: FieldDecl[];
}

interface Match {
  category: string;
  confidence: Confidence;
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
    if (classifier.isIgnored(f.name)) return null;
    if (f.signal) {
      const c = classifier.classify(f.signal, { personContext: true, typeHint: 'string' });
      if (c) return { category: c.category, confidence: 'high' };
    }
    const hint = f.hint && once(f.hint);
    const bare = classifyName(f.name, personContext, hint);
    if (qualifier) {
      const qualified = classifyName(`${qualifier}_${f.name}`, personContext, hint);
      if (qualified || bare) return qualified;
    }
    return bare ?? (f.column ? classifyName(f.column, personContext, hint) : null);
  };

  /** The head noun of an owner that is not a person: `ServerConfig` → `config`, `BillingAddressDto` → `address`. */
  const qualifierOf = (owner: string): string | undefined => {
    const words = classifier.tokens(owner);
    let end = words.length;
    while (end > 0 && DATA_SUFFIXES.has(words[end - 1]!)) end--;
    return end > 0 ? words[end - 1] : undefined;
  };

  /** Reports `f` (or the fields nested in it); true when something was reported. */
  const visit = (model: ModelDecl, f: FieldDecl, prefix: string[], personContext: boolean, qualifier: string | undefined): boolean => {
    const path = [...prefix, f.name];
    if (f.children?.length) {
      // `customer: { name: string }`: the nested object is about a person even if its owner is not.
      const inner = personContext || classifier.isPersonContext(f.name);
      let reported = false;
      for (const child of f.children) reported = visit(model, child, path, inner, f.name) || reported;
      // Report the most specific fields: `User.address.city`, not also `User.address`.
      if (reported) return true;
    }
    const match = classifyField(f, personContext, qualifier);
    if (!match) return false;
    if (match.confidence === 'low' && !personContext) return false;
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

  return (model) => {
    const personContext = [model.owner, ...(model.aliases ?? [])].some((n) => classifier.isPersonContext(n));
    // A person owner already says whose the fields are; other owners qualify them.
    const qualifier = personContext ? undefined : qualifierOf(model.owner);
    for (const f of model.fields) visit(model, f, [], personContext, qualifier);
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
  const text = /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
  if (/(data|information|history|content|origin|orientation|membership|gender|settings|details|preferences)$/i.test(text)) return text;
  return /^([aeioAEIO]|[FHLMNRSX][A-Z])/.test(text) ? `an ${text}` : `a ${text}`;
}
