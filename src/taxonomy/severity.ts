import type { Severity } from '../core/contract.js';
import { HIGH_SEVERITY_TAGS, type SensitivityTag } from './tags.js';

/**
 * Severity of one category from where it sits in the tree and its tags. Keys are matched by prefix, so
 * custom children (`user.government_id.tax_card`) get the severity of their branch.
 */

/** High even without a high tag: children's data, credentials, government ids, precise location. */
const HIGH_BRANCHES = ['user.childrens', 'user.authorization', 'user.government_id', 'user.location.precise'];

/** Low although under a medium branch: these say little about who the person is. */
const LOW_BRANCHES = ['user.contact.organization', 'user.location.imprecise'];

/** Direct identifiers and the data that usually sits next to them. */
const MEDIUM_BRANCHES = [
  'user.name',
  'user.contact',
  'user.demographic.date_of_birth',
  'user.device',
  'user.content.self_image',
  'user.account.username',
  'user.financial',
  'user.payment',
  // Relatives, emergency contacts and social connections identify other people.
  'user.social',
  // The generic location key: we cannot tell how precise it is.
  'user.location',
];

export function within(key: string, ancestor: string): boolean {
  return key === ancestor || (key.length > ancestor.length && key.startsWith(ancestor) && key[ancestor.length] === '.');
}

function inBranch(key: string, branches: readonly string[]): boolean {
  return branches.some((b) => within(key, b));
}

/** Low for unique ids, behaviour, imprecise location, job and workplace, generic and system data. */
export function severityOf(key: string, tags: readonly SensitivityTag[]): Severity {
  if (tags.some((t) => HIGH_SEVERITY_TAGS.has(t))) return 'high';
  if (inBranch(key, HIGH_BRANCHES)) return 'high';
  if (inBranch(key, LOW_BRANCHES)) return 'low';
  // `user.location` is medium only as itself; its imprecise child was handled above and precise is high.
  if (inBranch(key, MEDIUM_BRANCHES)) return 'medium';
  return 'low';
}
