import type { TypeHint } from './types.js';
import { dictionary } from '../shared/dictionary.js';

/**
 * Which TypeScript types a category's values can have. A name whose type does not fit is something
 * else: `emailVerified: boolean` is a flag, `phoneCount: number` a count, `createdAt: Date` not a
 * birth date, `email: () => void` a function.
 * - text: identifiers and free text (name, street, content): strings, objects (`address: Address`), arrays.
 * - strict: string-only identifiers (email, username, url, cookie/session id): not objects
 *   (`email: EmailService`), not numbers.
 * - numeric: values that are often stored as numbers (phone, zip, SSN, card number, coordinates,
 *   amounts, ids).
 * - attribute: values picked from a set (gender, race, blood type, marital status, country): also enums and numbers.
 * - date: dates (date of birth, admission/discharge/death dates): also Date, numbers (epoch, year).
 * - list: histories (searches): a list, a document of entries, or a name written in the plural; never one
 *   string named in the singular (`search: string` is the filter being typed). The classifier checks the name.
 * Booleans fit only predicate names (`isPregnant`, `isMinor`); functions never fit.
 */
export type Shape = 'text' | 'strict' | 'numeric' | 'attribute' | 'date' | 'list';

const TEXT: readonly TypeHint[] = ['string', 'unknown', 'array', 'object'];
const ACCEPTS: Record<Shape, ReadonlySet<TypeHint>> = {
  text: new Set(TEXT),
  strict: new Set(['string', 'unknown', 'array']),
  numeric: new Set([...TEXT, 'number', 'bigint']),
  attribute: new Set([...TEXT, 'number', 'bigint', 'enum']),
  date: new Set([...TEXT, 'number', 'bigint', 'date']),
  list: new Set(TEXT),
};

/** Default shape per category; the nearest listed ancestor applies, `text` when none. */
const CATEGORY_SHAPES = dictionary<Shape>({
  'user.contact.email': 'strict',
  'user.account.username': 'strict',
  'user.contact.url': 'strict',
  'user.device.cookie_id': 'strict',
  'user.authorization': 'strict',
  'user.contact.phone_number': 'numeric',
  'user.contact.fax_number': 'numeric',
  'user.contact.address.postal_code': 'numeric',
  'user.contact.address.city': 'attribute',
  'user.contact.address.state': 'attribute',
  'user.contact.address.country': 'attribute',
  'user.government_id': 'numeric',
  'user.government_id.immigration': 'attribute',
  'user.financial': 'numeric',
  'user.health_and_medical': 'attribute',
  'user.health_and_medical.genetic': 'text',
  'user.health_and_medical.record_id': 'numeric',
  'user.health_and_medical.insurance_beneficiary_id': 'numeric',
  'user.demographic': 'attribute',
  'user.demographic.date_of_birth': 'date',
  'user.location': 'numeric',
  'user.location.imprecise': 'attribute',
  'user.device.device_id': 'numeric',
  'user.unique_id': 'numeric',
  'user.job_title': 'attribute',
  'user.workplace': 'attribute',
  'user.account': 'attribute',
  'user.account.settings': 'text',
  'user.privacy_preferences': 'attribute',
  'user.childrens': 'attribute',
});

export function shapeOfCategory(category: string): Shape {
  for (let k = category; k; k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : '') {
    const s = CATEGORY_SHAPES[k];
    if (s) return s;
  }
  return 'text';
}

/** Whether a value of type `hint` can be this data. No hint means any type. */
export function fitsType(shape: Shape, predicate: boolean, hint: TypeHint | undefined): boolean {
  if (!hint || hint === 'unknown') return true;
  if (hint === 'function' || hint === 'literal') return false;
  if (hint === 'boolean') return predicate;
  return ACCEPTS[shape].has(hint);
}
