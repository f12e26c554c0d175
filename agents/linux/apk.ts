import type { Software } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { readOptional } from '../read-optional.js';
import { runTool } from '../run-tool.js';
import { vendorOf } from './dpkg.js';

/**
 * Parses `apk info -v` ("musl-1.2.4-r2"). Alpine versions always end in
 * "-r<N>", so the version is the last two dash-separated parts.
 */
export function parseApkInfo(text: string): Software[] {
  const software: Software[] = [];
  for (const line of text.split('\n')) {
    const match = /^(.+)-([^-\s]+-r\d+)$/.exec(line.trim());
    if (!match?.[1] || !match[2]) continue;
    software.push({ name: match[1], version: match[2], source: 'apk' });
  }
  return software;
}

/**
 * Parses /lib/apk/db/installed: blank-line separated records of "X:value"
 * lines (P package, V version, m maintainer, t build time). Reading the file
 * needs no process and gives more than `apk info -v`.
 */
export function parseApkDb(text: string): Software[] {
  return text
    .split(/\n\s*\n/)
    .map(recordFields)
    .flatMap((fields) => {
      const name = clip(fields.get('P'));
      const version = clip(fields.get('V'), 128);
      if (!name || !version) return [];
      // No installedAt: apk records the build time ("t"), never the install time.
      return [{ name, version, vendor: vendorOf(fields.get('m')), source: 'apk' as const }];
    });
}

function recordFields(record: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of record.split('\n')) {
    if (line[1] === ':' && line[0] && !fields.has(line[0])) fields.set(line[0], line.slice(2));
  }
  return fields;
}

export async function collectApk(root = '/'): Promise<ReportPart> {
  const db = await readOptional(`${root}lib/apk/db/installed`);
  if (db !== undefined) return { software: parseApkDb(db) };
  const output = await runTool('apk', ['info', '-v']);
  return output === undefined ? {} : { software: parseApkInfo(output) };
}
