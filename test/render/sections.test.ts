import { renderReview } from '../../src/render/index.js';
import type { Review } from '../../src/review/types.js';
import { finding, review, richReview } from './factory.js';
import { expectWellFormed } from './structure.js';

const LINKS = { repoUrl: 'https://github.com/acme/shop', headSha: 'abc1234' };

// Everything besides the findings that a reviewer must see: manifest state, drift, stale entries, unseen files.
test('manifest problems with file:line:col, linked, with the hint', () => {
  const md = renderReview(richReview(), { format: 'markdown', links: LINKS });
  expect(md).toContain(
    '### Manifest problems (1)\n\n- [`.privacy/manifest.yml:14:7`](https://github.com/acme/shop/blob/abc1234/.privacy/manifest.yml#L14) **error** `unknown-category`: Unknown data category `user.contact.mail`. — Did you mean `user.contact.email`?',
  );
});

test('manifest changes: kind of change, summary and the categories added', () => {
  const md = renderReview(richReview(), { format: 'markdown' });
  expect(md).toContain(
    '### Manifest changes (1)\n\n- **widened** flow `openai`: may now receive user.contact.email (+ `user.contact.email`)',
  );
});

test('purpose drift and stale declarations', () => {
  const md = renderReview(richReview(), { format: 'markdown' });
  expect(md).toContain('### Purpose drift (1)');
  expect(md).toContain('- `segment` from `src/services/signup.ts:19`: user.contact.email, already held by the system');
  expect(md).toContain('### Stale declarations (1)');
  expect(md).toContain('- flow `intercom` at `.privacy/manifest.yml:30:5`: flow `intercom` is declared, but no code sends data to it');
});

test('files not analyzed: errors and skipped files, so the reviewer knows what was not seen', () => {
  const md = renderReview(richReview(), { format: 'markdown' });
  expect(md).toContain(
    '### Not analyzed\n\nFindings in these files are not part of this review.\n\n<details><summary>Files with errors (1)</summary>\n\n- `src/broken.ts:3`: Syntax error: ";" expected.\n\n</details>',
  );
  expect(md).toContain('<details><summary>Skipped files (1)</summary>\n\n- `public/app.min.js`: minified bundle\n\n</details>');
});

test('a missing manifest is said plainly', () => {
  const md = renderReview(review({ manifest: { file: '.privacy/manifest.yml', present: false, valid: true, problems: [], changes: [] } }), {
    format: 'markdown',
  });
  expect(md).toContain('There is no data-flow manifest at `.privacy/manifest.yml` on the head branch yet.');
});

test('long lists are capped with "… and N more"', () => {
  const errors = Array.from({ length: 80 }, (_, i) => ({ file: `src/e${i}.ts`, message: 'Syntax error.' }));
  const md = renderReview(review({ errors, findings: [{ finding: finding(), declared: true, status: 'unchanged' }] }), {
    format: 'markdown',
  });
  expect(md).toContain('- `src/e49.ts`: Syntax error.\n- … and 30 more\n');
  expect(md).not.toContain('src/e50.ts');
  expectWellFormed(md);
});

test('what the change keeps from analysis: suppressions with their finding and reason, skipped files with why; linked, escaped, in the next steps', () => {
  const excluded: Review['excluded'] = [
    {
      kind: 'suppressed',
      file: 'src/track.ts',
      line: 9,
      reason: 'ok *trust me*',
      finding: { id: 'f'.repeat(64), rule: 'data-flow', severity: 'medium', message: 'Sends email address to Segment.' },
    },
    { kind: 'skipped', file: 'build/leak.ts', reason: 'in a directory that is build or cache output', content: 'c'.repeat(64) },
    { kind: 'unanalyzed', file: 'src/deep.ts', line: 2, reason: 'expression nested too deeply' },
  ];
  const md = renderReview(review({ excluded }), { format: 'markdown', links: LINKS });
  expect(md).toContain(
    '### Kept from analysis by this change (3)\n\nThe pull request itself decides these suppressions and skips, so the code they hide is not in this review. Check each one.\n\n' +
      '- [`src/track.ts:9`](https://github.com/acme/shop/blob/abc1234/src/track.ts#L9) **suppressed** `data-flow` medium: Sends email address to Segment. — reason given: ok \\*trust me\\*\n' +
      '- [`build/leak.ts`](https://github.com/acme/shop/blob/abc1234/build/leak.ts) **not analyzed**: in a directory that is build or cache output\n' +
      '- [`src/deep.ts:2`](https://github.com/acme/shop/blob/abc1234/src/deep.ts#L2) **analysis failed**: expression nested too deeply\n',
  );
  expect(md).toContain(
    'Ask a privacy reviewer to check what this change keeps from analysis \\(listed below\\): 3 suppressions and skipped files.',
  );
  expect(md).not.toContain('Nothing new to review');
  expectWellFormed(md);
  const text = renderReview(review({ excluded }), { format: 'text' });
  expect(text).toContain(
    'Kept from analysis by this change (3):\n  suppressed  src/track.ts:9  data-flow  Sends email address to Segment.  ok *trust me*\n  skipped     build/leak.ts  in a directory that is build or cache output\n',
  );
});

test('skipped files are grouped by reason: a file too large to analyze stands out, 700 test files are one line', () => {
  const tests = Array.from({ length: 700 }, (_, i) => ({
    file: `src/t${String(i).padStart(3, '0')}.test.ts`,
    reason: 'test or vendored code (tests): out of scope by default',
  }));
  const skipped = [
    ...tests,
    { file: 'src/big.ts', reason: 'larger than 1,000,000 bytes' },
    { file: 'types/a.d.ts', reason: 'type declaration file (.d.ts)' },
    { file: 'types/b.d.ts', reason: 'type declaration file (.d.ts)' },
  ];
  const r = review({ skipped, findings: [{ finding: finding(), declared: true, status: 'unchanged' }] });
  const md = renderReview(r, { format: 'markdown' });
  expect(md).toContain(
    '<details><summary>Skipped files (703)</summary>\n\n' +
      '- `src/big.ts`: larger than 1,000,000 bytes\n' +
      '- 700 files: test or vendored code \\(tests\\): out of scope by default — `src/t000.test.ts`, `src/t001.test.ts`, `src/t002.test.ts`, …\n' +
      '- 2 files: type declaration file \\(.d.ts\\) — `types/a.d.ts`, `types/b.d.ts`\n\n</details>',
  );
  const text = renderReview(r, { format: 'text' });
  expect(text).toContain(
    'Skipped (703):\n  src/big.ts  larger than 1,000,000 bytes\n  700 files  test or vendored code (tests): out of scope by default  e.g. src/t000.test.ts, src/t001.test.ts, src/t002.test.ts\n  2 files  type declaration file (.d.ts)  e.g. types/a.d.ts, types/b.d.ts\n',
  );
});
