/**
 * Alerts as JSON: the triage list, one alert, and the triage actions. Every
 * signed-in role reads; admins and security leads act; a Clinical Safety
 * Officer may add notes (clinical context) but not change an alert's status.
 * A trust's person sees and acts on their trust's alerts only: another
 * trust's alert is answered as absent (404).
 */
import { onePage } from '../page-range.js';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { SEVERITIES } from '../../alerts/alert-rule-schema.js';
import { bulkTriage, BulkTriageSchema, type BulkTriage } from '../../alerts/bulk-triage.js';
import { knownExploitedRules, withKnownExploited, type KnownExploitedRules } from '../../alerts/known-exploited-rules.js';
import {
  acknowledgeAlert, addAlertNote, AssignRequestSchema, assignAlert, NoteRequestSchema, reopenAlert, resolveAlert,
  ResolveRequestSchema, suppressAlert, suppressRequestSchema, type TriageActor,
} from '../../alerts/triage.js';
import { ALERT_SORT_KEYS, ALERT_STATUSES, getAlert, listAlerts, SEARCH_MIN_CHARS, type AlertFilter } from '../../store/alert-queries.js';
import { sortParam } from '../sort-param.js';
import type { Role } from '../../store/users.js';
import type { HubEnv } from '../deps.js';
import { forbidden, notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { IdSchema, PagedQuerySchema, scopeOf, SearchTextSchema } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';

export const TRIAGE_ROLES: readonly Role[] = ['admin', 'security-lead'];
export const NOTE_ROLES: readonly Role[] = [...TRIAGE_ROLES, 'cso'];

const BODY_LIMIT = 16 * 1024;

/** "critical,high" or repeated parameters, as a list. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean), z.array(z.enum(values)).min(1));
const Days = z.coerce.number().int().min(0).max(3650);

/** Shared by the API and the alerts page, so both filter alike. */
export const AlertQuerySchema = z.strictObject({
  severity: listOf(SEVERITIES).optional(),
  status: listOf(ALERT_STATUSES).optional(),
  ruleId: z.string().trim().min(1).max(100).optional(),
  assetId: IdSchema.optional(),
  olderThanDays: Days.optional(),
  newerThanDays: Days.optional(),
  q: SearchTextSchema.optional(),
  acceptedRisk: z.enum(['only', 'exclude']).optional(),
  /** Alerts assigned to this person; `mine=1`: to the reader. */
  assignee: z.string().trim().min(1).max(100).optional(),
  mine: z.enum(['1']).optional(),
  sort: sortParam(ALERT_SORT_KEYS).optional(),
  ...PagedQuerySchema.shape,
}).refine((q) => q.q === undefined || q.assetId !== undefined || q.q.length >= SEARCH_MIN_CHARS, {
  path: ['q'],
  error: `search for at least ${SEARCH_MIN_CHARS} characters (or within one asset)`,
});
export type AlertQuery = z.output<typeof AlertQuerySchema>;

/**
 * The store's filter for a query as this reader asks it: their trust, `mine` as their own
 * username, and the known-exploited rules' alerts first unless a column sort is chosen.
 */
export function alertFilter(c: Context<HubEnv>, q: AlertQuery): Omit<AlertFilter, 'limit' | 'offset'> {
  const { mine, page: _page, pageSize: _size, organisation: _org, ...rest } = q;
  const firstRuleIds = [...ruleMarks(c).keys()];
  return { ...rest, assignee: mine ? currentSession(c).user.username : q.assignee, org: scopeOf(c, q), now: c.var.deps.now(), firstRuleIds };
}

/** The alert rules the KEV catalogue in force marks known exploited (read per request: a newer catalogue may arrive). */
export function ruleMarks(c: Context<HubEnv>): KnownExploitedRules {
  return knownExploitedRules(c.var.deps.alertRules, c.var.deps.kev);
}

const MULTI = new Set(['severity', 'status']);

/** The query string with empty values dropped (a form's "any"), lists kept as lists and single parameters as strings. */
export function alertQueryParams(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, all] of Object.entries(c.req.queries())) {
    const values = all.filter((v) => v !== '');
    if (values.length) out[k] = MULTI.has(k) || values.length > 1 ? values : (values[0] as string);
  }
  return out;
}

