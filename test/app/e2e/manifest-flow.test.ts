import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { startApp, type AppProcess } from './app-process.js';

/**
 * Registering the App: `npm start` without credentials serves Probot's setup page, whose form
 * posts a manifest built from app.yml to GitHub (the manifest flow). The permissions and events
 * GitHub will ask the installer to grant are exactly app.yml's.
 */
let app: AppProcess;

beforeAll(async () => {
  app = await startApp({ NO_SMEE_SETUP: 'true', NODE_ENV: 'development' });
}, 120_000);
afterAll(() => app?.stop());

test('the setup page carries app.yml as the manifest', async () => {
  const html = await (await fetch(`http://127.0.0.1:${app.port}/probot`)).text();
  // Probot puts the manifest JSON as is into a single-quoted attribute (so app.yml must not contain ').
  const value = /name="manifest"[^>]*value='([^']*)'/.exec(html)?.[1];
  expect(value).toBeDefined();
  const manifest = JSON.parse(value!) as Record<string, unknown>;
  const appYml = parse(readFileSync(new URL('../../../app.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
  expect(manifest.default_permissions).toEqual({
    checks: 'write',
    pull_requests: 'write',
    contents: 'read',
    metadata: 'read',
    issues: 'write',
    members: 'read',
  });
  expect(manifest.default_permissions).toEqual(appYml.default_permissions);
  expect(manifest.default_events).toEqual(['pull_request', 'pull_request_review', 'issue_comment', 'check_run', 'check_suite']);
  expect(manifest).toMatchObject({ name: 'Privacy review', public: false, redirect_url: expect.stringMatching(/\/probot\/setup$/) });
});
