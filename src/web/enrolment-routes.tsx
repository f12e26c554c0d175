/**
 * The Enrol agents page (admins): make an enrolment secret for N machines,
 * and see each secret's uses and revoke it. The agents themselves are on the
 * Agents page (agent-page-routes.tsx). Rules and refusals are the API's
 * (hub/routes/admin-api.ts).
 */
import { Hono, type Context } from 'hono';
import { createEnrolmentSecret } from '../auth/enrolment.js';
import { revokeEnrolmentSecretById } from '../auth/revoke-enrolment-secret.js';
import { publicOrigin } from '../hub/client-address.js';
import type { HubEnv } from '../hub/deps.js';
import { parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { owningOrganisation } from '../hub/owning-organisation.js';
import { EnrolmentSecretRequestSchema } from '../hub/routes/admin-api.js';
import { listEnrolmentSecrets } from '../store/agents.js';
import { pageAction, refuse, type ActionPage } from './page-action.js';
import { FORM_LIMIT } from './form-limit.js';
import { formToken } from './page-routes.js';
import { EnrolmentPage, type EnrolmentPageProps } from './pages/enrolment-page.js';
import { trustsShown } from './trusts-shown.js';

function renderPage(c: Context<HubEnv>, extra: Pick<EnrolmentPageProps, 'created' | 'error'> = {}, status: 200 | 201 | 404 | 409 = 200) {
  const session = currentSession(c);
  const secrets = listEnrolmentSecrets(c.var.deps.db, session.user.organisationId);
  return c.html(<EnrolmentPage session={session} trusts={trustsShown(c)} secrets={secrets} {...extra} />, status);
}

const ENROLMENT_PAGE: ActionPage = { back: '/admin/enrolment', showRefusal: (c, error, status) => renderPage(c, { error }, status) };

export const enrolmentRoutes = new Hono<HubEnv>()
  .use('/admin/enrolment', requireRole('admin'))
  .use('/admin/enrolment/*', requireRole('admin'))
  .get('/admin/enrolment', (c) => renderPage(c))
  .post('/admin/enrolment', FORM_LIMIT, formToken, async (c) => {
    const { db, now, config } = c.var.deps;
    const { user } = currentSession(c);
    const form = await c.req.parseBody();
    const body = parseOrThrow(EnrolmentSecretRequestSchema, { label: form.label, organisation: form.organisation || undefined, uses: form.uses || undefined });
    const organisationId = owningOrganisation(db, user, body.organisation);
    const created = createEnrolmentSecret(db, { label: body.label, createdBy: user.id, by: user.username, organisationId, uses: body.uses, now: now(), days: config.enrolmentSecretDays });
    return renderPage(c, { created: { label: body.label, hub: publicOrigin(c), ...created } }, 201);
  })
  .post('/admin/enrolment/secrets/:id/revoke', FORM_LIMIT, formToken, (c) =>
    pageAction(c, ENROLMENT_PAGE, (id) => {
      const { user } = currentSession(c);
      const r = revokeEnrolmentSecretById(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
      if (r.outcome !== 'revoked') refuse(r.outcome, `enrolment secret ${id}`);
      return `Enrolment secret #${id} revoked: it enrols no one else.`;
    }));
