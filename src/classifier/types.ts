import type { Confidence } from '../core/contract.js';
import type { CustomCategory } from '../taxonomy/taxonomy.js';

/** Coarse TypeScript type of the value behind a name (see src/engine/type-hints.ts). */
/** `literal`: one constant value (`'email'`, `3`): a label or a setting written in the code, never a person's data. */
export type TypeHint =
  'string' | 'number' | 'bigint' | 'boolean' | 'date' | 'enum' | 'literal' | 'object' | 'array' | 'function' | 'unknown';

export interface NameContext {
  /** The name is a field of a person-like object (`User`, `CustomerDto`, `req.user`). */
  personContext?: boolean;
  typeHint?: TypeHint;
}

export interface Classification {
  category: string;
  confidence: Confidence;
  /** Short and developer-facing: `name "dob" means date of birth`. */
  reason: string;
  /** A system credential (an application's key, a service password): not personal data. */
  secret?: boolean;
}

export interface ClassifierPattern {
  category: string;
  /** Regular expression source, matched against the normalised snake_case name (`customer_email_address`). */
  pattern: string;
}

export interface ClassifierExtensions {
  /** New category keys, added to the taxonomy. */
  categories?: CustomCategory[];
  /** Category key -> extra identifier names, normalised like the built-in ones. */
  names?: Record<string, string[]>;
  /**
   * Regular expressions on the normalised snake_case name. A list of `{category, pattern}`, or the
   * configuration-file form: category key -> list of patterns.
   */
  patterns?: ClassifierPattern[] | Record<string, string[]>;
  /** Names never classified (compared after normalisation, so `emailTemplate` also covers `email_template`). */
  ignore?: string[];
}
