/**
 * The Windows cumulative-update file (rules/patches/windows-cumulative-updates.yaml):
 * per build, UBR → KB article, release date and kind, each block citing where its
 * facts came from. Strict like the other rule files, and ordered: a UBR that does
 * not rise, or a date that goes back, is an error on its line, because the lookup
 * (src/lifecycle/windows-patch-level.ts) relies on both.
 */
import { z } from 'zod';
import { SourceSchema } from './lifecycle-schema.js';

/** What Microsoft's title says of an update (the file's header explains each). */
export const UPDATE_KINDS = ['security', 'preview', 'out-of-band', 'hotpatch', 'unmarked'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

const KB_ID = 'expected a KB article id such as KB5034441';

export const CumulativeUpdateSchema = z.strictObject({
  /** Update build revision: the fourth part of 10.0.19045.5371. */
  ubr: z.int().min(0),
  kb: z.string({ error: KB_ID }).regex(/^KB\d{6,7}$/, { error: KB_ID }),
  released: z.iso.date({ error: 'expected a real date YYYY-MM-DD' }),
  kind: z.enum(UPDATE_KINDS),
});
export type CumulativeUpdate = z.infer<typeof CumulativeUpdateSchema>;

/** A hand-gathered source: the day it was read is required. */
const UpdateSourceSchema = SourceSchema.extend({ retrieved: z.iso.date({ error: 'the day the source was read, YYYY-MM-DD' }) });

const NO_SOURCE = 'every build needs at least one source (name, url, retrieved)';

export const ServicingLineSchema = z.strictObject({
  /** Third part of 10.0.<build>.<ubr>. */
  build: z.int().min(1),
  /** Only for a build with two servicing lines: this block holds UBRs from here up to the next line's fromUbr. */
  fromUbr: z.int().min(1).optional(),
  names: z.array(z.string().min(1)).min(1),
  /** The sources list every update of this line released up to this day; after it, newer ones may be missing. */
  through: z.iso.date({ error: 'expected a real date YYYY-MM-DD' }),
  note: z.string().min(1).optional(),
  sources: z.array(UpdateSourceSchema, { error: NO_SOURCE }).min(1, { error: NO_SOURCE }),
  /** Microsoft's pages the sources copied from (not read directly). */
  vendorPages: z.array(z.url()).min(1).optional(),
  updates: z.array(CumulativeUpdateSchema).min(1),
});
export type ServicingLine = z.infer<typeof ServicingLineSchema>;

const FileShape = z.strictObject({ builds: z.array(ServicingLineSchema).min(1) });
export const WindowsUpdatesFileSchema = FileShape.superRefine(checkOrder);
export type WindowsUpdates = z.infer<typeof FileShape>;

/** The ordering the lookup depends on, each problem on the entry that breaks it. */
function checkOrder(file: WindowsUpdates, ctx: z.RefinementCtx): void {
  file.builds.forEach((line, b) => {
    const at = (i: number, key: 'ubr' | 'released', message: string) => ctx.addIssue({ code: 'custom', path: ['builds', b, 'updates', i, key], message });
    const ceiling = nextLineStart(file.builds, line);
    line.updates.forEach((u, i) => {
      if (line.fromUbr !== undefined && u.ubr < line.fromUbr) at(i, 'ubr', `UBR ${u.ubr} is below this line's fromUbr ${line.fromUbr}`);
      if (ceiling !== undefined && u.ubr >= ceiling) at(i, 'ubr', `UBR ${u.ubr} belongs to the line of build ${line.build} that starts at ${ceiling}`);
      const prev = line.updates[i - 1];
      if (!prev) return;
      if (u.ubr <= prev.ubr) at(i, 'ubr', `UBR ${u.ubr} must be above the previous entry's ${prev.ubr} (UBRs strictly increase)`);
      if (u.released < prev.released) at(i, 'released', `${u.released} is before the previous entry's ${prev.released} (dates never go back)`);
    });
    const last = line.updates[line.updates.length - 1];
    if (last && line.through < last.released) ctx.addIssue({ code: 'custom', path: ['builds', b, 'through'], message: `${line.through} is before the last update listed (${last.released})` });
    const twin = file.builds.findIndex((o) => o !== line && o.build === line.build && (o.fromUbr ?? 0) === (line.fromUbr ?? 0));
    if (twin !== -1) ctx.addIssue({ code: 'custom', path: ['builds', b, 'build'], message: `build ${line.build} is also at builds[${twin}]; a second servicing line needs its own fromUbr` });
  });
}

/** The lowest fromUbr of another line of the same build above this one's start. */
function nextLineStart(lines: readonly ServicingLine[], line: ServicingLine): number | undefined {
  const start = line.fromUbr ?? 0;
  const above = lines.filter((o) => o.build === line.build && (o.fromUbr ?? 0) > start).map((o) => o.fromUbr ?? 0);
  return above.length > 0 ? Math.min(...above) : undefined;
}
