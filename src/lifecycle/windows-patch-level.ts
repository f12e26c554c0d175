/**
 * Which cumulative update a Windows machine last installed, read from the build it
 * reports (10.0.19045.5371: build 19045, UBR 5371), and how long a newer one has
 * been out, against rules/patches/windows-cumulative-updates.yaml. Pure: the data
 * and the day are passed in.
 *
 * - installed: the newest listed update whose UBR is at or below the machine's
 *   (a UBR between two listed ones is past the lower, not yet at the higher);
 *   null when the machine is older than the first update listed.
 * - behind: an update newer than the machine's UBR was out on `asOf`. Previews
 *   never count (Microsoft's optional, non-security releases). A hotpatch machine
 *   skips the same day's baseline update, so that one does not count against it.
 * - unknown, never current: the machine is newer than everything listed, or it is
 *   at the newest but the data stops more than `maxDataAgeDays` before `asOf`.
 *   Stale data does not clear "behind": a newer fix known to exist stays known.
 */
import type { CumulativeUpdate, ServicingLine, WindowsUpdates } from '../rules/windows-updates-schema.js';
import { daysBetween } from './status-from-dates.js';
import { DEFAULT_STALE_DAYS } from './verdict.js';

export type PatchState = 'current' | 'behind' | 'unknown';

export interface WindowsPatchLevel {
  build: number;
  ubr: number;
  /** What the build's servicing line is, e.g. ["Windows 10 22H2"]. */
  names: string[];
  installed: CumulativeUpdate | null;
  /** The newest update that counts (not a preview) released on or before asOf; null when none was out. */
  newest: CumulativeUpdate | null;
  state: PatchState;
  /** Release day of the first counting update newer than the machine: how long a fix has been available. */
  behindSince: string | null;
  /** asOf − behindSince when behind, 0 when current, null when unknown. */
  daysBehind: number | null;
  /** The day the data lists this line's updates through. */
  dataThrough: string;
  /** The data's first source for this line, for a link beside the figure. */
  source: { name: string; url: string };
  /** One line a person can check: the KBs, their dates and the data used. */
  reason: string;
}

export interface WindowsPatchOptions {
  /** At the newest known update but the data this many days older than asOf → unknown. Default DEFAULT_STALE_DAYS. */
  maxDataAgeDays?: number;
}

/** "10.0.19045.5371" or "19045.5371" → build and UBR; a build without UBR gives ubr null; anything else null. */
export function parseWindowsBuild(osBuild: string): { build: number; ubr: number | null } | null {
  const m = /^(?:10\.0\.)?(\d{4,5})(?:\.(\d{1,6}))?$/.exec(osBuild.trim());
  if (!m) return null;
  return { build: Number(m[1]), ubr: m[2] === undefined ? null : Number(m[2]) };
}

/** Null when the build is not in the data or the UBR is missing. */
export function windowsPatchLevel(data: WindowsUpdates, osBuild: string, asOf: string, opts: WindowsPatchOptions = {}): WindowsPatchLevel | null {
  const parsed = parseWindowsBuild(osBuild);
  if (!parsed || parsed.ubr === null) return null;
  const { build, ubr } = parsed;
  const line = lineFor(data.builds, build, ubr);
  if (!line) return null;
  const first = line.sources[0]!;
  const source = { name: first.name.replace(/ \(.*$/, ''), url: first.url };
  const cite = `${line.names.join(' / ')} listed through ${line.through} (${source.name}, rules/patches/windows-cumulative-updates.yaml)`;
  const machine = osBuild.trim();
  const base = { build, ubr, names: line.names, dataThrough: line.through, source };
  const ref = (u: CumulativeUpdate) => describe(build, u);

  const known = line.updates.filter((u) => u.released <= asOf);
  const counting = known.filter((u) => u.kind !== 'preview');
  const installed = [...known].reverse().find((u) => u.ubr <= ubr) ?? null;
  const newest = counting[counting.length - 1] ?? null;
  const latestKnown = known[known.length - 1];
  const at = installed ? `${installed.ubr === ubr ? 'at' : 'past'} ${ref(installed)}` : 'older than every update listed';
  const unknown = (why: string) => ({ ...base, installed, newest, state: 'unknown' as const, behindSince: null, daysBehind: null, reason: `${machine}: ${why}; ${cite}` });

  if (!latestKnown || !newest) return unknown(`no update of this line in the data was out by ${asOf}`);
  if (ubr > latestKnown.ubr) return unknown(`newer than every update in the data (the newest is ${ref(latestKnown)}), so the data may be out of date`);

  const next = counting.find((u) => u.ubr > ubr && !(installed?.kind === 'hotpatch' && u.released === installed.released));
  if (next) {
    const days = daysBetween(next.released, asOf);
    const newestToo = next === newest ? '' : `; the newest known is ${ref(newest)}`;
    return { ...base, installed, newest, state: 'behind', behindSince: next.released, daysBehind: days, reason: `${machine}: ${at}; a newer update, ${ref(next)}, has been out ${days} days${newestToo}; ${cite}` };
  }
  const limit = opts.maxDataAgeDays ?? DEFAULT_STALE_DAYS;
  const age = daysBetween(line.through, asOf);
  if (age > limit) return unknown(`${at} and nothing newer is listed, but the data stops ${age} days before ${asOf} (limit ${limit}), so a newer update may be out`);
  const hotpatch = newest.ubr > ubr ? ` (${ref(newest)} is the same month's release for machines not on hotpatch)` : '';
  return { ...base, installed, newest, state: 'current', behindSince: null, daysBehind: 0, reason: `${machine}: ${at}; nothing newer that counts was out on ${asOf}${hotpatch}; ${cite}` };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The month an update came out, for display: "Nov 2024"; null for none. */
export function patchMonth(update: Pick<CumulativeUpdate, 'released'> | null): string | null {
  if (!update) return null;
  const [year, month] = update.released.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** "KB5048652 (19045.5247, 2024-12-10)", the kind added unless it is the monthly security release. */
function describe(build: number, u: CumulativeUpdate): string {
  return `${u.kb} (${build}.${u.ubr}, ${u.released}${u.kind === 'security' ? '' : `, ${u.kind}`})`;
}

/** The servicing line holding this UBR: the one starting highest at or below it, else the first (older than the data). */
function lineFor(lines: readonly ServicingLine[], build: number, ubr: number): ServicingLine | undefined {
  const ofBuild = lines.filter((l) => l.build === build).sort((a, b) => (a.fromUbr ?? 0) - (b.fromUbr ?? 0));
  return [...ofBuild].reverse().find((l) => (l.fromUbr ?? 0) <= ubr) ?? ofBuild[0];
}
