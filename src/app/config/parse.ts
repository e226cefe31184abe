import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { CONFIG_YAML_LIMITS, MAX_CONFIG_BYTES, parseConfig, yamlProblems } from '../../config/load.js';
import { ConfigError, type ConfigProblem } from '../../config/errors.js';
import { CONFIG_SCHEMA } from '../../config/schema.js';
import { closest } from '../../config/suggest.js';
import type { ScanConfig } from '../../config/types.js';
import type { Severity } from '../../core/contract.js';
import { parseBoundedYaml } from '../../yaml/bounded-parse.js';
import { quote } from '../../yaml/quote.js';
import { APP_KEYS, DEFAULT_SETTINGS, type AppConfig, type AppSettings } from './types.js';

/** One configuration file, validated: the App keys it sets and, if it has any, its scan keys. */
export interface AppConfigFile {
  file: string;
  settings: Partial<AppSettings>;
  /** Present when the file sets at least one scan key (include, exclude, classifier, sinks, ...). */
  scan?: ScanConfig;
  /** `_extends`: another repository's file this one builds on (Probot's convention). */
  extends?: string;
}

const SCAN_KEYS = Object.keys(CONFIG_SCHEMA.properties);
// the scan schema lists the App keys too: each key once
const ALL_KEYS = [...new Set([...APP_KEYS.filter((k) => k !== '_extends'), ...SCAN_KEYS])];
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]+$/;

/**
 * Validate one `.github/privacy-review.yml`. App keys are checked here; the rest goes through the
 * scan configuration's own loader (same schema, same messages as the CLI), with the App keys blanked
 * out in place so that its line numbers stay right. Throws ConfigError with every problem at file:line.
 */
