/**
 * One lifecycle rule file (rules/lifecycle/<product>.yaml). Field reference:
 * rules/README.md. Validation is strict: an unknown key is an error, so a typo
 * never silently widens a rule.
 */
import { z } from 'zod';
import { SoftwareSourceSchema } from '../contract/report.js';
import { SCHEME_IDS } from '../lifecycle/schemes/index.js';

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

export const Regex = z.string().min(1).refine(isRegex, { error: 'not a valid regular expression' });

/** A normalised version as a scheme emits it: dotted lower-case tokens. */
const DottedVersion = z
  .string()
  .regex(/^[0-9a-z]+(\.[0-9a-z]+)*$/i, { error: 'expected a dotted version such as "10.0.19045" or "3.12"' });

/** A date ends it; true = ended, date unknown; false = not ended; null = no such field. */
const DATE_VALUE = 'expected a date YYYY-MM-DD, true (ended, date unknown), false (not ended) or null (not given)';
export const DateValueSchema = z.union([z.iso.date({ error: DATE_VALUE }), z.boolean(), z.null()], { error: DATE_VALUE });
export type DateValue = z.infer<typeof DateValueSchema>;

export const ProductIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'product ids are kebab-case' });

/** The fields a match entry may test, before the check that it tests something; title entries take all but the OS's. */
export const MatchFieldsSchema = z.strictObject({
  name: Regex.optional(),
  vendor: Regex.optional(),
  family: Regex.optional(),
  edition: Regex.optional(),
  /** Software: tested against the item's purl without version, qualifiers or subpath ("pkg:pypi/django"). */
  purl: Regex.optional(),
  /**
   * Software, with another field: tested against the raw version, to tell a vendor's own
   * build from the distribution's by the mark it leaves ("13.2-1.pgdg100+1" is PGDG's).
   */
  version: Regex.optional(),
  sources: z.array(SoftwareSourceSchema).min(1).optional(),
  upstream: z.boolean().optional(),
});

export const MatchEntrySchema = MatchFieldsSchema.refine((m) => [m.name, m.vendor, m.family, m.edition, m.purl].some((f) => f !== undefined), {
  error: 'a match entry needs at least one of name, vendor, family, edition, purl',
});
export type MatchEntry = z.infer<typeof MatchEntrySchema>;

export const CycleSchema = z
  .strictObject({
    cycle: z.string().min(1),
    label: z.string().min(1).optional(),
    versions: z.array(DottedVersion).min(1).optional(),
    edition: Regex.optional(),
    minVersion: DottedVersion.optional(),
    releaseDate: z.union([z.iso.date(), z.null()]).optional(),
    support: DateValueSchema.optional(),
    eol: DateValueSchema,
    extendedSupport: DateValueSchema.optional(),
    /** Evergreen rules: the newest version of this cycle known on `evergreen.asOf`. */
    latest: DottedVersion.optional(),
    /**
     * The newest version of this cycle the data knows, and the day it came out (null: not given):
     * what patch currency measures an installed version against. Never changes the status.
     */
    newest: DottedVersion.optional(),
    newestDate: z.union([z.iso.date(), z.null()]).optional(),
    note: z.string().min(1).optional(),
  })
  .refine((c) => c.versions !== undefined || c.minVersion !== undefined, {
    error: 'a cycle needs versions or minVersion, or it would match every version',
  })
  .refine((c) => c.newestDate === undefined || c.newest !== undefined, { error: '"newestDate" is the day of "newest": give both', path: ['newestDate'] });
export type Cycle = z.infer<typeof CycleSchema>;

export const SourceSchema = z.strictObject({
  name: z.string().min(1),
  url: z.url(),
  commit: z.string().regex(/^[0-9a-f]{40}$/).optional(),
  license: z.string().min(1).optional(),
  /** Hand-written rules: the day the vendor page was read. */
  retrieved: z.iso.date().optional(),
});

export const LabelsSchema = z.strictObject({
  support: z.string().min(1).optional(),
  eol: z.string().min(1),
  extendedSupport: z.string().min(1).optional(),
});

const RuleFileShape = z.strictObject({
  product: ProductIdSchema,
  title: z.string().min(1),
  kind: z.enum(['os', 'software']),
  generated: z.boolean(),
  source: SourceSchema,
  labels: LabelsSchema.optional(),
  notes: z.string().min(1).optional(),
  /** Software shipped as part of the OS (.NET Framework, Internet Explorer): never better supported than its OS. */
  osComponent: z.boolean().optional(),
  /**
   * Evergreen software (Chrome, Zoom…): supported only at or above its cycle's `latest`,
   * and only while the data is fresh; `asOf` is the day those versions were the newest.
   */
  evergreen: z.strictObject({ asOf: z.iso.date() }).optional(),
  match: z.array(MatchEntrySchema).min(1),
  version: z.strictObject({ scheme: z.enum(SCHEME_IDS) }).optional(),
  cycles: z.array(CycleSchema).min(1),
});

export const LifecycleRuleFileSchema = RuleFileShape.superRefine(checkCrossFields);
export type LifecycleRuleFile = z.infer<typeof RuleFileShape>;

const OS_ONLY = ['family', 'edition'] as const;
const SOFTWARE_ONLY = ['vendor', 'purl', 'version', 'sources', 'upstream'] as const;

/** Checks that need the whole file: field kinds per rule kind, unique cycle ids, hand-written citations. */
function checkCrossFields(file: LifecycleRuleFile, ctx: z.RefinementCtx): void {
  const banned = file.kind === 'os' ? SOFTWARE_ONLY : OS_ONLY;
  file.match.forEach((entry, i) => {
    for (const key of banned) {
      if (entry[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['match', i, key], message: `"${key}" is not allowed in ${file.kind === 'os' ? 'an os' : 'a software'} rule` });
      }
    }
  });
  if (file.kind === 'os' && file.osComponent !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['osComponent'], message: '"osComponent" is only for software rules' });
  }
  if (file.evergreen && !file.cycles.some((c) => c.latest !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['evergreen'], message: 'an evergreen rule needs "latest" on the cycles it judges' });
  }
  if (!file.evergreen) {
    file.cycles.forEach((c, i) => {
      if (c.latest !== undefined) ctx.addIssue({ code: 'custom', path: ['cycles', i, 'latest'], message: '"latest" is only read in an evergreen rule (add evergreen: {asOf: …})' });
    });
  }
  const seen = new Set<string>();
  file.cycles.forEach((c, i) => {
    if (seen.has(c.cycle)) ctx.addIssue({ code: 'custom', path: ['cycles', i, 'cycle'], message: `duplicate cycle "${c.cycle}"` });
    seen.add(c.cycle);
  });
  if (!file.generated && file.source.retrieved === undefined) {
    ctx.addIssue({ code: 'custom', path: ['source'], message: 'hand-written rules must cite source.retrieved (the day the vendor page was read)' });
  }
}
