/**
 * Cyber alerts as JSON (issue 23): the list with the 48-hour clock and the
 * known-exploited mark, one alert with its machines, and acknowledgement.
 * Every signed-in role reads; machines and counts are the reader's trust's
 * (or, ICS-wide, every trust's, narrowed by `organisation`). Security leads
 * and admins acknowledge; each acknowledgement is audited.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { cyberAlertView, kevStatus } from '../../cyber/cyber-alert-view.js';
import { appendAudit } from '../../store/audit-log.js';
import { acknowledgeCyberAlert, findCyberAlert, listCyberAlertMachines, listCyberAlerts } from '../../store/cyber-alerts.js';
import { inTransaction } from '../../store/statements.js';
import type { HubEnv } from '../deps.js';
import { HubError, notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { nonEmpty, scopeOf, ScopeQuerySchema } from '../query-schemas.js';
import { TRIAGE_ROLES } from './alerts-api.js';

const ReferenceSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, { error: 'expected a reference such as "CC-4567"' });

const readerScope = (c: Context<HubEnv>) => scopeOf(c, parseOrThrow(ScopeQuerySchema, nonEmpty(c.req.query())));

function mustFind(c: Context<HubEnv>) {
  const reference = parseOrThrow(ReferenceSchema, c.req.param('reference'));
  const row = findCyberAlert(c.var.deps.db, reference, readerScope(c));
  if (!row) throw notFound(`cyber alert ${reference}`);
  return row;
}

export const cyberAlertsApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/cyber-alerts', requireRole())
  .use('/api/v1/cyber-alerts/*', requireRole())
  .get('/api/v1/cyber-alerts', (c) => {
    const { db, now, kev } = c.var.deps;
    const at = now();
    return c.json({ knownExploitedCatalogue: kevStatus(kev), alerts: listCyberAlerts(db, readerScope(c)).map((r) => cyberAlertView(r, at, kev)) });
  })
  .get('/api/v1/cyber-alerts/:reference', (c) => {
    const { db, now, kev } = c.var.deps;
    const row = mustFind(c);
    return c.json({ knownExploitedCatalogue: kevStatus(kev), ...cyberAlertView(row, now(), kev), machines: listCyberAlertMachines(db, row.id, readerScope(c)) });
  })
  .post('/api/v1/cyber-alerts/:reference/acknowledge', requireRole(...TRIAGE_ROLES), (c) => {
    const { db, now, kev } = c.var.deps;
    const row = mustFind(c);
    const by = currentSession(c).user.username;
    const at = now().toISOString();
    inTransaction(db, () => {
      if (!acknowledgeCyberAlert(db, row.id, by, at)) throw new HubError(409, 'already-acknowledged', `cyber alert ${row.reference} was acknowledged by ${row.acknowledgedBy} at ${row.acknowledgedAt}`);
      appendAudit(db, { at, actor: by, action: 'acknowledge', entity: 'cyber-alert', entityId: row.reference, before: { acknowledgedAt: null, acknowledgedBy: null }, after: { acknowledgedAt: at, acknowledgedBy: by } });
    });
    return c.json(cyberAlertView({ ...row, acknowledgedAt: at, acknowledgedBy: by }, now(), kev));
  });