export function parseAppConfigFile(text: string, file: string): AppConfigFile {
  if (text.length > MAX_CONFIG_BYTES) parseConfig(text, file); // throws its size problem before anything is parsed
  const yaml = parseBoundedYaml(text, CONFIG_YAML_LIMITS);
  const { doc, lines } = yaml;
  if (!doc || yaml.errors.length || yaml.refusal) throw new ConfigError(yamlProblems(yaml, text, file));
  // Not a mapping: the scan loader's schema says so best.
  if (doc.contents !== null && !isMap(doc.contents)) {
    parseConfig(text, file);
    return { file, settings: {} };
  }
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  const at = (node: YamlNode | undefined | null) => lines.linePos(Math.min(Math.max(node?.range?.[0] ?? 0, 0), text.length));
  const problems: ConfigProblem[] = [];
  const problem = (node: YamlNode | undefined | null, message: string, hint?: string) => {
    const pos = at(node);
    problems.push({ file, line: pos.line, column: pos.col, message, ...(hint ? { hint } : {}) });
  };

  const pairs = isMap(doc.contents) ? (doc.contents.items as Pair<YamlNode, YamlNode | null>[]) : [];
  const appPairs = pairs.filter((p) => isScalar(p.key) && (APP_KEYS as readonly string[]).includes(String(p.key.value)));
  const hasScanKeys = pairs.some((p) => !appPairs.includes(p));

  let scan: ScanConfig | undefined;
  try {
    const scanText = blankPairs(text, doc, appPairs);
    const parsed = parseConfig(scanText, file);
    if (hasScanKeys) scan = parsed;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.push(...e.problems.map(withAppKeyHints));
  }

  const settings: Partial<AppSettings> = {};
  let extendsRef: string | undefined;
  for (const pair of appPairs) {
    const key = String((pair.key as { value: unknown }).value);
    const value = pair.value;
    const where = value && !(isScalar(value) && value.value === null) ? value : pair.key;
    const plain = data[key];
    switch (key) {
      case 'reviewers': {
        const reviewers = parseReviewers(value, plain, where, problem);
        if (reviewers) settings.reviewers = reviewers;
        break;
      }
      case 'mode':
        if (plain === 'block' || plain === 'warn') settings.mode = plain;
        else
          problem(
            where,
            `mode must be block or warn, not ${quote(plain)}`,
            hintFor(plain, ['block', 'warn']) ?? 'block: approval required before merging; warn: report only',
          );
        break;
      case 'threshold':
        if (typeof plain === 'string' && (SEVERITIES as readonly string[]).includes(plain)) settings.threshold = plain as Severity;
        else
          problem(
            where,
            `threshold must be one of high, medium, low, not ${quote(plain)}`,
            hintFor(plain, SEVERITIES) ?? 'findings below this severity are left out of the review',
          );
        break;
      case 'manifest':
      case 'templates': {
        const checked = repoPath(plain);
        if (typeof checked === 'string') settings[key] = checked;
        else
          problem(
            where,
            `${key} ${checked.message}`,
            key === 'manifest' ? 'e.g. manifest: .privacy/manifest.yml' : 'e.g. templates: .github/privacy-review',
          );
        break;
      }
      case 'labels': {
        if (plain === false) settings.labels = { required: null };
        else if (isMap(value)) {
          for (const item of value.items as Pair<YamlNode, YamlNode | null>[]) {
            const name = isScalar(item.key) ? String(item.key.value) : '';
            const v = (plain as Record<string, unknown>)[name];
            if (name !== 'required') {
              problem(item.key, `unknown key ${quote(name)} in labels`, 'allowed keys: required');
            } else if (v === false) {
              settings.labels = { required: null };
            } else if (typeof v === 'string' && v.trim() && v.length <= 50) {
              settings.labels = { required: v.trim() };
            } else {
              problem(
                item.value ?? item.key,
                'labels.required must be a label name (at most 50 characters) or false',
                'e.g. required: privacy-review-required',
              );
            }
          }
        } else {
          problem(where, 'labels must be a mapping or false', 'e.g. labels: {required: privacy-review-required}');
        }
        break;
      }
      case 'drafts':
        if (plain === 'skip' || plain === 'review') settings.drafts = plain;
        else
          problem(
            where,
            `drafts must be skip or review, not ${quote(plain)}`,
            hintFor(plain, ['skip', 'review']) ?? 'skip: drafts are reviewed once marked ready',
          );
        break;
      case '_extends':
        if (typeof plain === 'string' && /^(?:[\w.-]+\/)?[\w.-]+(?::[^\s]+)?$/.test(plain)) extendsRef = plain;
        else problem(where, '_extends must name a repository, e.g. .github or acme/policies:privacy.yml');
        break;
    }
  }
  if (problems.length) throw new ConfigError(sorted(problems));
  return { file, settings, ...(scan ? { scan } : {}), ...(extendsRef ? { extends: extendsRef } : {}) };
}

/**
 * Files in `_extends` order, the extended one first: a later file's top-level keys replace an
 * earlier one's (no deep merge, so that a repository can always narrow a list it inherits).
 */
export function mergeAppConfig(files: readonly AppConfigFile[]): AppConfig {
  let settings: AppSettings = { ...DEFAULT_SETTINGS };
  let scan: ScanConfig | undefined;
  for (const f of files) {
    settings = { ...settings, ...f.settings };
    if (f.scan) scan = f.scan;
  }
  return { settings, ...(scan ? { scan } : {}), sources: files.map((f) => f.file) };
}

type Problem = (node: YamlNode | undefined | null, message: string, hint?: string) => void;

