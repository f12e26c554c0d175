/**
 * Reports carried from an air-gapped network: `estatewatch agent --output`
 * appends one v1 report per line (NDJSON). A single report (even pretty-printed)
 * or a JSON array of reports is accepted too. The agent's own sources are kept.
 */
import { checkReport, type Report } from '../contract/report.js';
import { ndjsonLines, parseJson } from './_json.js';
import type { ImportError, Importer, ParseResult } from './importer.js';

export const reportFileImporter: Importer = {
  format: 'report',
  agentReports: true,
  description: 'estatewatch.report/v1 reports written by `estatewatch agent --output` (NDJSON, one per line) or a JSON report',
  parse: parseReportFile,
};

export function parseReportFile(text: string): ParseResult {
  const lines = ndjsonLines(text);
  // One line, or a document spread over several lines (a pretty-printed report or an array).
  const whole = lines.length > 1 ? parseJson(text) : undefined;
  if (whole?.ok) return checkAll(Array.isArray(whole.value) ? whole.value.map((v, i) => ({ value: v, prefix: `[${i}]` })) : [{ value: whole.value, prefix: '' }]);
  const reports: Report[] = [];
  const errors: ImportError[] = [];
  for (const { line, text: lineText } of lines) {
    const parsed = parseJson(lineText, line);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const checked = checkReport(parsed.value);
    if (checked.ok) reports.push(checked.report);
    else errors.push(...checked.issues.map((i) => ({ line, path: i.path, message: i.message })));
  }
  if (!lines.length) errors.push({ message: 'the file holds no reports' });
  return { reports, errors };
}

function checkAll(items: { value: unknown; prefix: string }[]): ParseResult {
  const reports: Report[] = [];
  const errors: ImportError[] = [];
  for (const { value, prefix } of items) {
    const checked = checkReport(value);
    if (checked.ok) reports.push(checked.report);
    else errors.push(...checked.issues.map((i) => ({ path: prefix ? `${prefix}${i.path === '(root)' ? '' : i.path.startsWith('[') ? i.path : `.${i.path}`}` : i.path, message: i.message })));
  }
  return { reports, errors };
}
