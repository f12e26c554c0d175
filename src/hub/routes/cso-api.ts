/**
 * The hazard log and the action list as JSON, and the actions as CSV. Every
 * signed-in role reads; the CSO, security leads and admins write; only the CSO
 * rates residual risk (the DCB0160 sign-off); the board changes nothing.
 * There is no DELETE: hazards are closed, actions cancelled. A trust's person
 * reads and changes only their trust's records (another's answer 404); an
 * ICS-wide person every trust's, and may narrow a list with ?organisation=.
 */
import { onePage } from '../page-range.js';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { addActionNote, createAction, getActionDetail, setActionStatus, updateActionFields } from '../../cso/action-list.js';
import { ActionCreateSchema, ActionNoteRequestSchema, ActionPatchSchema, ActionStatusRequestSchema } from '../../cso/action-schemas.js';
import { trustToday, type CsoActor } from '../../cso/cso-actor.js';
import { changeHazardLink, createHazard, getHazardDetail, raiseHazardFromAlert, setHazardStatus, toHazardView, updateHazardFields } from '../../cso/hazard-log.js';
import {
  HazardCreateSchema, HazardLinkRequestSchema, HazardPatchSchema, HazardStatusRequestSchema, RaiseHazardRequestSchema, ResidualRiskRequestSchema,
} from '../../cso/hazard-schemas.js';
import { setResidualRisk } from '../../cso/residual-risk.js';
import { ACTION_SORT_KEYS, ACTION_STATUSES, listActions, type ActionFilter } from '../../store/actions.js';
import { HAZARD_SORT_KEYS, HAZARD_STATUSES, listHazards } from '../../store/hazards.js';
import { sortParam } from '../sort-param.js';
import type { OrgScope } from '../../store/organisations.js';
import type { Role } from '../../store/users.js';
import type { HubEnv } from '../deps.js';
import { parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { IdSchema, PagedQuerySchema, scopeOf, SearchTextSchema } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';
import { alertQueryParams } from './alerts-api.js';

export const HAZARD_ROLES: readonly Role[] = ['admin', 'security-lead', 'cso'];
/** The residual risk is the Clinical Safety Officer's judgement and nobody else's. */
export const RESIDUAL_ROLES: readonly Role[] = ['cso'];

const BODY_LIMIT = 16 * 1024;

/** "open,transferred" or repeated parameters, as a list. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean), z.array(z.enum(values)).min(1));
const Flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const Username = z.string().trim().min(1).max(100);

/** Shared by the API and the hazard log page. */
export const HazardQuerySchema = z.strictObject({
  status: listOf(HAZARD_STATUSES).optional(),
  owner: Username.optional(),
  reratingDue: Flag.optional(),
  q: SearchTextSchema.optional(),
  sort: sortParam(HAZARD_SORT_KEYS).optional(),
  ...PagedQuerySchema.shape,
});
export type HazardQuery = z.output<typeof HazardQuerySchema>;

/** Shared by the API, the CSV export and the actions page. `mine=1` is the signed-in person's actions. */
export const ActionQuerySchema = z.strictObject({
  status: listOf(ACTION_STATUSES).optional(),
  owner: Username.optional(),
  mine: Flag.optional(),
  overdue: Flag.optional(),
  hazardId: IdSchema.optional(),
  sort: sortParam(ACTION_SORT_KEYS).optional(),
  ...PagedQuerySchema.shape,
});
export type ActionQuery = z.output<typeof ActionQuerySchema>;

/** The store filter for a query: "mine" wins over an owner named in the same query. */
export function actionFilter(c: Context<HubEnv>, q: ActionQuery): Omit<ActionFilter, 'limit' | 'offset'> {
  const owner = q.mine ? currentSession(c).user.username : q.owner;
  return { status: q.status, owner, overdue: q.overdue, hazardId: q.hazardId, sort: q.sort, today: trustToday(c.var.deps.now()), org: scopeOf(c, q) };
}

export function csoActor(c: Context<HubEnv>): CsoActor {
  const { db, now } = c.var.deps;
  const { user } = currentSession(c);
  return { db, now: now(), username: user.username, organisationId: user.organisationId };
}

/** The trusts whose records the reader reaches by id (a hazard, an action): theirs, or every one for an ICS-wide person. */
export const readerScope = (c: Context<HubEnv>): OrgScope => currentSession(c).user.organisationId;

const idOf = (c: Context) => parseOrThrow(IdSchema, c.req.param('id'));
const body = async <S extends z.ZodType>(c: Context, schema: S) => parseOrThrow(schema, await readJsonBody(c, BODY_LIMIT));
const write = requireRole(...HAZARD_ROLES);

const hazardRoutes = new Hono<HubEnv>()
  .get('/api/v1/hazards', (c) => {
    const q = parseOrThrow(HazardQuerySchema, alertQueryParams(c));
    const { total, rows } = onePage(q, (at) => listHazards(c.var.deps.db, { ...q, ...at, org: scopeOf(c, q) }));
    return c.json({ total, rows: rows.map(toHazardView), page: q.page, pageSize: q.pageSize });
  })
  .post('/api/v1/hazards', write, async (c) => c.json(createHazard(csoActor(c), await body(c, HazardCreateSchema)), 201))
  .get('/api/v1/hazards/:id', (c) => c.json(getHazardDetail(c.var.deps.db, idOf(c), readerScope(c), c.var.deps.now())))
  .patch('/api/v1/hazards/:id', write, async (c) => c.json(updateHazardFields(csoActor(c), idOf(c), await body(c, HazardPatchSchema))))
  .post('/api/v1/hazards/:id/status', write, async (c) => c.json(setHazardStatus(csoActor(c), idOf(c), (await body(c, HazardStatusRequestSchema)).status)))
  .post('/api/v1/hazards/:id/links', write, async (c) => c.json(changeHazardLink(csoActor(c), idOf(c), await body(c, HazardLinkRequestSchema))))
  .post('/api/v1/hazards/:id/residual-risk', requireRole(...RESIDUAL_ROLES), async (c) =>
    c.json(setResidualRisk(csoActor(c), idOf(c), await body(c, ResidualRiskRequestSchema))))
  .post('/api/v1/alerts/:id/raise-hazard', write, async (c) => c.json(raiseHazardFromAlert(csoActor(c), idOf(c), await body(c, RaiseHazardRequestSchema), c.var.deps.alertRules), 201));

const actionRoutes = new Hono<HubEnv>()
  .get('/api/v1/actions', (c) => {
    const q = parseOrThrow(ActionQuerySchema, alertQueryParams(c));
    return c.json({ ...onePage(q, (at) => listActions(c.var.deps.db, { ...actionFilter(c, q), ...at })), page: q.page, pageSize: q.pageSize });
  })
  .post('/api/v1/actions', write, async (c) => c.json(createAction(csoActor(c), await body(c, ActionCreateSchema)), 201))
  .get('/api/v1/actions/:id', (c) => c.json(getActionDetail(c.var.deps.db, idOf(c), readerScope(c), c.var.deps.now())))
  .patch('/api/v1/actions/:id', write, async (c) => c.json(updateActionFields(csoActor(c), idOf(c), await body(c, ActionPatchSchema))))
  .post('/api/v1/actions/:id/status', write, async (c) => c.json(setActionStatus(csoActor(c), idOf(c), await body(c, ActionStatusRequestSchema))))
  .post('/api/v1/actions/:id/notes', write, async (c) => c.json(addActionNote(csoActor(c), idOf(c), (await body(c, ActionNoteRequestSchema)).text), 201));

export const csoApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/hazards', requireRole())
  .use('/api/v1/hazards/*', requireRole())
  .use('/api/v1/actions', requireRole())
  .use('/api/v1/actions.csv', requireRole())
  .use('/api/v1/actions/*', requireRole())
  .use('/api/v1/alerts/:id/raise-hazard', requireRole())
  .route('/', hazardRoutes)
  .route('/', actionRoutes);
