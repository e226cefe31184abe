import type { ScanResult } from '../core/contract.js';
import type { ReportOptions } from './common.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export type { ReportOptions } from './common.js';
export { summaryLine } from './common.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (result: ScanResult, options: ReportOptions) => string> = {
  text: renderText,
  json: (result) => renderJson(result),
  sarif: renderSarif,
  markdown: renderMarkdown,
};

/** Render a scan result in one of the report formats. Pure: no I/O, no globals. */
export function renderReport(format: ReportFormat, result: ScanResult, options: ReportOptions): string {
  return RENDERERS[format](result, options);
}
