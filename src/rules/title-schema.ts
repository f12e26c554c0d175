/**
 * One title file (rules/titles/<group>.yaml). Field reference: rules/README.md,
 * "Titles". Strict like the lifecycle rules: an unknown key is an error.
 */
import { z } from 'zod';
import { MatchFieldsSchema, ProductIdSchema as ProductId, SourceSchema } from './lifecycle-schema.js';

/**
 * A lifecycle rule's software match fields: `version` only beside another (a Parallels
 * launcher's "Windows XP"), `upstream` with `product` (a vendor-repository package follows it).
 */
export const TitleMatchSchema = MatchFieldsSchema.omit({ family: true, edition: true })
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
    /** For the people who read the file: why the title is shaped as it is. */
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