function parseReviewers(value: YamlNode | null, plain: unknown, where: YamlNode, problem: Problem): AppSettings['reviewers'] | undefined {
  if (!isMap(value)) {
    problem(where, 'reviewers must be a mapping', 'e.g. reviewers: {users: [alice], teams: [acme/privacy]}');
    return undefined;
  }
  const out: AppSettings['reviewers'] = { users: [], teams: [], required: 1 };
  let ok = true;
  const data = plain as Record<string, unknown>;
  for (const item of value.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const node = item.value ?? item.key;
    if (key === 'users' || key === 'teams') {
      if (!isSeq(item.value)) {
        problem(node, `reviewers.${key} must be a list`, key === 'users' ? 'e.g. users: [alice, bob]' : 'e.g. teams: [acme/privacy]');
        ok = false;
        continue;
      }
      const list = data[key] as unknown[];
      item.value.items.forEach((entry, i) => {
        const v = list[i];
        const text = typeof v === 'string' ? v.replace(/^@/, '') : undefined;
        if (key === 'users' && text && LOGIN.test(text)) out.users.push(text);
        else if (key === 'teams' && text && TEAM.test(text)) out.teams.push(text);
        else {
          ok = false;
          problem(
            entry as YamlNode,
            `reviewers.${key}[${i}] ${quote(v)} is not a GitHub ${key === 'users' ? 'login' : 'team'}`,
            key === 'users' ? 'write a login, e.g. alice' : 'write org/team-slug, e.g. acme/privacy',
          );
        }
      });
    } else if (key === 'required') {
      const v = data[key];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10) out.required = v;
      else {
        ok = false;
        problem(
          node,
          `reviewers.required must be a whole number from 1 to 10, not ${quote(v)}`,
          'how many different reviewers must approve, e.g. required: 1',
        );
      }
    } else {
      ok = false;
      const suggestion = closest(key, ['users', 'teams', 'required']);
      problem(
        item.key,
        `unknown key ${quote(key)} in reviewers`,
        suggestion ? `did you mean "${suggestion}"?` : 'allowed keys: users, teams, required',
      );
    }
  }
  return ok ? out : undefined;
}

/** A relative path inside the repository, or what is wrong with it. */
function repoPath(v: unknown): string | { message: string } {
  if (typeof v !== 'string' || !v.trim()) return { message: 'must be a path relative to the repository root' };
  const p = v.trim().replace(/^\.\//, '');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.includes('\\'))
    return { message: `${quote(v)} must be relative to the repository root, with / separators` };
  if (p.split('/').some((s) => s === '..')) return { message: `${quote(v)} must stay inside the repository (no "..")` };
  return p.replace(/\/+$/, '');
}

function hintFor(value: unknown, allowed: readonly string[]): string | undefined {
  const near = typeof value === 'string' ? closest(value, allowed) : undefined;
  return near ? `did you mean "${near}"?` : undefined;
}

/** The scan loader only knows its own keys: its unknown-key hints must also know the App's. */
function withAppKeyHints(p: ConfigProblem): ConfigProblem {
  const m = /^unknown key ("(?:[^"\\]|\\.)*")$/.exec(p.message);
  if (!m) return p;
  const near = closest(JSON.parse(m[1]) as string, ALL_KEYS);
  return { ...p, hint: near ? `did you mean "${near}"?` : `allowed keys: ${ALL_KEYS.join(', ')}` };
}

/**
 * The text with the given top-level pairs replaced by spaces (newlines kept), so that the rest
 * parses with the same line and column numbers. A flow mapping (`{a: 1}`) is rewritten instead.
 */
function blankPairs(text: string, doc: Document, pairs: readonly Pair<YamlNode, YamlNode | null>[]): string {
  if (!pairs.length) return text;
  const contents = doc.contents;
  if (isMap(contents) && contents.flow) {
    const copy = doc.clone();
    for (const p of pairs) copy.delete(String((p.key as { value: unknown }).value));
    return String(copy);
  }
  const chars = text.split(''); // UTF-16 units, as the parser's offsets
  for (const p of pairs) {
    const start = p.key?.range?.[0] ?? 0;
    const end = p.value?.range?.[2] ?? p.key?.range?.[2] ?? start;
    for (let i = start; i < end && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
  return chars.join('');
}

function sorted(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
