/**
 * What estatewatch-collect.ps1 writes into a drop folder on a machine the agent
 * cannot run on (Windows 7, Server 2008 R2: no Node.js there). The agent's own
 * collection script and the agent's own parsers (agents/windows/) turn it into
 * a report: one source of truth for what a Windows machine holds, whichever
 * way its inventory travels.
 */
import { parseCollectionOutput, windowsReportPart } from '../../agents/windows/collect-windows.js';
import { checkReport, REPORT_SCHEMA_V1 } from '../contract/report.js';
import type { Importer, ParseOptions, ParseResult } from './importer.js';

export const windowsCollectionImporter: Importer = {
  format: 'windows-collection',
  description: 'the document estatewatch-collect.ps1 writes with -DropFolder on a machine the agent cannot run on (Windows 7, Server 2008 R2)',
  parse: parseWindowsCollection,
};

export function parseWindowsCollection(text: string, options: Pick<ParseOptions, 'now' | 'userInstalls'>): ParseResult {
  try {
    const doc = parseCollectionOutput(text);
    const part = windowsReportPart(doc, options.userInstalls, doc.collectedAt ?? options.now.toISOString());
    const checked = checkReport({
      schema: REPORT_SCHEMA_V1,
      host: part.host,
      os: part.os,
      collectedAt: doc.collectedAt ?? options.now.toISOString(),
      agent: { version: doc.collector ?? 'estatewatch-collect.ps1' },
      ...(part.warnings && { warnings: part.warnings }),
      software: part.software ?? [],
      devices: part.devices ?? [],
    });
    if (checked.ok) return { reports: [checked.report], errors: [], userInstalls: part.userInstalls };
    return { reports: [], errors: checked.issues.map((i) => ({ path: i.path, message: i.message })) };
  } catch (error) {
    return { reports: [], errors: [{ message: (error as Error).message }] };
  }
}
