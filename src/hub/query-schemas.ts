/** Query-string schemas shared by the JSON API and the pages, so both filter alike. */
import { z } from 'zod';
import { SUPPORT_STATUSES } from '../lifecycle/verdict.js';
import { isVersionRange } from '../lifecycle/version-range.js';
import { ProductIdSchema } from '../rules/lifecycle-schema.js';
import { ASSET_SORT_KEYS } from '../store/asset-queries.js';
import type { Context } from 'hono';
import type { OrgScope } from '../store/organisations.js';
import type { HubEnv } from './deps.js';
import { currentSession } from './middleware/session.js';
import { sortParam } from './sort-param.js';
import { OrganisationCodeSchema, readingScope } from './owning-organisation.js';

const StatusSchema = z.enum(SUPPORT_STATUSES);
/** An ICS-wide reader may narrow a list to one trust (readingScope). */
const ScopeFields = { organisation: OrganisationCodeSchema.optional() };
const PageFields = { ...ScopeFields, page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) };

/**
 * A search box's text: 1–100 characters, no control characters (a NUL would
 * reach PostgreSQL, which refuses it, as a 500). LIKE wildcards are matched
 * literally by the store (likeText).
 */
export const SearchTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((q) => !/[\u0000-\u001f\u007f]/.test(q), 'control characters (such as NUL) are not allowed in a search');

export const IdSchema = z.coerce.number().int().positive();

/** A semver range over reported versions, read as lifecycle/version-range.ts reads them. */
const VersionRangeSchema = z.string().trim().min(1).max(100).refine(isVersionRange, 'not a semver range (for example <9 or >=8 <9)');
/** Software by what it is: its lifecycle rule's product, and a range of its versions. */
const SoftwareFields = { product: ProductIdSchema.optional(), version: VersionRangeSchema.optional() };

export const AssetQuerySchema = z
  .strictObject({
    osStatus: StatusSchema.optional(),
    anyStatus: StatusSchema.optional(),
    family: z.enum(['windows', 'linux', 'macos', 'other']).optional(),
    q: SearchTextSchema.optional(),
    /** Only the machines carrying this software version (a software row's id). */
    software: IdSchema.optional(),
    ...SoftwareFields,
    sort: sortParam(ASSET_SORT_KEYS).optional(),
    ...PageFields,
  })
  // Every product's versions in one range would say nothing about a machine.
  .refine((f) => f.version === undefined || f.product !== undefined, { path: ['version'], error: 'a version range needs a product' });
/** The software search: `q` is a name or a lifecycle rule's title ("Oracle JDK"). */
export const SoftwareQuerySchema = z.strictObject({ q: SearchTextSchema.optional(), ...SoftwareFields, status: StatusSchema.optional(), ...PageFields });
export const PagedQuerySchema = z.strictObject(PageFields);
export const ScopeQuerySchema = z.strictObject(ScopeFields);

/** Limit and offset for a store query from a page number and size. */
export function paging(p: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
}

/** Drops empty parameters: a form's "any" option sends `osStatus=`. */
export function nonEmpty(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}

/** The trusts a request's reader sees, narrowed to the one its `organisation` names. */
export function scopeOf(c: Context<HubEnv>, q: { organisation?: string }): OrgScope {
  return readingScope(c.var.deps.db, currentSession(c).user, q.organisation);
}
