import { declarationFor } from '../../src/manifest/snippets.js';
import { renderReview } from '../../src/render/index.js';
import { fieldFinding, finding, logFinding, review, richReview, undeclared } from './factory.js';

const LINKS = { repoUrl: 'https://github.com/acme/shop', headSha: '2222222bbbbbbb' };
const ITEM = /^- \[ \] \*\*(high|medium|low)\*\* /;
const section = (md: string) =>
  md.slice(md.indexOf('### New findings to resolve'), md.indexOf('\n### ', md.indexOf('### New findings to resolve') + 1));

// Each new undeclared finding is one checkbox item the developer can tick off, with what the reviewer needs.
test('one checkbox per new undeclared finding; declared, older and fixed ones are not items', () => {
  const md = renderReview(richReview(), { format: 'markdown' });
  const items = md.split('\n').filter((l) => ITEM.test(l));
  expect(items).toHaveLength(3);
  expect(section(md)).toContain('### New findings to resolve (3)');
  // The others are listed, collapsed, for the reviewer.
  expect(md).toContain('<details><summary>New and already declared: check the declarations fit (1)</summary>');
  expect(md).toContain('<details><summary>Undeclared before this pull request (1)</summary>');
  expect(md).toContain('<details><summary>Fixed by this pull request (1)</summary>');
  expect(md).toMatch(
    /- `data-flow` medium `src\/support\.ts:8`: Sends email address to OpenAI \\\(`openai`\\\)\. — covered by flow `openai` \(purposes `support`\)/,
  );
});

test('grouped by rule, the group with the most severe finding first, most severe first within a group', () => {
  const r = review({
    findings: [
      undeclared(fieldFinding()),
      undeclared(finding({ id: '1'.repeat(32), severity: 'low', file: 'src/a.ts', message: 'low flow' })),
      undeclared(finding({ id: '2'.repeat(32), severity: 'high', file: 'src/z.ts', message: 'high flow' })),
      undeclared(logFinding({ severity: 'medium', message: 'medium log' })),
    ],
  });
  const md = section(renderReview(r, { format: 'markdown' }));
  const headings = md.split('\n').filter((l) => l.startsWith('#### '));
  expect(headings).toEqual([
    '#### Undeclared data flows (2)',
    '#### Personal data in logs (1)',
    '#### Undeclared personal-data fields (1)',
  ]);
  expect(md.indexOf('high flow')).toBeLessThan(md.indexOf('low flow'));
});

test('an item names rule, location and symbol, categories by label and key, sink and why it is undeclared', () => {
  const md = renderReview(review({ findings: [undeclared(finding())] }), { format: 'markdown' });
  expect(md).toContain(
    [
      '- [ ] **medium** `data-flow` `src/services/signup.ts:19:3` in `onSignup`: Sends email address and first name from `user.email`, `user.firstName` to Segment \\(`segment`\\) via segment identify.',
      '  - **Data:** email address (`user.contact.email`), first name (`user.name.first`)',
      '  - **Destination:** Segment (`segment`), third party, analytics from `@segment/analytics-node`',
      '  - **Not declared:** no flow in the manifest matches `segment`',
    ].join('\n'),
  );
});

test('with links, locations link to the head commit', () => {
  const md = renderReview(review({ findings: [undeclared(finding())] }), { format: 'markdown', links: LINKS });
  expect(md).toContain(
    '[`src/services/signup.ts:19:3`](https://github.com/acme/shop/blob/2222222bbbbbbb/src/services/signup.ts#L19) in `onSignup`',
  );
  expect(md).toContain(
    '1. [`src/services/signup.ts:15`](https://github.com/acme/shop/blob/2222222bbbbbbb/src/services/signup.ts#L15) copied into traits',
  );
});

test('the trace is collapsed under the item, source to sink with file:line', () => {
  const md = renderReview(review({ findings: [undeclared(finding())] }), { format: 'markdown' });
  expect(md).toContain(
    [
      '  <details><summary>Trace: 3 steps from source to sink</summary>',
      '',
      '  1. `src/services/signup.ts:12` user: User holds email, firstName',
      '  1. `src/services/signup.ts:15` copied into traits',
      '  1. `src/services/signup.ts:19` reaches segment identify',
      '',
      '  </details>',
    ].join('\n'),
  );
});

const yamlBlock = (yaml: string) =>
  [
    '  ```yaml',
    ...yaml
      .replace(/\n+$/, '')
      .split('\n')
      .map((l) => (l ? `  ${l}` : l)),
    '  ```',
  ].join('\n');

test('the manifest entry that declares the finding, from declarationFor, as an indented yaml block', () => {
  const f = finding();
  const md = renderReview(review({ findings: [undeclared(f)] }), { format: 'markdown' });
  const { section: where, yaml } = declarationFor(f);
  expect(where).toBe('flows');
  expect(md).toContain(
    `<summary>Manifest entry that declares it (under <code>flows</code>)</summary>\n\n${yamlBlock(yaml)}\n\n  </details>`,
  );
});

test('for a log call the logging entry is offered as the exception, not the fix', () => {
  const f = logFinding({ categories: ['user.device.ip_address'] });
  const md = renderReview(review({ findings: [undeclared(f)] }), { format: 'markdown' });
  expect(md).toContain(
    `<summary>Only if these logs really need this data: the logging policy entry that allows it</summary>\n\n${yamlBlock(declarationFor(f).yaml)}`,
  );
});

test('suppressed findings are not items', () => {
  const md = renderReview(
    review({ findings: [undeclared(finding({ suppressed: true, suppression: { kind: 'inline', reason: 'test data' } }))] }),
    { format: 'markdown' },
  );
  expect(md.split('\n').filter((l) => ITEM.test(l))).toEqual([]);
  expect(md).not.toContain('### New findings');
});
