import * as z from 'zod';
import type { CollectionWarning, Device } from '../../src/contract/report.js';
import { AgentError } from '../agent-error.js';
import type { CollectContext, ReportPart } from '../collector.js';
import { parseJson } from '../parse-json.js';
import { parseAppx } from './appx.js';
import type { SectionId } from './collection-script.js';
import { dropIdleFaxService } from './devices.js';
import { parseHardware, parseIdentity } from './host.js';
import { parseModems } from './modems.js';
import { parseOs } from './os.js';
import { parsePrinters } from './printers.js';
import { runCollectionScript } from './run-powershell.js';
import { parseUninstall } from './uninstall.js';
import { loadUserInstalls, parseProfiles, saveUserInstalls, withRememberedUsers, type UserInstallMemory } from './user-installs.js';

const OutputSchema = z.object({
  collector: z.string().max(64).optional(),
  collectedAt: z.iso.datetime().optional(),
  sections: z.record(z.string(), z.unknown()),
  errors: z.record(z.string(), z.string()),
});

export interface CollectionOutput {
  /** "estatewatch-collect.ps1 <version>" */
  collector?: string | undefined;
  /** When the script ran (UTC); a drop-folder document is stored as of this time. */
  collectedAt?: string | undefined;
  sections: Partial<Record<SectionId, unknown>>;
  errors: Partial<Record<SectionId, string>>;
}

/** Reads the collection script's one JSON document (a UTF-8 BOM tolerated); anything else is a broken script. */
export function parseCollectionOutput(text: string): CollectionOutput {
  const parsed = OutputSchema.safeParse(parseJson(text.replace(/^\uFEFF/, '').trim()));
  if (!parsed.success) throw new AgentError('tool-output', `the collection script printed no collection document: ${text.trim().slice(0, 80)}`);
  return parsed.data;
}

/**
 * What a failed section costs. The names, the OS and the software lists
 * (Uninstall keys, Store packages) fail the scan: without them the report is wrong, not partial (an empty list would
 * read as "everything removed"). Hardware facts and devices degrade to a
 * warning, and the hub keeps what it held for them.
 */
export function windowsReportPart(output: CollectionOutput, memory: UserInstallMemory = {}, now: string = new Date().toISOString()): ReportPart & { userInstalls: UserInstallMemory } {
  const section = (id: SectionId) => JSON.stringify(output.sections[id] ?? []);
  const required = (id: SectionId) => {
    const error = output.errors[id];
    if (error !== undefined) throw new AgentError('collector-failed', `the Windows ${id} section failed: ${error}`);
    return section(id);
  };
  const identity = parseIdentity(required('identity'));
  if (!identity) throw new AgentError('collector-failed', 'the Windows identity section found no host name in the registry');
  const os = parseOs(required('os'));
  // Profiles only steer the memory of per-user installs: without them nothing is remembered or forgotten.
  const profiles = output.errors.profiles === undefined ? parseProfiles(section('profiles')) : [];
  const users = withRememberedUsers(parseUninstall(required('uninstall')), profiles, memory, now);
  const software = [...users.software, ...parseAppx(required('appx'))];
  const warnings: CollectionWarning[] = [];
  const optional = <T>(id: SectionId, part: CollectionWarning['part'], parse: (text: string) => T, none: T): T => {
    const error = output.errors[id];
    if (error === undefined) return parse(section(id));
    warnings.push({ part, message: `the Windows ${id} section failed: ${error}`.slice(0, 500) });
    return none;
  };
  const hardware = optional('hardware', 'host', parseHardware, {});
  const devices: Device[] = dropIdleFaxService([...optional('printers', 'devices', parsePrinters, []), ...optional('modems', 'devices', parseModems, [])]);
  return { host: { ...identity, ...hardware }, os, software, devices, ...(warnings.length > 0 && { warnings }), userInstalls: users.memory };
}

/**
 * The whole Windows scan: one PowerShell process running the collection
 * script. With a state folder, the per-user installs of users not logged on are
 * carried from the last scan that read them (user-installs.ts).
 */
export async function collectWindows(context: CollectContext = {}): Promise<ReportPart> {
  const output = await runCollectionScript();
  if (output === undefined) return {};
  const doc = parseCollectionOutput(output);
  const remember = context.stateDir !== undefined && doc.errors.profiles === undefined ? context.stateDir : undefined;
  const { userInstalls, ...part } = windowsReportPart(doc, remember ? await loadUserInstalls(remember) : {}, (context.now ?? new Date()).toISOString());
  if (remember) await saveUserInstalls(remember, userInstalls);
  return part;
}
