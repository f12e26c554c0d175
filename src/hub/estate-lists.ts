/** One page of the assets or software list a query asks for, alike for the API and the pages; a page past the last is refused. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { softwareSearch } from '../estate/software-search.js';
import { listAssets } from '../store/asset-queries.js';
import { listSoftwareVersions } from '../store/estate-queries.js';
import type { HubEnv } from './deps.js';
import { onePage } from './page-range.js';
import { scopeOf, type AssetQuerySchema, type SoftwareQuerySchema } from './query-schemas.js';

export function findAssets(c: Context<HubEnv>, q: z.output<typeof AssetQuerySchema>) {
  return onePage(q, (at) => listAssets(c.var.deps.db, { ...q, org: scopeOf(c, q), ...at }));
}

export function findSoftware(c: Context<HubEnv>, q: z.output<typeof SoftwareQuerySchema>) {
  const { db, evaluator } = c.var.deps;
  return onePage(q, (at) => listSoftwareVersions(db, scopeOf(c, q), { ...softwareSearch(evaluator.rules, q), ...at }));
}
