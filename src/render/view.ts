import type { Finding, RuleId, SinkRef } from '../core/contract.js';
import type { Exclusion, Review, ReviewedFinding } from '../review/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { DECISION_TITLE, RULE_ORDER, RULE_TITLE, countParts, type ReviewDigest } from './digest.js';
import { mermaidDiagram, type Diagram } from './diagram.js';
import { code, codeBlock, html, md, mdCode } from './escape.js';
import type { LinkBuilder } from './links.js';
import { reviewerChecklist } from './reviewer.js';
import { describeScope } from './scope.js';
import { countOf, groupSkipped, type SkippedGroup } from './skipped-groups.js';
import { snippetFor } from './snippets.js';

/**
 * The data the Markdown templates render. Every string in it that came from code or the manifest is
 * already escaped for where the templates put it (Markdown text, or HTML inside `<summary>` for the
 * `*Html` fields), so a template arranges fragments and never has to escape. `review` is the raw
 * Review for custom templates: escape its strings with the `md`/`code`/`html` helpers.
 */
export interface ChecklistView {
  decision: Review['verdict']['decision'];
  decisionTitle: string;
  reasons: string[];
  /** How the review was made (e.g. the PR changes the scan configuration, which applies once merged). */
  notes: string[];
  /** "2 new undeclared flows · 1 new PII field · 0 new PII log calls · 1 fixed". */
  counts: string;
  fingerprint: { short: string; full: string };
  /** "base `main` (`1a2b3c4`) → head `feature` (`5d6e7f8`)". */
  refs: string;
  nextSteps: string[];
  manifest: { file: string; present: boolean; valid: boolean; problems: ListView; changes: ListView };
  findings: { total: number; shown: number; more: number; groups: GroupView[] };
  newDeclared: ListView;
  existingUndeclared: ListView;
  fixed: ListView;
  stale: ListView;
  drift: ListView;
  diagram: { source: string; edges: number; omitted: number } | null;
  reviewer: { items: { title: string; text: string; context: string }[]; collapsed: boolean };
  notAnalyzed: { total: number; errors: ListView; skipped: ListView };
  /** What the change keeps from analysis (suppressions, skipped or failed files): each for the reviewer. */
  excluded: ListView;
  /** What was left out to fit the size limit, for one closing line. */
  omissions: string[];
  /** Which files were analyzed, when it was not every file on both sides for the usual reason. */
  scope: string | undefined;
  review: Review;
}

export interface ListView {
  items: string[];
  total: number;
  more: number;
}

export interface GroupView {
  rule: RuleId;
  title: string;
  /** Findings of the rule, including those not shown. */
  total: number;
  items: FindingView[];
}

export interface FindingView {
  id: string;
  shortId: string;
  rule: RuleId;
  severity: string;
  title: string;
  location: string;
  symbol: string;
  categories: string;
  sink: string;
  reason: string;
  /** For a finding whose data changed at the same place: "now also sends phone number (`user.contact.phone_number`)". */
  change: string;
  trace: string[];
  traceSteps: number;
  /** `titleHtml` goes inside `<summary>`; logging entries are worded as the exception they are. */
  snippet: { section: string; titleHtml: string; block: string } | null;
}

/** How much of the checklist to render; the size limit lowers these step by step. */
export interface Detail {
  traces: boolean;
  snippets: boolean;
  diagram: boolean;
  /** Checklist items shown; the rest are counted ("… and N more findings"). */
  maxItems: number;
  /** Entries of each secondary list (problems, changes, stale, drift, fixed, files not analyzed). */
  listLimit: number;
}

export const FULL_DETAIL: Detail = { traces: true, snippets: true, diagram: true, maxItems: Number.POSITIVE_INFINITY, listLimit: 50 };

/** Inputs that do not change between the renders of one review: findings are converted once. */
export interface ViewContext {
  review: Review;
  digest: ReviewDigest;
  taxonomy: Taxonomy;
  link: LinkBuilder;
  findingViews: Map<ReviewedFinding, FindingView>;
  diagram: Diagram | undefined | null;
}

export function viewContext(review: Review, digest: ReviewDigest, taxonomy: Taxonomy, link: LinkBuilder): ViewContext {
  return { review, digest, taxonomy, link, findingViews: new Map(), diagram: null };
}

/** Which manifest entry declares a finding: its destination, its model's dataset, or the logging policy. */
function entryKey(f: Finding): string {
  if (f.rule === 'data-flow') return `flow\u0000${f.sink?.id ?? 'http:unknown'}`;
  if (f.rule === 'pii-field') return `dataset\u0000${f.symbol.split('.')[0]}`;
  return 'logging';
}

