/**
 * The Enrol agents page (admins): make an enrolment secret for N machines,
 * see each secret's uses and revoke it, and approve, re-bind or revoke the
 * enrolled agents. Rules and refusals are the API's (hub/routes/admin-api.ts).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { approveAgentReports } from '../auth/approve-agent.js';
import { createEnrolmentSecret } from '../auth/enrolment.js';
import { rebindAgentToMachine } from '../auth/rebind-agent.js';
import { revokeAgentToken } from '../auth/revoke-agent.js';
import { revokeEnrolmentSecretById } from '../auth/revoke-enrolment-secret.js';
import { MachineNameSchema } from '../contract/report.js';
import type { HubEnv } from '../hub/deps.js';
import { HubError, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { owningOrganisation } from '../hub/owning-organisation.js';
import { IdSchema } from '../hub/query-schemas.js';
import { EnrolmentSecretRequestSchema, reboundOrThrow } from '../hub/routes/admin-api.js';
import { listAgents, listEnrolmentSecrets } from '../store/agents.js';
import { FORM_LIMIT, formToken } from './page-routes.js';
import { EnrolmentPage, type EnrolmentPageProps } from './pages/enrolment-page.js';
import { trustsShown } from './trusts-shown.js';

const RebindFormSchema = z.object({ machine: MachineNameSchema });

function renderPage(c: Context<HubEnv>, extra: Pick<EnrolmentPageProps, 'created' | 'error'> = {}, status: 200 | 201 | 404 | 409 = 200) {
  const session = currentSession(c);
  const { db } = c.var.deps;
  const org = session.user.organisationId;
  return c.html(<EnrolmentPage session={session} trusts={trustsShown(c)} secrets={listEnrolmentSecrets(db, org)} agents={listAgents(db, org)} {...extra} />, status);
}

/** Runs one action on a secret or an agent and comes back to the page; a refusal is shown there with its reason. */
async function pageAction(c: Context<HubEnv>, act: (id: number, form: Record<string, unknown>) => void) {
  const id = parseOrThrow(IdSchema, c.req.param('id'));
  try {
    act(id, await c.req.parseBody());
  } catch (err) {
    if (err instanceof HubError && (err.status === 404 || err.status === 409)) return renderPage(c, { error: err.message }, err.status);
    throw err;
  }
  return c.redirect('/admin/enrolment', 303);
}

/** The outcome of an action the API would refuse, as the same HubError. */
function refuse(outcome: string, what: string): never {
  throw outcome === 'unknown' ? new HubError(404, 'not-found', `${what} not found`) : new HubError(409, outcome, `${what}: ${outcome.replaceAll('-', ' ')}`);
}

export const enrolmentRoutes = new Hono<HubEnv>()
  .use('/admin/enrolment', requireRole('admin'))
  .use('/admin/enrolment/*', requireRole('admin'))
  .use('/admin/agents/*', requireRole('admin'))
  .get('/admin/enrolment', (c) => renderPage(c))
  .post('/admin/enrolment', FORM_LIMIT, formToken, async (c) => {
    const { db, now, config } = c.var.deps;
    const { user } = currentSession(c);
    const form = await c.req.parseBody();
    const body = parseOrThrow(EnrolmentSecretRequestSchema, { label: form.label, organisation: form.organisation || undefined, uses: form.uses || undefined });
    const organisationId = owningOrganisation(db, user, body.organisation);
    const created = createEnrolmentSecret(db, { label: body.label, createdBy: user.id, by: user.username, organisationId, uses: body.uses, now: now(), days: config.enrolmentSecretDays });
    return renderPage(c, { created: { label: body.label, ...created } }, 201);
  })
  .post('/admin/enrolment/secrets/:id/revoke', FORM_LIMIT, formToken, (c) =>
    pageAction(c, (id) => {
      const { user } = currentSession(c);
      const r = revokeEnrolmentSecretById(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
      if (r.outcome !== 'revoked') refuse(r.outcome, `enrolment secret ${id}`);
    }))
  .post('/admin/agents/:id/approve', FORM_LIMIT, formToken, (c) =>
    pageAction(c, (id) => {
      const { user } = currentSession(c);
      const r = approveAgentReports(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
      if (r.outcome !== 'approved') refuse(r.outcome, `agent ${id}`);
    }))
  .post('/admin/agents/:id/revoke', FORM_LIMIT, formToken, (c) =>
    pageAction(c, (id) => {
      const { user } = currentSession(c);
      const r = revokeAgentToken(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
      if (r.outcome !== 'revoked') refuse(r.outcome, `agent ${id}`);
    }))
  .post('/admin/agents/:id/rebind', FORM_LIMIT, formToken, (c) =>
    pageAction(c, (id, form) => {
      const { user } = currentSession(c);
      const { machine } = parseOrThrow(RebindFormSchema, { machine: form.machine });
      reboundOrThrow(id, rebindAgentToMachine(c.var.deps.db, { agentId: id, machine, org: user.organisationId, by: user.username, now: c.var.deps.now() }));
    }));
