import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { AnalyzerMeta } from '../core/analyzer.js';
import type { FileError, Finding, ScanResult, Severity, SkippedFile } from '../core/contract.js';
import { SEVERITIES_DESC, firstParagraph, plainText, ruleOrder, type ReportOptions } from './common.js';

/** Where people learn about the tool; SARIF viewers link the tool name to it. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/privacy-review';

const LEVEL: Record<Severity, Sarif.Result.level> = { high: 'error', medium: 'warning', low: 'note' };
/** GitHub maps security-severity to its labels: >= 7 high, >= 4 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.5', low: '3.0' };
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it, for a scan: see `sarifLog`, which the review's
 * SARIF (render/sarif.ts) shares.
 */
export function renderSarif(result: ScanResult, options: ReportOptions): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}

export function toSarif(result: ScanResult, options: ReportOptions): Sarif.Log {
  return sarifLog({
    tool: result.tool,
    root: result.root,
    findings: result.findings,
    errors: result.errors,
    skipped: result.skipped,
    rules: options.rules,
    properties: { stats: { files: result.stats.files, lines: result.stats.lines, durationMs: result.stats.durationMs } },
  });
}

/** What a SARIF log is written from: findings and the files that could not be analyzed. */
export interface SarifInput {
  tool: { name: string; version: string };
  /** Absolute root the paths are relative to; without one `%SRCROOT%` stays unresolved, which code scanning maps to the checkout. */
  root?: string;
  findings: readonly Finding[];
  errors: readonly FileError[];
  skipped: readonly SkippedFile[];
  /** Metadata of the analyzers, for rule names and help. */
  rules: readonly AnalyzerMeta[];
  /** The run's own properties. */
  properties?: Record<string, unknown>;
  /** A result's message and further properties, when the caller knows more about a finding (a review: why it is asked about). */
  annotate?: (finding: Finding, index: number) => { message?: string; properties?: Record<string, unknown> } | undefined;
}

/**
 * One SARIF writer for scan and review output: one run, rules from the analyzers' metadata, one
 * result per finding with a line-independent partial fingerprint, code flows from traces, and
 * suppressed findings kept as results with a `suppressions` entry (GitHub shows them as dismissed).
 *
 * GitHub reads `security-severity` from a result's rule only, so each rule is described once per
 * severity (`pii-field/low`, `pii-field/high`): 55 low user-id fields then show as low in code
 * scanning instead of taking the severity of the worst finding of their rule.
 */
export function sarifLog(input: SarifInput): Sarif.Log {
  const ruleIds = ruleOrder(input.findings, input.rules);
  const descriptors = ruleIds.flatMap((id) =>
    SEVERITIES_DESC.map((severity) =>
      ruleDescriptor(
        id,
        severity,
        input.rules.find((m) => m.id === id),
      ),
    ),
  );
  const indexOf = (f: Finding) => ruleIds.indexOf(f.rule) * SEVERITIES_DESC.length + SEVERITIES_DESC.indexOf(f.severity);
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: input.tool.name,
        version: input.tool.version,
        semanticVersion: input.tool.version,
        informationUri: INFORMATION_URI,
        rules: descriptors,
        notifications: [
          { id: 'file-error', shortDescription: { text: 'A file could not be analyzed completely.' } },
          { id: 'file-skipped', shortDescription: { text: 'A file was not analyzed.' } },
        ],
      },
    },
    ...(input.root ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(input.root) } } } : {}),
    columnKind: 'utf16CodeUnits',
    results: input.findings.map((f, i) => {
      const result = toResult(f, indexOf(f));
      const extra = input.annotate?.(f, i);
      if (extra?.message) result.message = { text: extra.message };
      if (extra?.properties) result.properties = { ...result.properties, ...extra.properties };
      return result;
    }),
    invocations: [
      {
        // File-level errors and skips are reported, not fatal: the analysis itself ran to completion.
        executionSuccessful: true,
        toolExecutionNotifications: [
          ...input.errors.map((e): Sarif.Notification => ({
            level: 'error',
            descriptor: { id: 'file-error', index: 0 },
            message: { text: e.message },
            locations: [{ physicalLocation: physical(e.file, e.line, e.column) }],
          })),
          ...input.skipped.map((s): Sarif.Notification => ({
            level: 'note',
            descriptor: { id: 'file-skipped', index: 1 },
            message: { text: `Not analyzed: ${s.reason}` },
            locations: [{ physicalLocation: physical(s.file) }],
          })),
        ],
      },
    ],
    ...(input.properties ? { properties: input.properties } : {}),
  };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

/** `pii-field/low`: the rule at one severity. */
export function sarifRuleId(rule: string, severity: Severity): string {
  return `${rule}/${severity}`;
}

function ruleDescriptor(id: string, severity: Severity, meta: AnalyzerMeta | undefined): Sarif.ReportingDescriptor {
  const properties = {
    tags: ['privacy', 'security', 'pii'],
    'security-severity': SECURITY_SEVERITY[severity],
    precision: 'medium',
    rule: id,
    severity,
  };
  const at = `${sarifRuleId(id, severity)}`;
  const defaultConfiguration = { level: LEVEL[severity] };
  if (!meta)
    return {
      id: at,
      name: pascalCase(`${id} ${severity}`),
      shortDescription: { text: `${id} (${severity} severity)` },
      defaultConfiguration,
      properties,
    };
  return {
    id: at,
    name: pascalCase(`${meta.name} ${severity}`),
    shortDescription: { text: `${meta.shortDescription.replace(/\.$/, '')} (${severity} severity).` },
    fullDescription: { text: firstParagraph(meta.help) || meta.shortDescription },
    help: { text: plainText(meta.help), markdown: meta.help },
    defaultConfiguration,
    properties,
  };
}

function toResult(f: Finding, ruleIndex: number): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: sarifRuleId(f.rule, f.severity),
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(f.file), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        ...(f.symbol && !f.symbol.startsWith('<') ? { logicalLocations: [{ fullyQualifiedName: f.symbol }] } : {}),
      },
    ],
    partialFingerprints: { 'privacyReview/v1': f.id },
    properties: {
      rule: f.rule,
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      categories: f.categories,
      sink: f.sink,
      confidence: f.confidence,
      symbol: f.symbol,
      remediation: f.remediation,
    },
  };
  if (f.trace.length) {
    result.codeFlows = [
      {
        threadFlows: [
          {
            locations: f.trace.map((step) => ({
              location: { physicalLocation: physical(step.file, step.line), message: { text: step.note } },
            })),
          },
        ],
      },
    ];
  }
  if (f.suppressed) {
    const s = f.suppression;
    result.suppressions = [
      {
        kind: s?.kind === 'config' ? 'external' : 'inSource',
        status: 'accepted',
        ...(s?.reason ? { justification: s.reason } : {}),
      },
    ];
  }
  return result;
}

function physical(file: string, line?: number, column?: number): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
    ...(line ? { region: { startLine: line, ...(column ? { startColumn: column } : {}) } } : {}),
  };
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `?`, non-ASCII). */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** SARIF rule names are identifiers by convention (`PiiLogging`), not sentences. */
function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