/**
 * One snippet per destination or dataset, on its first checklist item: the finding it is written from
 * carries every category the pull request's findings of that entry need, so pasting it once declares
 * them all. Later items of the same entry get none.
 */
function snippetGroup(ctx: ViewContext, r: ReviewedFinding): Finding | undefined {
  const key = entryKey(r.finding);
  const same = ctx.digest.actionable.filter((x) => entryKey(x.finding) === key);
  if (same[0] !== r) return same.length ? undefined : r.finding;
  const categories = [...new Set(same.flatMap((x) => x.finding.categories))].sort();
  return { ...r.finding, categories };
}

export function buildView(ctx: ViewContext, detail: Detail): ChecklistView {
  const { review, digest: d, taxonomy } = ctx;
  const limit = detail.listLimit;
  const loc = (file: string, line?: number, column?: number) => location(ctx.link, file, line, column);

  const groups: GroupView[] = [];
  let budget = detail.maxItems;
  for (const rule of groupOrder(d.actionable)) {
    const all = d.actionable.filter((r) => r.finding.rule === rule);
    const shown = all.slice(0, Math.max(0, budget));
    budget -= shown.length;
    if (!shown.length) continue;
    const items = shown.map((r) => {
      const full = findingView(ctx, r);
      return { ...full, trace: detail.traces ? full.trace : [], snippet: detail.snippets ? full.snippet : null };
    });
    groups.push({ rule, title: RULE_TITLE[rule], total: all.length, items });
  }
  const shownCount = groups.reduce((n, g) => n + g.items.length, 0);

  if (ctx.diagram === null) ctx.diagram = mermaidDiagram(review, d, taxonomy);
  const diagram = detail.diagram && ctx.diagram ? ctx.diagram : undefined;

  const omissions: string[] = [];
  const anyTrace = d.actionable.some((r) => r.finding.trace.length);
  if (!detail.traces && anyTrace && shownCount) omissions.push('traces');
  if (!detail.snippets && shownCount) omissions.push('manifest snippets');
  if (!detail.diagram && ctx.diagram) omissions.push('the data-flow diagram');

  const sides = `base ${code(review.base.ref)}${review.base.sha ? ` (${code(review.base.sha.slice(0, 7))})` : ''} → head ${code(review.head.ref)}${review.head.sha ? ` (${code(review.head.sha.slice(0, 7))})` : ''}`;
  const checklist = reviewerChecklist(review, d, taxonomy);
  const scopeText = describeScope(review);

  return {
    decision: review.verdict.decision,
    decisionTitle: DECISION_TITLE[review.verdict.decision] ?? md(String(review.verdict.decision)),
    reasons: review.verdict.reasons.map((r) => mdCode(r, 400)),
    notes: (review.notes ?? []).slice(0, 10).map((n) => mdCode(n, 400)),
    scope: scopeText === undefined ? undefined : mdCode(scopeText, 600),
    counts: countParts(d).join(' · '),
    fingerprint: { short: code(review.verdict.reviewFingerprint.slice(0, 12)), full: code(review.verdict.reviewFingerprint, 128) },
    refs: sides,
    nextSteps: d.nextSteps.map((s) => mdCode(s, 600)),
    manifest: {
      file: code(review.manifest.file),
      present: review.manifest.present,
      valid: review.manifest.valid,
      problems: list(review.manifest.problems, limit, (p) => {
        const hint = p.hint ? ` — ${mdCode(p.hint)}` : '';
        return `${loc(p.file, p.line, p.column)} **${p.severity === 'error' ? 'error' : 'warning'}** ${code(p.code, 60)}: ${mdCode(p.message)}${hint}`;
      }),
      changes: list(review.manifest.changes, limit, (c) => {
        const delta = [
          ...(c.added?.length
            ? [
                `+ ${c.added
                  .slice(0, 10)
                  .map((x) => code(x, 80))
                  .join(', ')}`,
              ]
            : []),
          ...(c.removed?.length
            ? [
                `− ${c.removed
                  .slice(0, 10)
                  .map((x) => code(x, 80))
                  .join(', ')}`,
              ]
            : []),
        ];
        return `**${md(c.change, 20)}** ${mdCode(c.summary, 400)}${delta.length ? ` (${delta.join('; ')})` : ''}`;
      }),
    },
    findings: { total: d.actionable.length, shown: shownCount, more: d.actionable.length - shownCount, groups },
    newDeclared: list(d.newDeclared, limit, (r) => `${brief(r.finding, loc)} — ${coveredBy(r)}`),
    existingUndeclared: list(d.existingUndeclared, limit, (r) => `${brief(r.finding, loc)}${r.reason ? ` — ${mdCode(r.reason)}` : ''}`),
    fixed: list(d.fixed, limit, (r) => brief(r.finding, (file, line) => code(`${file}:${line}`))),
    stale: list(
      review.stale,
      limit,
      (s) =>
        `${md(s.kind === 'flow' ? 'flow' : 'dataset field', 20)} ${code(s.id, 120)}${s.location ? ` at ${loc(s.location.file, s.location.line, s.location.column)}` : ''}: ${mdCode(s.message)}`,
    ),
    drift: list(review.drift, limit, (x) => `${code(x.sink, 120)} from ${loc(x.finding.file, x.finding.line)}: ${mdCode(x.message, 400)}`),
    diagram: diagram ? { source: diagram.source, edges: diagram.edges, omitted: diagram.omitted } : null,
    reviewer: {
      items: checklist.map((i) => ({
        title: md(i.title, 100),
        text: mdCode(i.text, 400),
        context: i.context ? mdCode(i.context, 600) : '',
      })),
      // Open as soon as the PR changes anything a reviewer looks at; the standing checks alone stay folded.
      collapsed:
        !d.actionable.length && !d.newDeclared.length && !review.manifest.changes.length && !review.drift.length && !review.excluded.length,
    },
    notAnalyzed: {
      total: review.errors.length + review.skipped.length,
      errors: list(review.errors, limit, (e) => `${loc(e.file, e.line)}: ${md(e.message, 200)}`),
      skipped: { ...list(groupSkipped(review.skipped), limit, skippedGroup), total: review.skipped.length },
    },
    excluded: list(review.excluded, limit, (e) => excludedItem(e, loc)),
    omissions,
    review,
  };
}

