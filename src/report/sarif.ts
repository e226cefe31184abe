import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { AnalyzerMeta } from '../core/analyzer.js';
import type { Finding, ScanResult, Severity } from '../core/contract.js';
import { firstParagraph, plainText, ruleOrder, severityRank, type ReportOptions } from './common.js';

/** Where people learn about the tool; SARIF viewers link the tool name to it. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/privacy-review';

const LEVEL: Record<Severity, Sarif.Result.level> = { high: 'error', medium: 'warning', low: 'note' };
/** GitHub maps security-severity to its labels: >= 7 high, >= 4 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.5', low: '3.0' };
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, rules from the analyzers' metadata, one
 * result per finding with a line-independent partial fingerprint, code flows from traces, and
 * suppressed findings kept as results with a `suppressions` entry (GitHub shows them as dismissed).
 */
export function renderSarif(result: ScanResult, options: ReportOptions): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}

export function toSarif(result: ScanResult, options: ReportOptions): Sarif.Log {
  const ruleIds = ruleOrder(result, options.rules);
  const rules = ruleIds.map((id) => ruleDescriptor(id, options.rules.find((m) => m.id === id), result.findings));
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: INFORMATION_URI,
        rules,
        notifications: [
          { id: 'file-error', shortDescription: { text: 'A file could not be analyzed completely.' } },
          { id: 'file-skipped', shortDescription: { text: 'A file was not analyzed.' } },
        ],
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(result.root) } },
    columnKind: 'utf16CodeUnits',
    results: result.findings.map((f) => toResult(f, ruleIds.indexOf(f.rule))),
    invocations: [
      {
        // File-level errors and skips are reported, not fatal: the scan itself ran to completion.
        executionSuccessful: true,
        toolExecutionNotifications: [
          ...result.errors.map(
            (e): Sarif.Notification => ({
              level: 'error',
              descriptor: { id: 'file-error', index: 0 },
              message: { text: e.message },
              locations: [{ physicalLocation: physical(e.file, e.line, e.column) }],
            }),
          ),
          ...result.skipped.map(
            (s): Sarif.Notification => ({
              level: 'note',
              descriptor: { id: 'file-skipped', index: 1 },
              message: { text: `Not analyzed: ${s.reason}` },
              locations: [{ physicalLocation: physical(s.file) }],
            }),
          ),
        ],
      },
    ],
    properties: {
      stats: { files: result.stats.files, lines: result.stats.lines, durationMs: result.stats.durationMs },
    },
  };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

function ruleDescriptor(id: string, meta: AnalyzerMeta | undefined, findings: readonly Finding[]): Sarif.ReportingDescriptor {
  // GitHub reads security-severity per rule only: use the worst severity this rule reported (medium if none).
  const severities = findings.filter((f) => f.rule === id).map((f) => f.severity);
  const worst = severities.sort((a, b) => severityRank(b) - severityRank(a))[0] ?? 'medium';
  const properties = { tags: ['privacy', 'security', 'pii'], 'security-severity': SECURITY_SEVERITY[worst], precision: 'medium' };
  if (!meta) return { id, name: id, shortDescription: { text: id }, defaultConfiguration: { level: 'warning' }, properties };
  return {
    id,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.shortDescription },
    fullDescription: { text: firstParagraph(meta.help) || meta.shortDescription },
    help: { text: plainText(meta.help), markdown: meta.help },
    defaultConfiguration: { level: 'warning' },
    properties,
  };
}

function toResult(f: Finding, ruleIndex: number): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.rule,
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
      severity: f.severity,
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
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
