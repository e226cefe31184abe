import { eligibility, needsTeamLookup } from '../../../src/app/approval/eligibility.js';

/** Who may approve, before any fingerprint matters. */
const policy = { users: ['Priv'], teams: ['acme/privacy'], required: 1 };
const teams = (login: string) => (login === 'teammate' ? ['ACME/Privacy'] : []);

test.each([
  [{ login: 'priv', type: 'User' }, 'dev', true, 'listed reviewer'],
  [{ login: 'teammate', type: 'User' }, 'dev', true, 'acme/privacy'],
  [{ login: 'priv', type: 'User' }, 'PRIV', false, 'author'],
  [{ login: 'renovate[bot]', type: 'Bot' }, 'dev', false, 'bots'],
  [{ login: 'priv[bot]', type: 'User' }, 'dev', false, 'bots'],
  [{ login: 'mallory', type: 'User' }, 'dev', false, 'not a privacy reviewer'],
])('%j (author %s)', (actor, author, ok, text) => {
  const result = eligibility(actor, author, policy, teams);
  expect(result.ok).toBe(ok);
  expect(result.ok ? result.as : result.reason).toContain(text);
});

test('no reviewers configured says so', () => {
  const result = eligibility({ login: 'x', type: 'User' }, 'dev', { users: [], teams: [], required: 1 }, () => []);
  expect(result).toEqual({ ok: false, reason: expect.stringContaining('no privacy reviewers are configured') });
});

test('team lookups only for people who could qualify', () => {
  const actors = [
    { login: 'priv', type: 'User' },
    { login: 'dev', type: 'User' },
    { login: 'bot[bot]', type: 'Bot' },
    { login: 'Someone', type: 'User' },
    { login: 'someone', type: 'User' },
  ];
  expect(needsTeamLookup(actors, 'dev', policy)).toEqual(['someone']);
  expect(needsTeamLookup(actors, 'dev', { ...policy, teams: [] })).toEqual([]);
});
