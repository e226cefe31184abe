import { createHash } from 'node:crypto';
import type { Finding } from '../core/contract.js';

type FingerprintInput = Pick<Finding, 'rule' | 'file' | 'symbol' | 'categories' | 'sink'> & { discriminator?: string };

/**
 * Line-independent identity of a finding: moving code, reformatting or shifting lines keeps it, a
 * different rule, file, symbol, category set or sink changes it. Repeats of the same identity within
 * one file are told apart by their order (`occurrence`), as Semgrep does.
 */
export function fingerprint(input: FingerprintInput, occurrence = 0): string {
  const parts = [
    input.rule,
    input.file,
    input.symbol,
    [...input.categories].sort().join(','),
    input.sink?.id ?? '',
    normaliseDiscriminator(input.discriminator ?? ''),
    occurrence > 0 ? String(occurrence) : '',
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Whitespace and quote style must not change a fingerprint. */
function normaliseDiscriminator(text: string): string {
  return text.replace(/\s+/g, '').replace(/["'`]/g, '"');
}
