import nock from 'nock';
import { API, loadApp } from '../helpers/github.js';
import { APP_ID, BOT, checkRunEvent, commentEvent, pullRequestEvent, user } from '../helpers/payloads.js';

/**
 * Events the App must not act on: its own comment (a checkbox tick edits it), comments without a
 * command, another app’s check run, edits that do not change the base, closed pull requests.
 * Nothing but GET /app may be requested (nock refuses anything else).
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const closed = () => {
  const p = pullRequestEvent('reopened');
  p.pull_request.state = 'closed';
  return p;
};
const titleEdit = () => {
  const p = pullRequestEvent('edited');
  p.changes = { title: { from: 'old' } };
  return p;
};
const fromBot = () => {
  const p = commentEvent('edited', '<!-- privacy-review:v1 -->\n- [x] Legal basis', BOT, {
    type: 'Bot',
    from: '<!-- privacy-review:v1 -->\n- [ ] Legal basis',
  });
  p.sender = user('mallory'); // a person ticked a box in the App's comment
  return p;
};

test.each([
  ['a checkbox ticked in the App’s comment', 'issue_comment', fromBot()],
  ['a comment without a command', 'issue_comment', commentEvent('created', 'looks good', 'priv')],
  ['another app’s check run', 'check_run', checkRunEvent('requested_action', { appId: APP_ID + 1 })],
  ['a title edit', 'pull_request', titleEdit()],
  ['a closed pull request', 'pull_request', closed()],
])('%s is ignored', async (_name, event, payload) => {
  const { probot, queue, logs } = await loadApp();
  const scope = nock(API).get('/app').reply(200, { id: APP_ID, slug: 'privacy-review' });
  await probot.receive({ id: 'x', name: event as never, payload: payload as never });
  await queue.idle();
  expect(scope.isDone()).toBe(true);
  expect(logs.join('')).toContain('webhook ignored');
});
