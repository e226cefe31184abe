import { isStatus } from './errors.js';
import type { Octokit } from './types.js';

/**
 * The listed teams (`org/slug`) each person is an active member of, from
 * `GET /orgs/{org}/teams/{team_slug}/memberships/{username}` (organization permission
 * "members: read"). A pending invitation is not membership; a team the App cannot see counts as
 * no membership (a 403/404), so an approval is refused rather than granted.
 */
export async function teamMemberships(
  octokit: Octokit,
  logins: readonly string[],
  teams: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const login of logins) {
    const member: string[] = [];
    for (const team of teams) {
      const [org, slug] = team.split('/') as [string, string];
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
        if (data.state === 'active') member.push(team);
      } catch (e) {
        if (!isStatus(e, 404) && !isStatus(e, 403)) throw e;
      }
    }
    out.set(login.toLowerCase(), member);
  }
  return out;
}