/** One file: its path and why; several: how many, why, and the first few. */
function skippedGroup(g: SkippedGroup): string {
  if (g.files.length === 1) return `${code(g.files[0])}: ${md(g.reason, 160)}`;
  const shown = g.files
    .slice(0, 3)
    .map((f) => code(f))
    .join(', ');
  return `${countOf(g)}: ${md(g.reason, 160)} — ${shown}${g.files.length > 3 ? ', …' : ''}`;
}

function excludedItem(e: Exclusion, loc: (file: string, line?: number) => string): string {
  if (e.kind === 'suppressed' && e.finding) {
    return `${loc(e.file, e.line)} **suppressed** ${code(e.finding.rule, 20)} ${md(e.finding.severity, 10)}: ${mdCode(e.finding.message, 200)} — reason given: ${md(e.reason, 200)}`;
  }
  return `${loc(e.file, e.line)} **${e.kind === 'skipped' ? 'not analyzed' : 'analysis failed'}**: ${md(e.reason, 200)}`;
}

/** Rules whose most severe finding is worst first; ties in the fixed rule order. */
function groupOrder(actionable: readonly ReviewedFinding[]): RuleId[] {
  const rules = RULE_ORDER.filter((rule) => actionable.some((r) => r.finding.rule === rule));
  for (const r of actionable) if (!rules.includes(r.finding.rule)) rules.push(r.finding.rule);
  const worst = (rule: RuleId) => actionable.findIndex((r) => r.finding.rule === rule);
  // `actionable` is sorted most severe first, so the first index of a rule is its worst finding.
  return rules.sort(
    (a, b) => severityAt(actionable, worst(b)) - severityAt(actionable, worst(a)) || RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b),
  );
}

function severityAt(list: readonly ReviewedFinding[], i: number): number {
  const s = list[i]?.finding.severity;
  return s === 'high' ? 3 : s === 'medium' ? 2 : s === 'low' ? 1 : 0;
}

function findingView(ctx: ViewContext, r: ReviewedFinding): FindingView {
  const cached = ctx.findingViews.get(r);
  if (cached) return cached;
  const f = r.finding;
  const loc = (file: string, line?: number, column?: number) => location(ctx.link, file, line, column);
  const group = snippetGroup(ctx, r);
  const snippet = group ? snippetFor(group, ctx.taxonomy) : undefined;
  const view: FindingView = {
    id: code(f.id, 80),
    shortId: code(f.id.slice(0, 8), 8),
    rule: f.rule,
    severity: md(f.severity, 10),
    // The categories are said once, in the Data line: the message's own list of keys is left out.
    title: mdCode(withoutKeyList(f.message)),
    location: loc(f.file, f.line, f.column),
    symbol: f.symbol && !f.symbol.startsWith('<') ? code(f.symbol, 120) : '',
    categories: categories(f.categories, ctx.taxonomy),
    sink: f.sink ? sinkText(f.sink) : '',
    reason: r.reason ? mdCode(r.reason, 400) : '',
    change: r.previous ? changeText(f, r.previous.categories, ctx.taxonomy) : '',
    trace: f.trace.slice(0, 20).map((s) => `${loc(s.file, s.line)} ${md(s.note, 200)}`),
    traceSteps: f.trace.length,
    snippet: snippet
      ? { section: code(snippet.section, 40), titleHtml: snippetTitle(snippet.section), block: codeBlock('yaml', snippet.yaml) }
      : null,
  };
  if (f.trace.length > 20) view.trace.push(`… and ${f.trace.length - 20} more steps`);
  ctx.findingViews.set(r, view);
  return view;
}

