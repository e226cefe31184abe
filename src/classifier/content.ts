import { CONTENT_FIELD_PREFIXES, CONTENT_FIELDS, GEO_OF_IP, SUBMISSION_META } from './data/words.js';
import type { Classification, TypeHint } from './types.js';

/** Free text and documents: strings, JSON objects, lists of parts. Numbers, flags, dates and enums are not what someone wrote. */
const TEXTUAL: ReadonlySet<TypeHint | undefined> = new Set([undefined, 'unknown', 'string', 'object', 'array']);

/**
 * A field of a record of what a person wrote (`Message.parts`, `Document.content`,
 * `SurveyResponse.data`): their words, whatever the storage type (text or JSON). `tokens` are the
 * field's canonical tokens; the content field word must be the last, with only content words before it
 * (`messageParts`, `htmlBody`), so `Message.title` or `Document.status` are not content.
 */
export function contentOfField(name: string, tokens: readonly string[], hint: TypeHint | undefined): Classification | null {
  if (!tokens.length || !TEXTUAL.has(hint)) return null;
  const last = tokens[tokens.length - 1];
  if (!CONTENT_FIELDS.has(last) || !tokens.slice(0, -1).every((w) => CONTENT_FIELD_PREFIXES.has(w))) return null;
  return {
    category: 'user.content.private',
    confidence: 'medium',
    reason: `"${name}" of a record of what a person wrote holds their words`,
  };
}

/** `Response.meta`: the request the submitter sent their answers with (IP address, user agent, page URL). */
export function submissionMetaOfField(name: string, tokens: readonly string[], hint: TypeHint | undefined): Classification | null {
  if (!TEXTUAL.has(hint) || hint === 'string' || !SUBMISSION_META.has(tokens.join('_'))) return null;
  return {
    category: 'user.device',
    confidence: 'medium',
    reason: `"${name}" of a submission describes the submitter's request (IP address, user agent)`,
  };
}

/** In a record that holds a visitor's IP address, `country` or `city` is where they are, as far as the IP tells. */
export function geoOfVisitor(name: string, tokens: readonly string[], hint: TypeHint | undefined): Classification | null {
  if (hint === 'boolean' || hint === 'function' || hint === 'literal' || !GEO_OF_IP.has(tokens.join('_'))) return null;
  return {
    category: 'user.location.imprecise',
    confidence: 'medium',
    reason: `"${name}" next to a visitor's IP address is their approximate location`,
  };
}

/** `ContactAttribute.value`, `UserTrait.value`: one of the person's attributes (e-mail, name, an id), stored as key and value. */
export function attributeValueOfField(name: string, tokens: readonly string[], hint: TypeHint | undefined): Classification | null {
  if ((hint !== undefined && hint !== 'unknown' && hint !== 'string') || tokens.join('_') !== 'value') return null;
  return {
    category: 'user.contact',
    confidence: 'medium',
    reason: `"${name}" of a person's attribute record is the attribute's value (e-mail, name, ids)`,
  };
}
