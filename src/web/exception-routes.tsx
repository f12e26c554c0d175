/**
 * The exceptions pages: the list with the request form (GET/POST /exceptions),
 * one exception (GET /exceptions/:id) and its sign-off, reject and revoke forms,
 * which redirect back to it; a refused form comes back on its page with the
 * reason and what was typed (submit-form.ts). Roles and rules are the API's
 * (hub/routes/exceptions-api.ts).
 */
import { formLimit } from './form-limit.js';
import { onePage } from '../hub/page-range.js';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AlertRule } from '../alerts/alert-rule-schema.js';
import { ReasonSchema, rejectException, requestException, revokeException, signOffException, SignOffSchema, type ExceptionActor } from '../cso/exceptions.js';
import type { HubEnv } from '../hub/deps.js';
import { fieldErrors, HubError, notFound, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { owningOrganisation } from '../hub/owning-organisation.js';
import { IdSchema, nonEmpty, scopeOf } from '../hub/query-schemas.js';
import { readerScope } from '../hub/routes/cso-api.js';
import { exceptionActor, ExceptionQuerySchema, REQUEST_ROLES, requestSchemaFor, REVOKE_ROLES, SIGN_OFF_ROLES } from '../hub/routes/exceptions-api.js';
import { findAssetIdsByHostname, getException, listExceptions } from '../store/exceptions.js';
import { trustsShown } from './trusts-shown.js';
import { formToken } from './page-routes.js';
import { ExceptionPage } from './pages/exception-page.js';
import { ExceptionsPage, type RequestFormValues } from './pages/exceptions-page.js';
import { fieldWords, type FormRefusal } from './form-refusal.js';
import { submitForm } from './submit-form.js';
import { CHOICE_LIMIT } from './components/choice-list.js';
import { recentHostnames } from '../store/form-choices.js';

const FORM_LIMIT = formLimit(32 * 1024);

function renderList(c: Context<HubEnv>, form?: RequestFormValues, refusal?: FormRefusal, status: 200 | 400 | 409 = 200) {
  const { db, now, alertRules } = c.var.deps;
  const session = currentSession(c);
  const q = parseOrThrow(ExceptionQuerySchema, nonEmpty(c.req.query()));
  const { total, rows } = onePage(q, (at) => listExceptions(db, { status: q.status, sort: q.sort, org: scopeOf(c, q), ...at }));
  const values = form ?? fromAlert(q, alertRules);
  // The machines the request form offers: those of the reader's trust, or of every trust to an ICS-wide reader.
  const hosts = REQUEST_ROLES.includes(session.user.role) ? recentHostnames(db, session.user.organisationId, CHOICE_LIMIT) : [];
  const page = <ExceptionsPage session={session} filter={q} total={total} rows={rows} rules={alertRules} now={now()} trusts={trustsShown(c)} hosts={hosts} form={values} refusal={refusal} />;
  return c.html(page, status);
}

/**
 * The request form as "Request an exception" opens it, from one alert or the
 * alerts list's bulk form: the machines and rules (comma-separated), and for
 * one of each a title naming both.
 */
function fromAlert(q: { hostname?: string; rule?: string }, rules: readonly AlertRule[]): RequestFormValues | undefined {
  if (q.hostname === undefined && q.rule === undefined) return undefined;
  const hostnames = (q.hostname ?? '').split(',').filter(Boolean);
  const chosen = rules.filter((r) => (q.rule ?? '').split(',').includes(r.id));
  const title = hostnames.length === 1 && chosen.length === 1 ? `${chosen[0]?.title}: ${hostnames[0]}` : undefined;
  return { hostnames: hostnames.join('\n'), ruleIds: chosen.map((r) => r.id), title };
}

/** The exception; with a refusal of one of its forms, that form with the reason and what was typed. */
function renderException(c: Context<HubEnv>, id: number, refusal?: FormRefusal, status: 200 | 400 | 409 = 200) {
  const exception = getException(c.var.deps.db, id, readerScope(c));
  if (!exception) throw notFound(`exception ${id}`);
  return c.html(<ExceptionPage session={currentSession(c)} exception={exception} refusal={refusal} />, status);
}

/** The form's fields as typed: text fields as strings, the rule select as a list. */
async function readRequestForm(c: Context): Promise<RequestFormValues> {
  const body = await c.req.parseBody({ all: true });
  const one = (k: string) => {
    const v = body[k];
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : undefined;
  };
  const ruleIds = [body.ruleIds ?? []].flat().filter((v): v is string => typeof v === 'string');
  return {
    title: one('title'), justification: one('justification'), compensatingControls: one('compensatingControls'), expiresOn: one('expiresOn') || undefined,
    hostname: one('hostname'), hostnames: one('hostnames'), ruleIds, hazardId: one('hazardId'), organisation: one('organisation') || undefined,
  };
}

/**
 * Hostnames (the list and the one chosen) become asset ids of the trust the
 * request is for (unknown ones are named beside those fields), then the API's
 * schema judges the rest, so the page and the API accept exactly the same
 * requests. Refused (here, or by the domain: an unknown hazard, a trust to
 * choose), the list comes back with the reason in the form and everything typed.
 */
async function handleRequest(c: Context<HubEnv>) {
  const values = await readRequestForm(c);
  return submitForm(c, (refusal, status) => renderList(c, values, refusal, status), () => {
    const created = requestException(exceptionActor(c), requestOf(c, values));
    return { to: `/exceptions/${created.id}`, message: `Exception #${created.id} requested: the trust's CSOs are asked to sign it off.` };
  });
}

/** The request the form makes, or a 400 naming each bad field: the machines as the hostname fields, the rest as the API's schema says. */
function requestOf(c: Context<HubEnv>, values: RequestFormValues) {
  const hostnames = `${values.hostnames ?? ''}\n${values.hostname ?? ''}`.split(/[\s,;]+/).filter(Boolean);
  const organisationId = owningOrganisation(c.var.deps.db, currentSession(c).user, values.organisation);
  const found = findAssetIdsByHostname(c.var.deps.db, hostnames, organisationId);
  const missing = hostnames.length ? hostnames.filter((h) => !found.has(h.toLowerCase())).map((h) => `no asset "${h}"`) : ['give at least one hostname'];
  const hazard = values.hazardId?.trim();
  const parsed = requestSchemaFor(c).safeParse({
    title: values.title, justification: values.justification, compensatingControls: values.compensatingControls, expiresOn: values.expiresOn,
    assetIds: [...found.values()].flat(), ruleIds: values.ruleIds, hazardId: hazard ? Number(hazard) : null, organisation: values.organisation,
  });
  // Asset problems are already said in terms of hostnames, the field the person filled in.
  const others = parsed.success ? [] : fieldErrors(parsed.error).filter((d) => !(missing.length && d.path.startsWith('assetIds')));
  const problems = [...missing.map((message) => ({ path: 'hostnames', message })), ...others];
  if (problems.length || !parsed.success) throw new HubError(400, 'invalid-request', fieldWords(problems), problems);
  return parsed.data;
}

/** Runs a decision form (the token aside) and returns to the exception; refused, the exception comes back with the reason in that form and what was typed. */
function handleDecision<S extends z.ZodType>(c: Context<HubEnv>, schema: S, run: (actor: ExceptionActor, id: number, value: z.output<S>) => unknown, done: string) {
  const id = parseOrThrow(IdSchema, c.req.param('id'));
  return submitForm(c, (refusal, status) => renderException(c, id, refusal, status), (typed) => {
    run(exceptionActor(c), id, parseOrThrow(schema, typed));
    return { to: `/exceptions/${id}`, message: `Exception #${id} ${done}.` };
  });
}

/** The page's sign-off form: its checkbox says "on" where the API says true. */
const SignOffFormSchema = z.preprocess((f) => ({ ...(f as object), confirm: (f as { confirm?: unknown }).confirm === 'on' }), SignOffSchema);

export const exceptionRoutes = new Hono<HubEnv>()
  .use('/exceptions', requireRole())
  .use('/exceptions/*', requireRole())
  .get('/exceptions', (c) => renderList(c))
  .post('/exceptions', FORM_LIMIT, requireRole(...REQUEST_ROLES), formToken, (c) => handleRequest(c))
  .get('/exceptions/:id', (c) => renderException(c, parseOrThrow(IdSchema, c.req.param('id'))))
  .post('/exceptions/:id/sign-off', FORM_LIMIT, requireRole(...SIGN_OFF_ROLES), formToken, (c) => handleDecision(c, SignOffFormSchema, (a, id, v) => signOffException(a, id, v), 'signed off: in effect'))
  .post('/exceptions/:id/reject', FORM_LIMIT, requireRole(...SIGN_OFF_ROLES), formToken, (c) => handleDecision(c, ReasonSchema, (a, id, v) => rejectException(a, id, v.reason), 'rejected'))
  .post('/exceptions/:id/revoke', FORM_LIMIT, requireRole(...REVOKE_ROLES), formToken, (c) => handleDecision(c, ReasonSchema, (a, id, v) => revokeException(a, id, v.reason), 'revoked'));
