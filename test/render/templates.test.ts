import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReview, TemplateError } from '../../src/render/index.js';
import { builtinDir, loadTemplates } from '../../src/render/templates.js';
import { review } from './factory.js';

// A repository may replace any template or partial with its own file of the same name.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'privacy-review-templates-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a partial of the same name replaces the built-in one; the rest stays built in', () => {
  writeFileSync(join(dir, 'summary.md.hbs'), '## Datenschutz-Prüfung: {{decisionTitle}} ({{counts}})\n');
  const md = renderReview(review(), { format: 'markdown', templatesDir: dir });
  expect(md.startsWith('## Datenschutz-Prüfung: Pass (0 new undeclared flows')).toBe(true);
  expect(md).not.toContain('## Privacy review:');
  expect(md).toContain('### Privacy reviewer checklist');
});

test('the entry template can be replaced and use partials of its own', () => {
  writeFileSync(join(dir, 'checklist.md.hbs'), '{{> banner}}\n{{> reviewer-checklist}}\n');
  writeFileSync(join(dir, 'banner.md.hbs'), 'Acme privacy office: {{decisionTitle}} {{code review.head.ref}}\n');
  const md = renderReview(review(), { format: 'markdown', templatesDir: dir });
  expect(md).toMatch(/^Acme privacy office: Pass `feature\/signup`\n### Privacy reviewer checklist\n/);
});

test('a missing partial fails at load time, naming the file and line that uses it', () => {
  writeFileSync(join(dir, 'checklist.md.hbs'), '{{> summary}}\n\n{{> nope}}\n');
  expect(() => renderReview(review(), { format: 'markdown', templatesDir: dir })).toThrow(TemplateError);
  expect(() => renderReview(review(), { format: 'markdown', templatesDir: dir })).toThrow(
    `Template ${join(dir, 'checklist.md.hbs')}:3 uses the partial "nope"`,
  );
});

test('a template that does not parse is named in the error', () => {
  writeFileSync(join(dir, 'finding.md.hbs'), '{{#if x}}unclosed\n');
  expect(() => loadTemplates(dir)).toThrow(
    new RegExp(`^Template ${join(dir, 'finding.md.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not parse`),
  );
});

test('a templates directory that does not exist is an error, not a silent fallback', () => {
  expect(() => loadTemplates(join(dir, 'missing'))).toThrow(/Templates directory .*missing does not exist/);
});

test('each set is compiled once and cached', () => {
  mkdirSync(join(dir, 'sub'));
  expect(loadTemplates(dir)).toBe(loadTemplates(dir));
  expect(loadTemplates()).toBe(loadTemplates());
  expect(loadTemplates(dir)).not.toBe(loadTemplates());
});

test('the built-in set has the documented partials', () => {
  const files = loadTemplates().files;
  for (const name of ['checklist', 'summary', 'finding', 'reviewer-checklist', 'diagram', 'manifest-changes', 'stale']) {
    expect(files[name]).toBe(join(builtinDir(), `${name}.md.hbs`));
  }
});
