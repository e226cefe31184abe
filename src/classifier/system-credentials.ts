import { SYSTEM_OWNERS } from './data/words.js';

/** fideslang's category for credentials of systems: not personal data, reported by no personal-data rule. */
export const SYSTEM_CREDENTIAL = 'system.authentication';

/**
 * Whether a credential name (`password`, `token`) outside any person belongs to a system: written as
 * an environment or configuration constant (`REDIS_PASSWORD`, `GITHUB_TOKEN`), or owned by a system
 * word in front of it (`smtpPassword`, `botToken`, `webhookToken`). The caller has already ruled out a
 * person around the name (`user.password`, `customerToken`).
 */
export function isSystemCredential(name: string, prefix: readonly string[]): boolean {
  for (const w of prefix) if (SYSTEM_OWNERS.has(w)) return true;
  return isConstantCase(name);
}

/** `REDIS_PASSWORD`, `API_TOKEN`: upper-case letters, digits and underscores, at least two letters. */
function isConstantCase(name: string): boolean {
  const field = name.slice(name.lastIndexOf('.') + 1);
  let letters = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c >= 97 && c <= 122) return false; // a lower-case letter
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}
