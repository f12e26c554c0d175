/**
 * Every list as CSV, filtered exactly as its page and JSON API are (the same
 * query schema), whole rather than one page, and formula-safe: alerts,
 * actions, hazards, exceptions, devices, assets, software versions and the
 * unmatched queue. Who may read
 * the list may export it; a trust's person gets their trust's rows only.
 */
import { Hono } from 'hono';
import { ACTION_COLUMNS, ALERT_COLUMNS, ASSET_COLUMNS, DEVICE_COLUMNS, EXCEPTION_COLUMNS, HAZARD_COLUMNS, SOFTWARE_COLUMNS, UNMATCHED_COLUMNS } from '../../export/list-columns.js';
import { softwareSearch } from '../../estate/software-search.js';
import { listAssets } from '../../store/asset-queries.js';
import { listActions } from '../../store/actions.js';
import { listAlerts } from '../../store/alert-queries.js';
import { listSoftwareVersions, listUnmatched } from '../../store/estate-queries.js';
import { listExceptions } from '../../store/exceptions.js';
import { listHazards } from '../../store/hazards.js';
import { listDevices } from '../../store/registered-devices.js';
import { csvResponse, EXPORT_ROWS } from '../csv-response.js';
import type { HubEnv } from '../deps.js';
import { parseOrThrow } from '../errors.js';
import { requireRole } from '../middleware/session.js';
import { AssetQuerySchema, nonEmpty, PagedQuerySchema, scopeOf, SoftwareQuerySchema } from '../query-schemas.js';
import { alertFilter, AlertQuerySchema, alertQueryParams } from './alerts-api.js';
import { ActionQuerySchema, actionFilter, HazardQuerySchema } from './cso-api.js';
import { DeviceQuerySchema, todayOf } from './devices-api.js';
import { ExceptionQuerySchema } from './exceptions-api.js';

export const exportsApiRoutes = new Hono<HubEnv>()
  .get('/api/v1/alerts.csv', requireRole(), (c) => {
    const q = parseOrThrow(AlertQuerySchema, alertQueryParams(c));
    return csvResponse(c, 'alerts', ALERT_COLUMNS, listAlerts(c.var.deps.db, { ...alertFilter(c, q), ...EXPORT_ROWS }).rows);
  })
  .get('/api/v1/actions.csv', requireRole(), (c) => {
    const q = parseOrThrow(ActionQuerySchema, alertQueryParams(c));
    return csvResponse(c, 'actions', ACTION_COLUMNS, listActions(c.var.deps.db, { ...actionFilter(c, q), ...EXPORT_ROWS }).rows);
  })
  .get('/api/v1/hazards.csv', requireRole(), (c) => {
    const q = parseOrThrow(HazardQuerySchema, alertQueryParams(c));
    return csvResponse(c, 'hazards', HAZARD_COLUMNS, listHazards(c.var.deps.db, { ...q, org: scopeOf(c, q), ...EXPORT_ROWS }).rows);
  })
  .get('/api/v1/exceptions.csv', requireRole(), (c) => {
    const q = parseOrThrow(ExceptionQuerySchema, nonEmpty(c.req.query()));
    return csvResponse(c, 'exceptions', EXCEPTION_COLUMNS, listExceptions(c.var.deps.db, { status: q.status, sort: q.sort, org: scopeOf(c, q), ...EXPORT_ROWS }).rows);
  })
  .get('/api/v1/devices.csv', requireRole(), (c) => {
    const q = parseOrThrow(DeviceQuerySchema, nonEmpty(c.req.query()));
    const { kind, site, status, retained, sort } = q;
    return csvResponse(c, 'devices', DEVICE_COLUMNS, listDevices(c.var.deps.db, scopeOf(c, q), { kind, site, status, retained, sort, ...EXPORT_ROWS }, todayOf(c)).rows);
  })
  .get('/api/v1/estate/assets.csv', requireRole(), (c) => {
    const q = parseOrThrow(AssetQuerySchema, nonEmpty(c.req.query()));
    return csvResponse(c, 'assets', ASSET_COLUMNS, listAssets(c.var.deps.db, { ...q, org: scopeOf(c, q), ...EXPORT_ROWS }).rows);
  })
  .get('/api/v1/estate/software.csv', requireRole(), (c) => {
    const q = parseOrThrow(SoftwareQuerySchema, nonEmpty(c.req.query()));
    const { db, evaluator } = c.var.deps;
    return csvResponse(c, 'software', SOFTWARE_COLUMNS, listSoftwareVersions(db, scopeOf(c, q), { ...softwareSearch(evaluator.rules, q), ...EXPORT_ROWS }).rows);
  })
  .get('/api/v1/estate/unmatched.csv', requireRole(), (c) => {
    const q = parseOrThrow(PagedQuerySchema, nonEmpty(c.req.query()));
    return csvResponse(c, 'unmatched', UNMATCHED_COLUMNS, listUnmatched(c.var.deps.db, scopeOf(c, q), EXPORT_ROWS).rows);
  });
