import { AMBIGUOUS_PERSON_OBJECTS, DATA_SUFFIXES, PERSON_OBJECTS, PERSON_OBJECT_PREFIXES } from './data/words.js';
import { splitWords } from './normalise.js';
import { dictionary } from '../shared/dictionary.js';

const IRREGULAR = dictionary<string>({ children: 'child', people: 'person', persons: 'person', staffs: 'staff' });

function singular(w: string, set: ReadonlySet<string>): string {
  if (set.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.endsWith('s') && set.has(w.slice(0, -1))) return w.slice(0, -1);
  if (w.endsWith('es') && set.has(w.slice(0, -2))) return w.slice(0, -2);
  return w;
}

/**
 * Whether a type or object name denotes a person: a person noun is the head, optionally followed only
 * by data suffixes (`User`, `users`, `IUser`, `CustomerDto`, `CreateUserInput`, `PatientRecord`,
 * `UserProfile`, `req.user`). Not `UserService`, `UserController`, `userId`, `userCount`, `Logger`.
 * Nouns that are also technical words (`client`, `driver`, `parent`, `account`) only count alone or
 * after neutral words (`Client`, `NewClientDto`), not in `HttpClient`, `UserClient`, `ServiceAccount`.
 */
export function isPersonContextName(name: string): boolean {
  let words = splitWords(name);
  // TypeScript interface prefix: IUser, ICustomerDto.
  if (words.length > 1 && words[0] === 'i' && /^I[A-Z]/.test(name.replace(/^[^A-Za-z]+/, ''))) words = words.slice(1);
  // Version and ordinal suffixes say nothing about what the object is: UserV2, Customer2, Patient_1.
  while (words.length > 1 && /^v?\d+$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  words = words.map((w, i) => (i === words.length - 1 ? w.replace(/(?<=[a-z])\d+$/, '') : w));
  words = words.map((w) => singular(singular(w, PERSON_OBJECTS), DATA_SUFFIXES));
  // Try each head position from the end while everything after it is a data suffix.
  for (let j = words.length - 1; j >= 0; j--) {
    const head = words[j]!;
    if (PERSON_OBJECTS.has(head)) {
      const before = words.slice(0, j);
      if (!AMBIGUOUS_PERSON_OBJECTS.has(head) || before.every((w) => PERSON_OBJECT_PREFIXES.has(w))) return true;
    }
    if (!DATA_SUFFIXES.has(head)) return false;
  }
  return false;
}
