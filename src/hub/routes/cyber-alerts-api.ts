/**
 * Cyber alerts as JSON (issue 23): the list with each trust's response and
 * the known-exploited mark, one alert with its machines, the national response
 * summary, adding an alert, and a trust's response steps (acknowledge, decide,
 * update, close). Every signed-in role reads; machines, counts and responses
 * are the reader's trust's (or, ICS-wide, every trust's, narrowed by
 * `organisation`). Security leads and admins add and respond, for their own
 * trust (an ICS-wide one names it); every change is audited.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { kevStatus } from '../../cyber/cyber-alert-view.js';
import { CyberAcknowledgeSchema, CyberCloseSchema, CyberDecisionSchema, CyberUpdateSchema } from '../../cyber/cyber-response-schemas.js';
import { nationalResponseSummary, type NationalResponseSummary } from '../../cyber/national-response-summary.js';
import { cannotTellVersions } from '../../cyber/cannot-tell-versions.js';
import { readCyberAlert, readCyberAlertList, type CyberAlertDetail } from '../../cyber/read-cyber-alerts.js';
import { schemesOf } from '../../lifecycle/cyber-applicability.js';
import { findCyberAlert, type CyberAlertRow } from '../../store/cyber-alerts.js';
import type { OrgScope } from '../../store/organisations.js';
import { acknowledgeCyberAlert, closeCyberAlertResponse, decideCyberApplicability, recordCyberUpdate, type CyberResponseTarget } from '../../cyber/respond-to-cyber-alert.js';
import { addCyberAlertInForce } from '../add-cyber-alert-in-force.js';
import type { HubEnv } from '../deps.js';
import { HubError, notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { owningOrganisation } from '../owning-organisation.js';
import { nonEmpty, scopeOf, ScopeQuerySchema } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';
import { TRIAGE_ROLES } from './alerts-api.js';

const ReferenceSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, { error: 'expected a reference such as "CC-4567"' });
/** An alert file is a few kilobytes; a pasted one is refused well before it could hurt. */
const BODY_LIMIT = 64 * 1024;
const AddSchema = z.strictObject({ text: z.string({ error: 'the alert as YAML text, as in a rules/cyber-alerts/ file' }).min(1).max(BODY_LIMIT) });

/** The trusts a read covers: the reader's own, or ICS-wide every trust or the one ?organisation= names. */
export const readerScope = (c: Context<HubEnv>) => scopeOf(c, parseOrThrow(ScopeQuerySchema, nonEmpty(c.req.query())));

/** The alert in the reader's scope, or 404. */
export function mustReadCyberAlert(c: Context<HubEnv>, reference: string): CyberAlertDetail {
  const { db, now, kev } = c.var.deps;
  const detail = readCyberAlert(db, parseOrThrow(ReferenceSchema, reference), readerScope(c), now(), kev);
  if (!detail) throw notFound(`cyber alert ${reference}`);
  return detail;
}

/** Which trust's response a step is on: the person's own, or the one an ICS-wide person names. */
export function responseTarget(c: Context<HubEnv>, reference: string, organisation: string | undefined): CyberResponseTarget {
  const { db } = c.var.deps;
  const organisationId = owningOrganisation(db, currentSession(c).user, organisation);
  const row = findCyberAlert(db, parseOrThrow(ReferenceSchema, reference), organisationId);
  if (!row) throw notFound(`cyber alert ${reference}`);
  return { cyberAlertId: row.id, organisationId, reference: row.reference };
}

/** The installs of versions the alert names that cannot be placed against its ranges, in this scope. */
export const cannotTellOf = (c: Context<HubEnv>, row: CyberAlertRow, org: OrgScope) => cannotTellVersions(c.var.deps.db, row.definition, schemesOf(c.var.deps.evaluator.rules), org);

/** Who and when a step is taken, with the update interval in force. */
export const stepOf = (c: Context<HubEnv>) => ({ by: currentSession(c).user.username, at: c.var.deps.now().toISOString(), updateDays: c.var.deps.config.cyberUpdateDays });

