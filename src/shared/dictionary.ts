/**
 * A lookup table keyed by words that come from analyzed code or user files. A plain object answers
 * `constructor`, `toString` or `__proto__` from its prototype (a function where a string is
 * expected); this one has no prototype, so only its own entries answer.
 */
export function dictionary<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
