/** The estate as JSON for people's tools: summary, assets, software versions, the unmatched queue. */
import { Hono } from 'hono';
import { assetItems } from '../../estate/asset-items.js';
import { liveMeasures, measureShare } from '../../report/headline-measures.js';
import { getAsset, listAssetDevices, listAssetHistory, listAssetInstalls } from '../../store/asset-queries.js';
import { estateSummary, listUnmatched, osBreakdown } from '../../store/estate-queries.js';
import type { HubEnv } from '../deps.js';
import { notFound, parseOrThrow } from '../errors.js';
import { findAssets, findSoftware } from '../estate-lists.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { AssetQuerySchema, IdSchema, nonEmpty, PagedQuerySchema, scopeOf, ScopeQuerySchema, SoftwareQuerySchema } from '../query-schemas.js';
import { onePage } from '../page-range.js';

export const estateApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/estate/*', requireRole())
  .get('/api/v1/estate/summary', (c) => {
    const { db, evaluator } = c.var.deps;
    const org = scopeOf(c, parseOrThrow(ScopeQuerySchema, nonEmpty(c.req.query())));
    const summary = estateSummary(db, org);
    // The headline measure and the one beside it, as the summary page and the board report define them.
    const { assets, supportedOnly, supportedOs } = liveMeasures(summary);
    const shares = { supportedOnlyPercent: measureShare(supportedOnly, assets), supportedOsPercent: measureShare(supportedOs, assets) };
    return c.json({ asOf: evaluator.asOf(), ...summary, ...shares, operatingSystems: osBreakdown(db, org) });
  })
  .get('/api/v1/estate/assets', (c) => {
    const q = parseOrThrow(AssetQuerySchema, nonEmpty(c.req.query()));
    return c.json({ ...findAssets(c, q), page: q.page, pageSize: q.pageSize });
  })
  .get('/api/v1/estate/assets/:id', (c) => {
    const { db } = c.var.deps;
    const id = parseOrThrow(IdSchema, c.req.param('id'));
    const asset = getAsset(db, id, currentSession(c).user.organisationId);
    if (!asset) throw notFound(`asset ${id}`);
    return c.json({ ...asset, software: assetItems(asset, listAssetInstalls(db, id)), devices: listAssetDevices(db, id), history: listAssetHistory(db, id, 100) });
  })
  .get('/api/v1/estate/software', (c) => {
    const q = parseOrThrow(SoftwareQuerySchema, nonEmpty(c.req.query()));
    return c.json({ ...findSoftware(c, q), page: q.page, pageSize: q.pageSize });
  })
  .get('/api/v1/estate/unmatched', (c) => {
    const q = parseOrThrow(PagedQuerySchema, nonEmpty(c.req.query()));
    return c.json({ ...onePage(q, (at) => listUnmatched(c.var.deps.db, scopeOf(c, q), at)), page: q.page, pageSize: q.pageSize });
  });
