/**
 * The triage pages: the alert list (GET /alerts), one alert (GET /alerts/:id)
 * and its action forms (POST /alerts/:id/<action>), which redirect back to the
 * alert. Roles, rules and trust scope are the API's (hub/routes/alerts-api.ts).
 */
import { formLimit } from './form-limit.js';
import { Hono, type Context } from 'hono';
import { bulkTriage, BulkTriageSchema, MAX_BULK_ALERTS } from '../alerts/bulk-triage.js';
import { z } from 'zod';
import {
  acknowledgeAlert, addAlertNote, AssignRequestSchema, assignAlert, NoteRequestSchema, reopenAlert, resolveAlert,
  ResolveRequestSchema, suppressAlert, suppressionLimit, suppressRequestSchema, type TriageActor,
} from '../alerts/triage.js';
import { formatPath } from '../contract/report.js';
import type { HubEnv } from '../hub/deps.js';
import { notFound, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { IdSchema, scopeOf } from '../hub/query-schemas.js';
import { alertFilter, AlertQuerySchema, alertQueryParams, NOTE_ROLES, refuseBulkMove, ruleMarks, TRIAGE_ROLES, triageActor, type AlertQuery } from '../hub/routes/alerts-api.js';
import { withKnownExploited } from '../alerts/known-exploited-rules.js';
import { alertCounts, countOverdueAlerts, findAlert, getAlert, listAlertRuleIds, listAlerts, type AlertFilter } from '../store/alert-queries.js';
import { SEVERITIES, type Severity } from '../alerts/alert-rule-schema.js';
import { onePage } from '../hub/page-range.js';
import { trustsShown } from './trusts-shown.js';
import { FORM_LIMIT } from './form-limit.js';
import { formToken } from './page-routes.js';
import { AlertPage } from './pages/alert-page.js';
import type { FormRefusal } from './form-refusal.js';
import { submitForm } from './submit-form.js';
import { AlertsPage, type BulkNotice } from './pages/alerts-page.js';

const NoFields = z.strictObject({});

/** The alert's page; with a refusal, the refused form shows why and keeps what was typed (also the hazard routes' raise-hazard form). */
export function renderAlert(c: Context<HubEnv>, id: number, refusal?: FormRefusal, status: 200 | 400 | 409 = 200) {
  const { db, now, alertRules } = c.var.deps;
  const session = currentSession(c);
  const alert = getAlert(db, id, now(), session.user.organisationId);
  if (!alert) throw notFound(`alert ${id}`);
  const rule = alertRules.find((r) => r.id === alert.ruleId);
  const suppressLimit = suppressionLimit(alert, triageActor(c).suppression, now());
  const marked = withKnownExploited(alert, ruleMarks(c));
  return c.html(<AlertPage session={session} alert={marked} rule={rule} now={now()} refusal={refusal} showTrust={trustsShown(c).length > 0} suppressLimit={suppressLimit} />, status);
}

/**
 * Runs an alert form's action and returns to the alert; a bad field, or a
 * value only the domain can judge (a suppression past its cap, an unknown
 * assignee), re-shows the alert with the message beside that form and what
 * was typed kept, and a 400 (409 for a rule): never a dead end.
 */
function handleForm<S extends z.ZodType>(c: Context<HubEnv>, schema: S, run: (actor: TriageActor, id: number, value: z.output<S>) => unknown, done: string) {
  const id = parseOrThrow(IdSchema, c.req.param('id'));
  return submitForm(c, (refusal, status) => renderAlert(c, id, refusal, status), (typed) => {
    run(triageActor(c), id, parseOrThrow(schema, typed));
    return { to: `/alerts/${id}`, message: `Alert #${id} ${done}.` };
  });
}

const act = requireRole(...TRIAGE_ROLES);

/** Up to 500 ids and a note: larger than one alert's form. */
const BULK_FORM_LIMIT = formLimit(64 * 1024);

function renderList(c: Context<HubEnv>, q: AlertQuery, outcome?: BulkNotice, status: 200 | 400 = 200) {
  const { db, now, alertRules } = c.var.deps;
  const org = scopeOf(c, q);
  const filter = alertFilter(c, q);
  const { total, more, rows, bySeverity } = onePage(q, (at) => listAlerts(db, { ...filter, ...at }));
  const marks = ruleMarks(c);
  const page = (
    <AlertsPage session={currentSession(c)} filter={q} total={total} more={more} rows={rows.map((r) => withKnownExploited(r, marks))} counts={alertCounts(db, { org })} filteredCounts={filteredCounts(c, filter, bySeverity)}
      overdue={countOverdueAlerts(db, now(), org)} ruleIds={listAlertRuleIds(db, org)} ruleTitles={new Map(alertRules.map((r) => [r.id, r.title]))}
      showTrust={trustsShown(c).length > 0} outcome={outcome} />
  );
  return c.html(page, status);
}

/**
 * With filters beyond severity and status, what each severity card would list:
 * a search's own count of each severity it listed, else one count each (the
 * kept counts cannot say).
 */
function filteredCounts(c: Context<HubEnv>, f: Omit<AlertFilter, 'limit' | 'offset'>, searched: Partial<Record<Severity, number>> = {}): Record<Severity, number> | undefined {
  // The known-exploited rules only order the list; they filter nothing.
  const { severity: _s, status: _st, org: _o, now: _n, firstRuleIds: _k, ...others } = f;
  if (Object.values(others).every((v) => v === undefined)) return undefined;
  return Object.fromEntries(SEVERITIES.map((s) => [s, searched[s] ?? listAlerts(c.var.deps.db, { ...f, severity: [s], limit: 0, offset: 0 }).total])) as Record<Severity, number>;
}

/**
 * The alerts list's bulk form: the ticked alerts, or every alert the filter
 * lists (scope=filter, up to 500). "Request an exception" opens the request
 * form with their machines and rules; the other moves are done one by one
 * (bulk-triage.ts), and the list comes back with what was done and what was refused.
 */
async function handleBulk(c: Context<HubEnv>) {
  const form = await c.req.parseBody({ all: true });
  const back = parseOrThrow(AlertQuerySchema, Object.fromEntries(new URLSearchParams(String(form.back ?? '')).entries()));
  const ids = form.scope === 'filter' ? filteredIds(c, back) : [form.ids ?? []].flat().map(Number);
  if (form.action === 'exception') return c.redirect(exceptionRequestFor(c, ids), 303);
  // The form has every move's fields; each move takes its own.
  const fields = form.action === 'assign' ? { assignee: form.assignee } : form.action === 'note' ? { text: form.text } : {};
  const parsed = BulkTriageSchema.safeParse({ action: form.action, ids, ...fields });
  if (!parsed.success) return renderList(c, back, { error: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ') }, 400);
  refuseBulkMove(c, parsed.data);
  return renderList(c, back, { action: parsed.data.action, ...bulkTriage(triageActor(c), parsed.data) });
}

function filteredIds(c: Context<HubEnv>, q: AlertQuery): number[] {
  return listAlerts(c.var.deps.db, { ...alertFilter(c, q), limit: MAX_BULK_ALERTS, offset: 0 }).rows.map((r) => r.id);
}

/** The exception request form, prefilled with the alerts' machines and rules (estate-wide alerts have no machine to name). */
function exceptionRequestFor(c: Context<HubEnv>, ids: readonly number[]): string {
  const { db, now } = c.var.deps;
  const org = currentSession(c).user.organisationId;
  const alerts = ids.map((id) => findAlert(db, id, now(), org)).filter((a) => a !== undefined);
  const hostnames = [...new Set(alerts.flatMap((a) => (a.hostname === null ? [] : [a.hostname])))];
  const rules = [...new Set(alerts.map((a) => a.ruleId))];
  return `/exceptions?${new URLSearchParams({ hostname: hostnames.join(','), rule: rules.join(',') })}#request`;
}

export const alertRoutes = new Hono<HubEnv>()
  .use('/alerts', requireRole())
  .use('/alerts/*', requireRole())
  .get('/alerts', (c) => renderList(c, parseOrThrow(AlertQuerySchema, alertQueryParams(c))))
  .post('/alerts/bulk', BULK_FORM_LIMIT, requireRole(...NOTE_ROLES), formToken, (c) => handleBulk(c))
  .get('/alerts/:id', (c) => renderAlert(c, parseOrThrow(IdSchema, c.req.param('id'))))
  .post('/alerts/:id/acknowledge', FORM_LIMIT, act, formToken, (c) => handleForm(c, NoFields, (a, id) => acknowledgeAlert(a, id), 'acknowledged'))
  .post('/alerts/:id/assign', FORM_LIMIT, act, formToken, (c) => handleForm(c, AssignRequestSchema, (a, id, v) => assignAlert(a, id, v.assignee), 'assigned'))
  .post('/alerts/:id/notes', FORM_LIMIT, requireRole(...NOTE_ROLES), formToken, (c) => handleForm(c, NoteRequestSchema, (a, id, v) => addAlertNote(a, id, v.text), 'has your note'))
  .post('/alerts/:id/resolve', FORM_LIMIT, act, formToken, (c) => handleForm(c, ResolveRequestSchema, (a, id, v) => resolveAlert(a, id, v.note), 'resolved'))
  .post('/alerts/:id/suppress', FORM_LIMIT, act, formToken, (c) => handleForm(c, suppressRequestSchema(c.var.deps.now()), (a, id, v) => suppressAlert(a, id, v), 'suppressed'))
  .post('/alerts/:id/reopen', FORM_LIMIT, act, formToken, (c) => handleForm(c, NoFields, (a, id) => reopenAlert(a, id), 'reopened'));
