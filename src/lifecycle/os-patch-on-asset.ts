/**
 * The OS's patch currency on one machine. A distinct OS (os_versions) is judged
 * without the build the machine reports, so its verdict can only set its version
 * against the cycle's newest (macOS 14.4 against 14.8.9). For Windows the
 * version is the same on every machine of a release; the update revision in the
 * build (10.0.19045.5371) says which cumulative update is installed, and the
 * cumulative-update list (windows-patch-level.ts) decides.
 */
import type { WindowsUpdates } from '../rules/windows-updates-schema.js';
import type { EvaluateOptions, PatchCurrency } from './verdict.js';
import { windowsPatchLevel, type WindowsPatchLevel } from './windows-patch-level.js';

export interface Machine {
  family: string;
  /** The build the machine reported (Windows "10.0.19045.5371"); null when none. */
  build?: string | null;
}

/** `own`: the distinct OS's patch verdict (Verdict.patch), which stands unless the Windows list knows the build. */
export function osPatchOnAsset(own: PatchCurrency | null, machine: Machine, updates: WindowsUpdates | undefined, opts: EvaluateOptions): PatchCurrency | null {
  if (machine.family !== 'windows' || !machine.build || !updates) return own;
  const level = windowsPatchLevel(updates, machine.build, opts.asOf, { maxDataAgeDays: opts.staleDays });
  return level ? fromWindowsLevel(level) : own;
}

/** W's lookup as a patch verdict: its `unknown` (newer than the list, or the list too old) cannot tell. */
function fromWindowsLevel(level: WindowsPatchLevel): PatchCurrency | null {
  const { newest, installed } = level;
  if (level.state === 'unknown' || !newest) return null;
  return {
    state: level.state,
    newest: `10.0.${level.build}.${newest.ubr} (${newest.kb})`,
    newestDate: newest.released,
    since: level.state === 'behind' ? level.behindSince : null,
    ...(installed ? { installed: { label: installed.kb, date: installed.released } } : {}),
  };
}
