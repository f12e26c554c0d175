/**
 * The two shapes endoflife.date data arrives in, checked before anything is
 * generated from them: a product file of the snapshot folder (the layout of
 * ../shared/data/endoflife, README there) and the API v1 `products/full`
 * export (https://endoflife.date/api/v1/products/full). Unknown keys are
 * allowed: upstream adds fields, and a field we do not read cannot mislead.
 */
import { z } from 'zod';
import { DateValueSchema } from '../rules/lifecycle-schema.js';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9.+_-]*$/, { error: 'expected an endoflife.date product slug' });
const Day = z.iso.date();
const Identifier = z.object({ type: z.string(), id: z.string() });

export const EolSnapshotProductSchema = z.object({
  product: Slug,
  title: z.string().min(1),
  category: z.string(),
  permalink: z.url(),
  sourceCommit: z.string().regex(/^[0-9a-f]{40}$/, { error: 'expected the 40-hex endoflife.date commit' }),
  sourceCommitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: 'expected the commit date, YYYY-MM-DD…' }),
  identifiers: z.array(Identifier).nullish(),
  columns: z.record(z.string(), z.union([z.string(), z.boolean()])).nullish(),
  releases: z.array(z.object({
    cycle: z.string().min(1),
    label: z.string().optional(),
    releaseDate: Day.nullable(),
    support: DateValueSchema,
    eol: DateValueSchema,
    extendedSupport: DateValueSchema,
    latest: z.string().nullish(),
    latestReleaseDate: Day.nullish(),
  })),
});

// Real exports carry an empty name where upstream knows no latest version: read as none.
const ApiLatest = z.object({ name: z.string(), date: Day.nullable() }).nullable();

const ApiRelease = z.object({
  name: z.string().min(1),
  label: z.string().nullish(),
  releaseDate: Day.nullable(),
  isEoas: z.boolean().optional(),
  eoasFrom: Day.nullish(),
  isEol: z.boolean(),
  eolFrom: Day.nullish(),
  isEoes: z.boolean().nullish(),
  eoesFrom: Day.nullish(),
  latest: ApiLatest.optional(),
});

export const EolApiV1Schema = z.object({
  schema_version: z.string().regex(/^1\./, { error: 'expected an API v1 export (schema_version 1.x)' }),
  generated_at: z.iso.datetime({ offset: true }),
  result: z.array(z.object({
    name: Slug,
    label: z.string().min(1),
    category: z.string(),
    identifiers: z.array(Identifier).nullish(),
    labels: z.object({ eoas: z.string().nullable(), eol: z.string().nullable(), eoes: z.string().nullable() }),
    links: z.object({ html: z.url() }),
    releases: z.array(ApiRelease),
  })).min(1, { error: 'holds no products' }),
});
export type EolApiV1 = z.infer<typeof EolApiV1Schema>;
export type EolApiRelease = z.infer<typeof ApiRelease>;
