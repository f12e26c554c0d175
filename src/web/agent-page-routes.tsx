/**
 * The Agents page (admins): every enrolled agent of the trusts in scope with
 * its host, last report, version and spool folds, several live agents of one
 * host flagged, and the Approve, Re-bind and Revoke actions. Rules and
 * refusals are the API's (hub/routes/admin-api.ts).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { approveAgentReports } from '../auth/approve-agent.js';
import { liveAgentsPerHost } from '../auth/live-agents-per-host.js';
import { rebindAgentToMachine } from '../auth/rebind-agent.js';
import { revokeAgentToken } from '../auth/revoke-agent.js';
import { MachineNameSchema } from '../contract/report.js';
import type { HubEnv } from '../hub/deps.js';
import { parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { reboundOrThrow } from '../hub/routes/admin-api.js';
import { listAgents } from '../store/agents.js';
import { shortMachineName } from '../store/assets.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { listSpoolFolds } from '../store/receipts.js';
import { pageAction, refuse, type ActionPage } from './page-action.js';
import { FORM_LIMIT } from './form-limit.js';
import { formToken } from './page-routes.js';
import { AgentsPage, type AgentRow } from './pages/agents-page.js';
import { trustsShown } from './trusts-shown.js';

const RebindFormSchema = z.object({ machine: MachineNameSchema });

/** The agents in scope, by trust and host, so a host's duplicates sit together. */
function agentRows(db: Db, org: OrgScope): AgentRow[] {
  const agents = listAgents(db, org);
  const folds = new Map(listSpoolFolds(db, org).map((f) => [f.agentId, f]));
  const perHost = liveAgentsPerHost(agents);
  const hostOrder = (a: AgentRow) => `${a.organisation}\u0000${shortMachineName(a.hostname)}`;
  return agents
    .map((a) => ({ ...a, folds: folds.get(a.id), liveForHost: perHost.get(a.id) ?? 0 }))
    .sort((a, b) => hostOrder(a).localeCompare(hostOrder(b)) || a.id - b.id);
}

function renderPage(c: Context<HubEnv>, error?: string, status: 200 | 404 | 409 = 200) {
  const session = currentSession(c);
  const agents = agentRows(c.var.deps.db, session.user.organisationId);
  return c.html(<AgentsPage session={session} trusts={trustsShown(c)} agents={agents} error={error} />, status);
}

const AGENTS_PAGE: ActionPage = { back: '/admin/agents', showRefusal: renderPage };

export const agentPageRoutes = new Hono<HubEnv>()
  .use('/admin/agents', requireRole('admin'))
  .use('/admin/agents/*', requireRole('admin'))
  .get('/admin/agents', (c) => renderPage(c))
  .post('/admin/agents/:id/approve', FORM_LIMIT, formToken, (c) =>
    pageAction(c, AGENTS_PAGE, (id) => {
      const { user } = currentSession(c);
      const r = approveAgentReports(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
      if (r.outcome !== 'approved') refuse(r.outcome, `agent ${id}`);
      return `Agent #${id} approved: its next run delivers the reports it kept.`;
    }))
  .post('/admin/agents/:id/revoke', FORM_LIMIT, formToken, (c) =>
    pageAction(c, AGENTS_PAGE, (id) => {
      const { user } = currentSession(c);
      const r = revokeAgentToken(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
      if (r.outcome !== 'revoked') refuse(r.outcome, `agent ${id}`);
      return `Agent #${id} revoked: its next report is refused.`;
    }))
  .post('/admin/agents/:id/rebind', FORM_LIMIT, formToken, (c) =>
    pageAction(c, AGENTS_PAGE, (id, form) => {
      const { user } = currentSession(c);
      const { machine } = parseOrThrow(RebindFormSchema, { machine: form.machine });
      const rebound = reboundOrThrow(id, rebindAgentToMachine(c.var.deps.db, { agentId: id, machine, org: user.organisationId, by: user.username, now: c.var.deps.now() }));
      return `Agent #${id} now reports ${machine}${rebound.revokedAgent === undefined ? '' : `; agent #${rebound.revokedAgent}, which reported it before, is revoked`}.`;
    }));
