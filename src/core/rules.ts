import type { RuleId } from './contract.js';

/** Every rule of the JSON contract, in report order. */
export const RULE_IDS: readonly RuleId[] = ['pii-field', 'pii-logging', 'data-flow'];

export function isRuleId(value: unknown): value is RuleId {
  return (RULE_IDS as readonly unknown[]).includes(value);
}
