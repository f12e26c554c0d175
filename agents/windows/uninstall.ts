import type { Software } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { installDate } from './install-date.js';
import { isNotAProgram } from './is-not-a-program.js';
import { parsePsJson, psText, type PsRecord } from './parse-ps-json.js';
import { runPowerShell } from './run-powershell.js';
import { UNINSTALL_SCRIPT } from './uninstall-script.js';

export interface UninstallResult {
  software: Software[];
  /**
   * Programs left out because neither DisplayVersion nor the name carries a
   * version. The contract needs a real version, and inventing one ("0") would
   * read as "very old" to the lifecycle rules; the names are kept so the loss is
   * visible and testable.
   */
  skipped: string[];
}

/**
 * Parses UNINSTALL_SCRIPT's output. Leaves out entries without a DisplayName
 * (not shown in "Programs and Features" either), system components and
 * updates (see isNotAProgram). A program registered in both the 64- and
 * 32-bit views, or for several users, is listed once.
 */
export function parseUninstall(text: string): UninstallResult {
  const seen = new Set<string>();
  const result: UninstallResult = { software: [], skipped: [] };
  for (const entry of parsePsJson(text)) {
    const name = clip(psText(entry, 'DisplayName'));
    if (!name || isNotAProgram(entry, name)) continue;
    const version = clip(psText(entry, 'DisplayVersion') ?? versionInName(name), 128);
    if (!version) {
      if (!result.skipped.includes(name)) result.skipped.push(name);
      continue;
    }
    const item = toSoftware(entry, name, version);
    const key = `${item.name}\t${item.version}\t${item.vendor ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.software.push(item);
  }
  return result;
}

function toSoftware(entry: PsRecord, name: string, version: string): Software {
  const vendor = clip(psText(entry, 'Publisher'));
  const installedAt = installDate(psText(entry, 'InstallDate'));
  return { name, version, ...(vendor && { vendor }), source: 'registry', ...(installedAt && { installedAt }) };
}

/** "Rhaglen Cymraeg 2.1.4" → "2.1.4": a dotted number only, so "Office 2016" gives nothing. */
export function versionInName(name: string): string | undefined {
  return /(?:^|[\s(v])(\d+(?:\.\d+)+)\b/.exec(name)?.[1];
}

export async function collectUninstall(): Promise<ReportPart> {
  const output = await runPowerShell(UNINSTALL_SCRIPT, { timeoutMs: 180_000 });
  return output === undefined ? {} : { software: parseUninstall(output).software };
}
