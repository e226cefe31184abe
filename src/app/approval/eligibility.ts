import type { Actor, ReviewerPolicy } from './types.js';

export type Eligibility = { ok: true; as: string } | { ok: false; reason: string };

/** Teams of the policy the person is an active member of; undefined when not looked up. */
export type TeamsOf = (login: string) => readonly string[] | undefined;

export function isBot(actor: Actor): boolean {
  return actor.type === 'Bot' || /\[bot\]$/i.test(actor.login);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether this person may approve this pull request: bots never, the author never (not even a
 * listed reviewer), otherwise a listed user or an active member of a listed team.
 */
export function eligibility(actor: Actor, author: string, policy: ReviewerPolicy, teamsOf: TeamsOf): Eligibility {
  if (isBot(actor)) return { ok: false, reason: 'bots cannot approve a privacy review' };
  if (same(actor.login, author)) return { ok: false, reason: 'the author of a pull request cannot approve it' };
  if (policy.users.some((u) => same(u, actor.login))) return { ok: true, as: 'listed reviewer' };
  const team = policy.teams.find((t) => (teamsOf(actor.login) ?? []).some((m) => same(m, t)));
  if (team) return { ok: true, as: team };
  if (!policy.users.length && !policy.teams.length) {
    return { ok: false, reason: 'no privacy reviewers are configured (reviewers in .github/privacy-review.yml)' };
  }
  return { ok: false, reason: `@${actor.login} is not a privacy reviewer (reviewers in .github/privacy-review.yml)` };
}

/** Logins that may need a team lookup: people who tried to approve, are not listed and are not excluded anyway. */
export function needsTeamLookup(actors: readonly Actor[], author: string, policy: ReviewerPolicy): string[] {
  if (!policy.teams.length) return [];
  const out = new Map<string, string>();
  for (const a of actors) {
    if (isBot(a) || same(a.login, author) || policy.users.some((u) => same(u, a.login))) continue;
    out.set(a.login.toLowerCase(), a.login);
  }
  return [...out.values()];
}