/**
 * The national response summary when the reader's scope holds one trust (their
 * own, or the one an ICS-wide reader narrows to with ?organisation=); undefined
 * while it holds several, since a national response is one trust's.
 */
export function nationalSummaryOf(c: Context<HubEnv>, detail: CyberAlertDetail): NationalResponseSummary | undefined {
  const [response, row] = [detail.view.responses[0], detail.responses[0]];
  if (detail.responses.length !== 1 || !response || !row) return undefined;
  const cannotTell = cannotTellOf(c, detail.row, row.organisationId).reduce((n, v) => n + v.machines, 0);
  return nationalResponseSummary(detail.view, response, detail.updates[response.organisation] ?? [], cannotTell);
}

function summaryFor(c: Context<HubEnv>): NationalResponseSummary {
  const detail = mustReadCyberAlert(c, c.req.param('reference') as string);
  const summary = nationalSummaryOf(c, detail);
  if (summary) return summary;
  throw new HubError(400, 'organisation-required', `a national response is one trust's: say which (organisation: one of ${detail.view.responses.map((r) => r.organisation).join(', ')})`, [{ path: 'organisation', message: 'required for an ICS-wide person' }]);
}

const body = async <S extends z.ZodType>(c: Context<HubEnv>, schema: S) => parseOrThrow(schema, await readJsonBody(c, BODY_LIMIT));

/** Answers a step with the alert as the person now sees it. */
const afterStep = (c: Context<HubEnv>, reference: string) => c.json(mustReadCyberAlert(c, reference).view);

export const cyberAlertsApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/cyber-alerts', requireRole())
  .use('/api/v1/cyber-alerts/*', requireRole())
  .get('/api/v1/cyber-alerts', (c) => {
    const { db, now, kev } = c.var.deps;
    return c.json({ knownExploitedCatalogue: kevStatus(kev), alerts: readCyberAlertList(db, readerScope(c), now(), kev) });
  })
  .post('/api/v1/cyber-alerts', requireRole(...TRIAGE_ROLES), async (c) => {
    const { text } = await body(c, AddSchema);
    const stored = addCyberAlertInForce(c, text);
    return c.json(mustReadCyberAlert(c, stored.alert.reference).view, 201);
  })
  .get('/api/v1/cyber-alerts/:reference', (c) => {
    const { row, view, machines, updates } = mustReadCyberAlert(c, c.req.param('reference'));
    return c.json({ knownExploitedCatalogue: kevStatus(c.var.deps.kev), ...view, machines, cannotTell: cannotTellOf(c, row, readerScope(c)), updates });
  })
  .get('/api/v1/cyber-alerts/:reference/summary', (c) => c.json(summaryFor(c)))
  .post('/api/v1/cyber-alerts/:reference/acknowledge', requireRole(...TRIAGE_ROLES), async (c) => {
    const reference = c.req.param('reference');
    const { organisation } = await body(c, CyberAcknowledgeSchema);
    acknowledgeCyberAlert(c.var.deps.db, responseTarget(c, reference, organisation), stepOf(c));
    return afterStep(c, reference);
  })
  .post('/api/v1/cyber-alerts/:reference/decision', requireRole(...TRIAGE_ROLES), async (c) => {
    const reference = c.req.param('reference');
    const d = await body(c, CyberDecisionSchema);
    decideCyberApplicability(c.var.deps.db, responseTarget(c, reference, d.organisation), d, stepOf(c));
    return afterStep(c, reference);
  })
  .post('/api/v1/cyber-alerts/:reference/updates', requireRole(...TRIAGE_ROLES), async (c) => {
    const reference = c.req.param('reference');
    const u = await body(c, CyberUpdateSchema);
    recordCyberUpdate(c.var.deps.db, responseTarget(c, reference, u.organisation), u, stepOf(c));
    return afterStep(c, reference);
  })
  .post('/api/v1/cyber-alerts/:reference/close', requireRole(...TRIAGE_ROLES), async (c) => {
    const reference = c.req.param('reference');
    const { organisation, note } = await body(c, CyberCloseSchema);
    closeCyberAlertResponse(c.var.deps.db, responseTarget(c, reference, organisation), note, stepOf(c));
    return afterStep(c, reference);
  });
