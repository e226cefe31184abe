import { renderReview } from '../../src/render/index.js';
import { finding, review, undeclared } from './factory.js';
import { expectWellFormed, liveText } from './structure.js';

// Pull requests from forks control file names, messages and symbols: none of it may become Markdown,
// HTML, a mention that pings a team, or an issue reference.
const HOSTILE = 'a`b``c | </details> <script>alert(1)</script> @acme/security-team #12 **x** [l](https://evil.example) ```';

function hostileReview() {
  const f = finding({
    file: `src/${HOSTILE}.ts`,
    message: `Sends ${HOSTILE} to \`segment\`.`,
    symbol: `Evil${HOSTILE}`,
    categories: [`user.${HOSTILE}`],
    sink: { kind: 'third_party', id: `http:${HOSTILE}`, label: HOSTILE, package: `@evil/${HOSTILE}` },
    trace: [{ file: `src/${HOSTILE}`, line: 1, note: HOSTILE }],
  });
  return review({
    manifest: {
      file: '.privacy/manifest.yml',
      present: true,
      valid: false,
      problems: [{ file: `.privacy/${HOSTILE}`, line: 1, column: 1, severity: 'error', code: HOSTILE, message: HOSTILE, hint: HOSTILE }],
      changes: [{ change: 'added', entity: 'flow', id: HOSTILE, added: [HOSTILE], summary: `flow \`${HOSTILE}\` added` }],
    },
    findings: [
      undeclared(f, HOSTILE),
      {
        finding: { ...f, id: 'x'.repeat(32) },
        declared: true,
        declaration: { kind: 'flow', id: HOSTILE, purposes: [HOSTILE] },
        status: 'new',
      },
    ],
    stale: [{ kind: 'flow', id: HOSTILE, message: HOSTILE }],
    drift: [{ finding: f, existingCategories: [HOSTILE], sink: HOSTILE, message: HOSTILE }],
    errors: [{ file: HOSTILE, message: HOSTILE, line: 2 }],
    skipped: [{ file: HOSTILE, reason: HOSTILE }],
    verdict: { decision: 'fail', reasons: [HOSTILE], reviewFingerprint: HOSTILE },
  });
}

test('structure survives: every fence and <details> the checklist opens is closed', () => {
  for (const links of [undefined, { repoUrl: 'https://github.com/acme/shop', headSha: 'abc' }]) {
    const md = renderReview(hostileReview(), { format: 'markdown', ...(links ? { links } : {}) });
    const s = expectWellFormed(md);
    // Only the template's own details: the hostile `</details>` did not count as one.
    expect(s.prose.filter((l) => l.includes('<details>')).length).toBe(s.prose.filter((l) => /^\s*<\/details>$/.test(l)).length);
  }
});

test('no live HTML, mentions, issue references or links from code', () => {
  const text = liveText(renderReview(hostileReview(), { format: 'markdown' }));
  expect(text).not.toMatch(/(^|[^\\])<script/im);
  expect(text).not.toMatch(/(^|[^\\])<\/details>(?!$)/m);
  expect(text).not.toMatch(/@acme/);
  expect(text).toContain('@&#8203;acme/security-team');
  expect(text).not.toMatch(/(^|[^;])#12/m);
  expect(text).not.toContain('](https://evil');
  expect(text).not.toMatch(/(^|[^\\])\*\*x\*\*/m);
});

test('outside code spans every backtick is escaped, so no span can open across text', () => {
  const text = liveText(renderReview(hostileReview(), { format: 'markdown' }));
  expect(text).not.toMatch(/(^|[^\\])`/m);
});

test('inside <summary> text is HTML-escaped, not Markdown-escaped', () => {
  const md = renderReview(review({ findings: [undeclared(finding())] }), { format: 'markdown' });
  for (const line of md.split('\n').filter((l) => l.includes('<summary>'))) expect(line).not.toMatch(/\\[<>`]/);
});
