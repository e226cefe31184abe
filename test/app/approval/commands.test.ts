import { parseCommand } from '../../../src/app/approval/commands.js';

/** Which comment bodies are `/privacy` commands; quotes and code blocks never are. */
test.each([
  ['/privacy approve', { verb: 'approve' }],
  ['  /Privacy APPROVE', { verb: 'approve' }],
  ['/privacy approve 1A2B3C4D5E6F', { verb: 'approve', fingerprint: '1a2b3c4d5e6f' }],
  ['/privacy approve looks good to me', { verb: 'approve' }],
  ['/privacy approve 12345', { verb: 'approve' }],
  ['/privacy revoke', { verb: 'revoke' }],
  ['LGTM\n/privacy approve\nthanks', { verb: 'approve' }],
  ['/privacy approve\n/privacy revoke', { verb: 'revoke' }],
  ['/privacy please', { verb: 'unknown', text: '/privacy please' }],
  ['> /privacy approve', undefined],
  ['```\n/privacy approve\n```', undefined],
  ['~~~\n/privacy approve\n~~~\n/privacy revoke', { verb: 'revoke' }],
  ['please run /privacy approve', undefined],
  ['/privacyapprove', undefined],
  ['', undefined],
])('%j', (body, expected) => {
  expect(parseCommand(body)).toEqual(expected);
});
