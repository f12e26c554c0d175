/**
 * Per-user software is read from the hives of users logged on at scan time
 * (loading every profile's NTUSER.DAT would be slow and intrusive on a shared
 * ward PC). Without memory, a user's Zoom would vanish from the report every
 * night they are not logged on, and the hub would record churn. So the agent
 * remembers each user's list (`user-installs.json` in its state folder): a
 * profile whose hive is not loaded keeps its last list, each item marked with
 * when it was read (`seenAt`); a loaded hive replaces its list; a deleted
 * profile's list is dropped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { SoftwareSchema, type Software } from '../../src/contract/report.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { psFlag, psText, parsePsJson } from './parse-ps-json.js';
import { uniqueBy } from '../unique-by.js';

export const USER_INSTALLS_FILE = 'user-installs.json';

export interface UserProfile {
  sid: string;
  loaded: boolean;
}

const MemorySchema = z.record(z.string(), z.object({ seenAt: z.iso.datetime({ offset: true }), software: z.array(SoftwareSchema) }));
export type UserInstallMemory = z.infer<typeof MemorySchema>;

/** Parses PROFILES_SCRIPT's output. */
export function parseProfiles(text: string): UserProfile[] {
  return parsePsJson(text).flatMap((p) => {
    const sid = psText(p, 'Sid');
    return sid ? [{ sid, loaded: psFlag(p, 'Loaded') }] : [];
  });
}

/**
 * The software list with the remembered per-user installs of profiles not
 * loaded now, and the memory to keep. Machine-wide items first, then loaded
 * users', then remembered ones; a program listed by several is kept once.
 */
export function withRememberedUsers(software: readonly Software[], profiles: readonly UserProfile[], memory: UserInstallMemory, now: string): { software: Software[]; memory: UserInstallMemory } {
  const next: UserInstallMemory = {};
  const remembered: Software[] = [];
  for (const { sid, loaded } of profiles) {
    const kept = memory[sid];
    if (loaded) next[sid] = { seenAt: now, software: software.filter((s) => s.hive === sid) };
    else if (kept) {
      next[sid] = kept;
      remembered.push(...kept.software.map((s) => ({ ...s, seenAt: kept.seenAt })));
    }
  }
  return { software: uniqueBy([...software, ...remembered], (s) => `${s.name}\t${s.version}\t${s.vendor ?? ''}`), memory: next };
}

/** A memory file's content; anything unreadable is an empty memory (it only caches earlier scans). */
export function parseUserInstalls(text: string): UserInstallMemory {
  try {
    const parsed = MemorySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The memory in the state folder; none yet is empty. */
export async function loadUserInstalls(stateDir: string): Promise<UserInstallMemory> {
  return parseUserInstalls(await readFile(join(stateDir, USER_INSTALLS_FILE), 'utf8').catch(() => ''));
}

export async function saveUserInstalls(stateDir: string, memory: UserInstallMemory): Promise<void> {
  await writeFileAtomic(join(stateDir, USER_INSTALLS_FILE), `${JSON.stringify(memory)}\n`, 0o600);
}
