import { evaluateApprovals } from '../../../src/app/approval/evaluate.js';

/** The audit trail records every approval, withdrawal and refusal with who, how, which fingerprint and when. */
test('audit trail in time order', () => {
  const fp = 'f'.repeat(64);
  const state = evaluateApprovals({
    fingerprint: fp,
    author: 'dev',
    policy: { users: ['priv'], teams: [], required: 1 },
    signals: [
      {
        via: 'comment',
        id: 2,
        actor: { login: 'priv', type: 'User' },
        at: '2024-05-01T12:05:00Z',
        command: { verb: 'revoke' },
        edited: false,
      },
      {
        via: 'comment',
        id: 1,
        actor: { login: 'dev', type: 'User' },
        at: '2024-05-01T12:01:00Z',
        command: { verb: 'approve' },
        edited: false,
      },
      { via: 'action', id: 3, actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:03:00Z', fingerprint: fp },
    ],
    history: [{ sha: 's', fingerprint: fp, completedAt: '2024-05-01T12:00:00Z' }],
    teamsOf: () => [],
  });
  expect(state.audit.map((e) => [e.login, e.via, e.action, e.fingerprint ?? null, e.at])).toEqual([
    ['dev', 'comment', 'refused', null, '2024-05-01T12:01:00Z'],
    ['priv', 'action', 'approved', fp, '2024-05-01T12:03:00Z'],
    ['priv', 'comment', 'revoked', null, '2024-05-01T12:05:00Z'],
  ]);
  expect(state.approved).toBe(false);
});
