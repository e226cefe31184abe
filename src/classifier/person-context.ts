import {
  AMBIGUOUS_CONTENT_OBJECTS,
  AMBIGUOUS_PERSON_OBJECTS,
  CONTENT_OBJECT_PREFIXES,
  CONTENT_OBJECTS,
  DATA_SUFFIXES,
  PERSON_OBJECTS,
  PERSON_OBJECT_PREFIXES,
  PERSON_RECORDS,
  QUERY_PREFIXES,
  SUBMISSION_OBJECTS,
} from './data/words.js';
import { splitWords } from './normalise.js';
import { dictionary } from '../shared/dictionary.js';

const IRREGULAR = dictionary<string>({
  children: 'child',
  people: 'person',
  persons: 'person',
  staffs: 'staff',
  entries: 'entry',
  replies: 'reply',
});

function singular(w: string, set: ReadonlySet<string>): string {
  if (set.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.endsWith('s') && set.has(w.slice(0, -1))) return w.slice(0, -1);
  if (w.endsWith('es') && set.has(w.slice(0, -2))) return w.slice(0, -2);
  return w;
}

/** A kind of object a type name can denote: its head nouns, the ones that are also technical words, and the words that keep those. */
interface ObjectKind {
  heads: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
}

const PERSON: ObjectKind = { heads: PERSON_OBJECTS, ambiguous: AMBIGUOUS_PERSON_OBJECTS, prefixes: PERSON_OBJECT_PREFIXES };
const CONTENT: ObjectKind = { heads: CONTENT_OBJECTS, ambiguous: AMBIGUOUS_CONTENT_OBJECTS, prefixes: CONTENT_OBJECT_PREFIXES };

/**
 * The head noun of a type name when it is one of `kind`'s: a head followed only by data suffixes
 * (`User`, `users`, `IUser`, `TContact`, `ZResponse`, `CustomerDto`, `CreateUserInput`, `req.user`).
 * Ambiguous heads count only alone or after the kind's prefixes. A query about the objects
 * (`FilterUserDto`, `UserSearchQuery`) is none.
 */
function headOf(name: string, kind: ObjectKind): string | undefined {
  let words = splitWords(name);
  // Type-name prefixes: IUser (interface), TUser (type alias), ZUser (zod schema).
  if (words.length > 1 && /^[itz]$/.test(words[0]) && /^[ITZ][A-Z]/.test(name.replace(/^[^A-Za-z]+/, ''))) words = words.slice(1);
  // Version and ordinal suffixes say nothing about what the object is: UserV2, Customer2, Patient_1.
  while (words.length > 1 && /^v?\d+$/.test(words[words.length - 1])) words = words.slice(0, -1);
  words = words.map((w, i) => (i === words.length - 1 ? w.replace(/(?<=[a-z])\d+$/, '') : w));
  words = words.map((w) => singular(singular(w, kind.heads), DATA_SUFFIXES));
  // Try each head position from the end while everything after it is a data suffix.
  for (let j = words.length - 1; j >= 0; j--) {
    const head = words[j];
    if (kind.heads.has(head)) {
      const before = words.slice(0, j);
      if (before.some((w) => QUERY_PREFIXES.has(w))) return undefined;
      if (!kind.ambiguous.has(head) || before.every((w) => kind.prefixes.has(w))) return head;
    }
    if (!DATA_SUFFIXES.has(head)) return undefined;
  }
  return undefined;
}

/**
 * Whether a type or object name denotes a person: a person noun is the head, optionally followed only
 * by data suffixes (`User`, `users`, `IUser`, `CustomerDto`, `CreateUserInput`, `PatientRecord`,
 * `UserProfile`, `req.user`). Not `UserService`, `UserController`, `userId`, `userCount`, `Logger`,
 * `FilterUserDto`. Nouns that are also technical words (`client`, `driver`, `parent`, `account`) only
 * count alone or after neutral words (`Client`, `NewClientDto`), not in `HttpClient`, `UserClient`, `ServiceAccount`.
 */
export function isPersonContextName(name: string): boolean {
  return headOf(name, PERSON) !== undefined;
}

/** A person object that is a record about the person (`Account`, `Invite`): its own `id` is not the person's. */
export function isPersonRecordName(name: string): boolean {
  const head = headOf(name, PERSON);
  return head !== undefined && PERSON_RECORDS.has(head);
}

/**
 * What a type name says about the text it holds: `content` for what a person wrote (`Message`,
 * `ChatMessage`, `ai_chat_messages`, `Document`, `SurveyResponse`), `submission` for what a person
 * submitted through a form (`Response`, `FormSubmission`), whose metadata describes the submitter's request.
 */
export function contentKindOfName(name: string): 'content' | 'submission' | undefined {
  const head = headOf(name, CONTENT);
  if (head === undefined) return undefined;
  return SUBMISSION_OBJECTS.has(head) ? 'submission' : 'content';
}

const ATTRIBUTE_WORDS = new Set(['attribute', 'attributes', 'property', 'properties', 'trait', 'traits']);

/** A key/value record of a person's attributes: `ContactAttribute`, `UserProperty`, `customer_traits`. */
export function isPersonAttributeRecordName(name: string): boolean {
  const words = splitWords(name);
  if (words.length < 2 || !ATTRIBUTE_WORDS.has(words[words.length - 1])) return false;
  return isPersonContextName(words.slice(0, -1).join('_'));
}
