import { route } from '../../../src/app/events/routes.js';
import { APP_ID, BOT, HEAD_SHA, BASE_SHA, checkRunEvent, commentEvent, pullRequestEvent, reviewEvent } from '../helpers/payloads.js';

/** Which webhook does what, from real payloads (adjusted); no I/O. */
const me = { id: APP_ID, slug: 'privacy-review', botLogin: BOT };
const analyze = { kind: 'evaluate', numbers: [7], sha: HEAD_SHA, baseSha: BASE_SHA, startCheck: true, reanalyze: false };
const approvals = { kind: 'evaluate', numbers: [7], startCheck: false, reanalyze: false };

const draftReady = () => pullRequestEvent('ready_for_review');
const baseChange = () => pullRequestEvent('edited');
const fromOwnBot = () => ({ ...pullRequestEvent('synchronize'), sender: { login: BOT, type: 'Bot' } });
const removedCommand = () => commentEvent('edited', 'never mind', 'priv', { from: '/privacy approve' });
const issueComment = () => {
  const p = commentEvent('created', '/privacy approve', 'priv');
  delete p.issue.pull_request;
  return p;
};

test.each([
  ['pull_request.opened', 'pull_request', pullRequestEvent('opened'), analyze],
  ['pull_request.synchronize', 'pull_request', pullRequestEvent('synchronize'), analyze],
  ['pull_request.reopened', 'pull_request', pullRequestEvent('reopened'), analyze],
  ['pull_request.ready_for_review', 'pull_request', draftReady(), analyze],
  ['pull_request.edited with a new base', 'pull_request', baseChange(), analyze],
  ['pull_request.closed', 'pull_request', pullRequestEvent('closed'), { kind: 'ignore' }],
  ['the App’s own event', 'pull_request', fromOwnBot(), { kind: 'ignore' }],
  ['pull_request_review.submitted', 'pull_request_review', reviewEvent('submitted', 'approved', 'priv'), approvals],
  ['pull_request_review.dismissed', 'pull_request_review', reviewEvent('dismissed', 'dismissed', 'priv'), approvals],
  ['a /privacy command', 'issue_comment', commentEvent('created', '/privacy approve', 'priv'), approvals],
  ['a command edited away', 'issue_comment', removedCommand(), approvals],
  ['a deleted command', 'issue_comment', commentEvent('deleted', '/privacy approve', 'priv'), approvals],
  ['a comment on an issue', 'issue_comment', issueComment(), { kind: 'ignore' }],
  [
    'Approve clicked',
    'check_run',
    checkRunEvent('requested_action', { sender: 'priv', runId: 5 }),
    { ...approvals, sha: HEAD_SHA, click: { checkRunId: 5, actor: { login: 'priv', type: 'User' } } },
  ],
  [
    'Re-run clicked',
    'check_run',
    checkRunEvent('requested_action', { identifier: 'rerun' }),
    { kind: 'evaluate', numbers: [7], sha: HEAD_SHA, startCheck: true, reanalyze: true },
  ],
  ['an unknown button', 'check_run', checkRunEvent('requested_action', { identifier: 'merge' }), { kind: 'ignore' }],
  [
    'check_run.rerequested',
    'check_run',
    checkRunEvent('rerequested', { pulls: [] }),
    { kind: 'evaluate', numbers: [], sha: HEAD_SHA, startCheck: true, reanalyze: true },
  ],
])('%s', (_name, event, payload, expected) => {
  expect(route(event, payload, me)).toMatchObject(expected);
});