export function triageActor(c: Context<HubEnv>): TriageActor {
  const { db, now, alertRules, config } = c.var.deps;
  const { user } = currentSession(c);
  return { db, now: now(), username: user.username, org: user.organisationId, suppression: { rules: alertRules, capDays: config.suppressCapDays } };
}

/** A CSO may add notes in bulk, as on one alert; the other moves are triage's. */
export function refuseBulkMove(c: Context<HubEnv>, req: BulkTriage): void {
  if (req.action !== 'note' && !TRIAGE_ROLES.includes(currentSession(c).user.role)) throw forbidden();
}

const alertId = (c: Context) => parseOrThrow(IdSchema, c.req.param('id'));
const body = async <S extends z.ZodType>(c: Context, schema: S) => parseOrThrow(schema, await readJsonBody(c, BODY_LIMIT));

export const alertsApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/alerts', requireRole())
  .use('/api/v1/alerts/*', requireRole())
  .get('/api/v1/alerts', (c) => {
    const q = parseOrThrow(AlertQuerySchema, alertQueryParams(c));
    const { total, more, rows } = onePage(q, (at) => listAlerts(c.var.deps.db, { ...alertFilter(c, q), ...at }));
    const marks = ruleMarks(c);
    return c.json({ total, more, rows: rows.map((r) => withKnownExploited(r, marks)), page: q.page, pageSize: q.pageSize });
  })
  .get('/api/v1/alerts/:id', (c) => {
    const id = alertId(c);
    const alert = getAlert(c.var.deps.db, id, c.var.deps.now(), currentSession(c).user.organisationId);
    if (!alert) throw notFound(`alert ${id}`);
    return c.json(withKnownExploited(alert, ruleMarks(c)));
  })
  .post('/api/v1/alerts/bulk', requireRole(...NOTE_ROLES), async (c) => {
    const req = await body(c, BulkTriageSchema);
    refuseBulkMove(c, req);
    return c.json(bulkTriage(triageActor(c), req));
  })
  .post('/api/v1/alerts/:id/acknowledge', requireRole(...TRIAGE_ROLES), (c) => c.json(acknowledgeAlert(triageActor(c), alertId(c))))
  .post('/api/v1/alerts/:id/assign', requireRole(...TRIAGE_ROLES), async (c) => {
    const { assignee } = await body(c, AssignRequestSchema);
    return c.json(assignAlert(triageActor(c), alertId(c), assignee));
  })
  .post('/api/v1/alerts/:id/notes', requireRole(...NOTE_ROLES), async (c) => {
    const { text } = await body(c, NoteRequestSchema);
    return c.json(addAlertNote(triageActor(c), alertId(c), text), 201);
  })
  .post('/api/v1/alerts/:id/resolve', requireRole(...TRIAGE_ROLES), async (c) => {
    // The body is optional here: a bare POST resolves without a note.
    const raw = c.req.header('content-length') === '0' || !c.req.raw.body ? {} : await readJsonBody(c, BODY_LIMIT);
    const { note } = parseOrThrow(ResolveRequestSchema, raw);
    return c.json(resolveAlert(triageActor(c), alertId(c), note));
  })
  .post('/api/v1/alerts/:id/suppress', requireRole(...TRIAGE_ROLES), async (c) => {
    const req = await body(c, suppressRequestSchema(c.var.deps.now()));
    return c.json(suppressAlert(triageActor(c), alertId(c), req));
  })
  .post('/api/v1/alerts/:id/reopen', requireRole(...TRIAGE_ROLES), (c) => c.json(reopenAlert(triageActor(c), alertId(c))));
