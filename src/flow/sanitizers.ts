/**
 * Calls whose result no longer carries the personal data they were given: redaction, masking,
 * hashing, encryption. Matched on the words of the called function's name (`maskEmail`,
 * `redactPii`, `hashUserId`, `crypto.createHash(...).digest()`), plus project-configured names.
 */
const SANITIZER_WORDS = new Set([
  'mask', 'masked', 'redact', 'redacted', 'anonymize', 'anonymise', 'anonymized', 'anonymised', 'pseudonymize', 'pseudonymise',
  'pseudonymized', 'hash', 'hashed', 'digest', 'hmac', 'encrypt', 'encrypted', 'cipher', 'tokenize', 'tokenise', 'obfuscate',
  'scrub', 'scrubbed', 'censor', 'truncate', 'sha256', 'sha1', 'md5',
]);

export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSanitizerName(name: string, extra: ReadonlySet<string>): boolean {
  if (extra.has(name)) return true;
  return words(name).some((w) => SANITIZER_WORDS.has(w));
}
