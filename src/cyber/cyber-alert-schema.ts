/**
 * One cyber alert file (rules/cyber-alerts/<reference>.yaml): a national or vendor
 * alert as a security lead receives it. Field reference: docs/cyber-alerts.md.
 * Strict like every rule file: an unknown key is an error, so a typo never
 * silently narrows or widens what an alert affects.
 */
import { z } from 'zod';
import { SoftwareSourceSchema } from '../contract/report.js';
import { isCyberRange } from '../lifecycle/cyber-version-range.js';
import { ProductIdSchema, Regex } from '../rules/lifecycle-schema.js';
import { CveIdSchema } from './read-kev.js';

export const CYBER_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type CyberSeverity = (typeof CYBER_SEVERITIES)[number];

/** The OS family an entry is limited to; the asset's OS family from its report. */
export const CYBER_PLATFORMS = ['windows', 'macos', 'linux'] as const;
export type CyberPlatform = (typeof CYBER_PLATFORMS)[number];

const Range = z.string().min(1).refine(isCyberRange, { error: 'expected a range such as "before 131.0.2" or ">= 116, < 128.3.1"' });
/** Any range may hold: ["before 115.16.1", ">= 116, < 128.3.1"] is two branches of one product. */
const Versions = z.array(Range).min(1);
const Sources = z.array(SoftwareSourceSchema).min(1);

/**
 * One affected entry: EITHER a `product` a lifecycle rule defines (checked by the loader),
 * in version ranges or in cycles of that rule, OR a `title` pattern on the installed
 * name, for software no lifecycle rule knows, in version ranges read as dotted versions.
 * One object with refinements rather than a union, so each mistake is reported on its
 * own field's line instead of as "matches neither shape".
 */
export const AffectedEntrySchema = z
  .strictObject({
    product: ProductIdSchema.optional(),
    title: Regex.optional(),
    versions: Versions.optional(),
    /** Cycle ids of the product's lifecycle rule ("115"): matched against the item's stored verdict's cycle. */
    cycles: z.array(z.string().min(1)).min(1).optional(),
    platform: z.enum(CYBER_PLATFORMS).optional(),
    /** Only items from these sources, e.g. [registry, macos] to leave out distribution packages the distribution patches. */
    sources: Sources.optional(),
  })
  .refine((e) => (e.product === undefined) !== (e.title === undefined), { error: 'give a lifecycle product or a title pattern (one of them)' })
  .refine((e) => e.cycles === undefined || e.product !== undefined, { error: 'cycles need a product: a title pattern has no lifecycle cycles', path: ['cycles'] })
  .refine((e) => (e.versions === undefined) !== (e.cycles === undefined), { error: 'give versions or cycles (one of them)' });
export type AffectedEntry = z.infer<typeof AffectedEntrySchema>;

export const CyberAlertSchema = z.strictObject({
  /** The issuer's reference ("CC-4567"), or a local one ("LOCAL-2026-001"); the file's name. */
  reference: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, { error: 'expected a reference such as "CC-4567" or "LOCAL-2026-001"' }),
  title: z.string().min(1).max(200),
  /** The day the issuer published it: the 48-hour acknowledgement clock runs from it. */
  published: z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
  severity: z.enum(CYBER_SEVERITIES),
  /** May be empty: some alerts name no CVE. */
  cves: z.array(CveIdSchema),
  affected: z.array(AffectedEntrySchema).min(1),
  /** Plain English: what to do (the issuer's fix, in our words). */
  remedy: z.string().min(1),
  link: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }),
});
export type CyberAlert = z.infer<typeof CyberAlertSchema>;