function snippetTitle(section: string): string {
  // Removing personal data from a log call is the fix; allowing it in logs is the exception.
  if (section === 'logging') return 'Only if these logs really need this data: the logging policy entry that allows it';
  return `Manifest entry that declares it (under <code>${html(section, 40)}</code>)`;
}

/** `file:line` as a code span, linked to the head commit when links are configured. */
function location(link: LinkBuilder, file: string, line?: number, column?: number): string {
  const text = code(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`, 200);
  const url = link(file, line);
  return url ? `[${text}](${url})` : text;
}

function categories(keys: readonly string[], taxonomy: Taxonomy): string {
  if (!keys.length) return '';
  const shown = keys.slice(0, 10).map((k) => `${md(taxonomy.label(k), 80)} (${code(k, 100)})`);
  return keys.length > 10 ? `${shown.join(', ')} and ${keys.length - 10} more` : shown.join(', ');
}

const KIND_TEXT: Record<string, string> = {
  logger: 'logger',
  error_reporter: 'error reporter',
  third_party: 'third party',
  http: 'HTTP',
  datastore: 'datastore',
  queue: 'queue',
  storage: 'object storage',
  file: 'file',
  browser_storage: 'browser storage',
  token: 'token',
};

function sinkText(sink: SinkRef): string {
  const name = sink.label && sink.label !== sink.id ? `${md(sink.label, 100)} (${code(sink.id, 120)})` : code(sink.id, 120);
  const kind = [KIND_TEXT[sink.kind] ?? md(sink.kind, 30), ...(sink.service ? [md(sink.service, 30)] : [])].join(', ');
  return `${name}, ${kind}${sink.package ? ` from ${code(sink.package, 100)}` : ''}`;
}

/** One line for secondary lists: "`data-flow` high `src/a.ts:3`: Sends …". */
function brief(f: Finding, loc: (file: string, line?: number) => string): string {
  return `${code(f.rule, 20)} ${md(f.severity, 10)} ${loc(f.file, f.line)}: ${mdCode(f.message, 200)}`;
}

function coveredBy(r: ReviewedFinding): string {
  const dec = r.declaration;
  if (!dec) return 'declared';
  const kind = md(dec.kind, 20);
  if (dec.kind === 'suppression') return `suppressed: ${md(dec.id, 160)}`;
  const purposes = dec.purposes?.length
    ? ` (purposes ${dec.purposes
        .slice(0, 5)
        .map((p) => code(p, 60))
        .join(', ')})`
    : '';
  return `covered by ${kind} ${code(dec.id, 120)}${purposes}`;
}

function list<T>(items: readonly T[], limit: number, render: (item: T) => string): ListView {
  const shown = items.slice(0, Math.max(0, limit)).map(render);
  return { items: shown, total: items.length, more: items.length - shown.length };
}

/** "Sends email address and first name (user.contact.email, user.name.first) from …" without the parenthesised keys. */
export function withoutKeyList(message: string): string {
  return message.replace(/ \((?:[a-z_]+(?:\.[a-z0-9_]+)+)(?:, (?:[a-z_]+(?:\.[a-z0-9_]+)+))*\)/g, '');
}

const VERB: Record<string, string> = { 'data-flow': 'sends', 'pii-logging': 'logs', 'pii-field': 'holds' };

/** What a changed finding carries now that it did not before, and what it no longer carries. */
function changeText(f: Finding, before: readonly string[], taxonomy: Taxonomy): string {
  const added = f.categories.filter((c) => !before.includes(c));
  const removed = before.filter((c) => !f.categories.includes(c));
  const list = (keys: string[]) => keys.map((k) => `${md(taxonomy.label(k), 80)} (${code(k, 100)})`).join(', ');
  const verb = VERB[f.rule] ?? 'carries';
  return [...(added.length ? [`now also ${verb} ${list(added)}`] : []), ...(removed.length ? [`no longer ${list(removed)}`] : [])].join(
    '; ',
  );
}
