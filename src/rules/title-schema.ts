/**
 * One title file (rules/titles/<group>.yaml). Field reference: rules/README.md,
 * "Titles". Strict like the lifecycle rules: an unknown key is an error.
 */
import { z } from 'zod';
import { SoftwareSourceSchema } from '../contract/report.js';
import { Regex, SourceSchema } from './lifecycle-schema.js';

const ProductId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'product ids are kebab-case' });

export const TitleMatchSchema = z
  .strictObject({
    name: Regex.optional(),
    vendor: Regex.optional(),
    purl: Regex.optional(),
    /** Beside another field: tested against the raw version (a Parallels launcher's "Windows XP"). */
    version: Regex.optional(),
    sources: z.array(SoftwareSourceSchema).min(1).optional(),
    /** With `product`: a dpkg/rpm/apk package from the vendor's own repository follows the product, not the OS. */
    upstream: z.boolean().optional(),
  })
  .refine((m) => m.name !== undefined || m.vendor !== undefined || m.purl !== undefined, { error: 'a match entry needs name, vendor or purl' });

export const TitleEntrySchema = z
  .strictObject({
    title: z.string().min(1),
    publisher: z.string().min(1),
    match: z.array(TitleMatchSchema).min(1),
    /** The items are this lifecycle product under another name. */
    product: ProductId.optional(),
    /** The items are a component of this lifecycle product's release, or of the OS (`os`). */
    partOf: ProductId.optional(),
    /** The publisher publishes no support policy: why, in one line. */
    noLifecycle: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .refine((t) => [t.product, t.partOf, t.noLifecycle].filter((v) => v !== undefined).length === 1, {
    error: 'a title needs exactly one of product, partOf, noLifecycle',
  });
export type TitleEntry = z.infer<typeof TitleEntrySchema>;

export const TitleFileSchema = z.strictObject({
  /** Where the grouping facts come from (a vendor page, a captured inventory). */
  source: SourceSchema.optional(),
  notes: z.string().min(1).optional(),
  titles: z.array(TitleEntrySchema).min(1),
});
export type TitleFile = z.infer<typeof TitleFileSchema>;
