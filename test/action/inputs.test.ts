import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, readInputs } from '../../src/action/inputs.js';
import { runAction } from '../../src/action/run.js';
import { commentEvent } from '../app/helpers/payloads.js';

test('inputs: defaults, both spellings of a dashed name, and a clear error for a bad value', () => {
  expect(readInputs({})).toEqual({ path: '.', failOn: 'review', comment: true, summary: true });
  expect(
    readInputs({ INPUT_FAIL_ON: 'fail', INPUT_COMMENT: 'false', INPUT_SARIF: 'out.sarif', INPUT_MANIFEST: 'privacy/m.yml' }),
  ).toMatchObject({ failOn: 'fail', comment: false, sarif: 'out.sarif', manifest: 'privacy/m.yml' });
  expect(readInputs({ 'INPUT_FAIL-ON': 'none' }).failOn).toBe('none');
  expect(() => readInputs({ INPUT_FAIL_ON: 'high' })).toThrow(new InputError('input fail-on must be review, fail or none (it is "high")'));
  expect(() => readInputs({ INPUT_COMMENT: 'yes' })).toThrow(/input comment must be true or false/);
  expect(() => readInputs({ INPUT_MANIFEST: '../outside.yml' })).toThrow(/must be a path inside the repository/);
});

function run(env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const log = {
    info: (m: string) => lines.push(m),
    warning: (m: string) => lines.push(`warning: ${m}`),
    error: (m: string) => lines.push(`error: ${m}`),
  };
  return runAction(env, { log, now: () => new Date() }).then((code) => ({ code, lines }));
}

test('a comment without a /privacy command is nothing to do: exit 0, no GitHub request (no token needed)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-action-event-'));
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify(commentEvent('created', 'looks good to me', 'priv')));
  const { code, lines } = await run({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path.join(dir, 'event.json') });
  expect(code).toBe(0);
  expect(lines).toEqual(['privacy-review: nothing to do (comment without a /privacy command)']);
});

test('outside a workflow, or with a bad input: exit 1 with one line saying what to do', async () => {
  expect(await run({})).toEqual({ code: 1, lines: [expect.stringMatching(/^error: GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/)] });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privacy-review-action-event-'));
  writeFileSync(path.join(dir, 'event.json'), '{ not json');
  expect(await run({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path.join(dir, 'event.json') })).toEqual({
    code: 1,
    lines: [expect.stringMatching(/cannot be read as JSON/)],
  });
  expect(await run({ INPUT_FAIL_ON: 'sometimes' })).toEqual({ code: 1, lines: [expect.stringMatching(/input fail-on/)] });
});
