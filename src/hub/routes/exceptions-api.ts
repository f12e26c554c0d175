/**
 * Risk-accepted exceptions as JSON. Every signed-in role reads; admins,
 * security leads and CSOs request; only a CSO signs off or rejects (and never
 * their own request: cso/exceptions.ts); a CSO or an admin revokes; the board
 * reads only. A trust's person sees and decides only their trust's exceptions
 * (another's answer 404).
 */
import { onePage } from '../page-range.js';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  exceptionRequestSchema, ReasonSchema, rejectException, requestException, revokeException, signOffException, SignOffSchema, type ExceptionActor,
} from '../../cso/exceptions.js';
import { EXCEPTION_SORT_KEYS, EXCEPTION_STATUSES, getException, listExceptions } from '../../store/exceptions.js';
import { sortParam } from '../sort-param.js';
import type { Role } from '../../store/users.js';
import type { HubEnv } from '../deps.js';
import { notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { IdSchema, nonEmpty, PagedQuerySchema, scopeOf } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';
import { readerScope } from './cso-api.js';

export const REQUEST_ROLES: readonly Role[] = ['admin', 'security-lead', 'cso'];
export const SIGN_OFF_ROLES: readonly Role[] = ['cso'];
export const REVOKE_ROLES: readonly Role[] = ['cso', 'admin'];

const BODY_LIMIT = 32 * 1024;

/** Shared by the API and the exceptions page. */
export const ExceptionQuerySchema = z.strictObject({
  status: z.enum(EXCEPTION_STATUSES).optional(),
  sort: sortParam(EXCEPTION_SORT_KEYS).optional(),
  ...PagedQuerySchema.shape,
  /** The request form prefilled from "Request an exception": machines and rules, comma-separated. */
  hostname: z.string().trim().min(1).max(64 * 1024).optional(),
  rule: z.string().trim().min(1).max(4096).optional(),
});
export type ExceptionQuery = z.output<typeof ExceptionQuerySchema>;

export function exceptionActor(c: Context<HubEnv>): ExceptionActor {
  const { db, now } = c.var.deps;
  const { user } = currentSession(c);
  return { db, now: now(), username: user.username, role: user.role, organisationId: user.organisationId };
}

/** The request schema with today's date window and the hub's alert rules. */
export const requestSchemaFor = (c: Context<HubEnv>) => exceptionRequestSchema(c.var.deps.now(), c.var.deps.alertRules.map((r) => r.id));

const exceptionId = (c: Context) => parseOrThrow(IdSchema, c.req.param('id'));
const body = async <S extends z.ZodType>(c: Context, schema: S) => parseOrThrow(schema, await readJsonBody(c, BODY_LIMIT));

export const exceptionsApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/exceptions', requireRole())
  .use('/api/v1/exceptions/*', requireRole())
  .get('/api/v1/exceptions', (c) => {
    const q = parseOrThrow(ExceptionQuerySchema, nonEmpty(c.req.query()));
    return c.json({ ...onePage(q, (at) => listExceptions(c.var.deps.db, { status: q.status, sort: q.sort, org: scopeOf(c, q), ...at })), page: q.page, pageSize: q.pageSize });
  })
  .post('/api/v1/exceptions', requireRole(...REQUEST_ROLES), async (c) => {
    const req = await body(c, requestSchemaFor(c));
    return c.json(requestException(exceptionActor(c), req), 201);
  })
  .get('/api/v1/exceptions/:id', (c) => {
    const id = exceptionId(c);
    const e = getException(c.var.deps.db, id, readerScope(c));
    if (!e) throw notFound(`exception ${id}`);
    return c.json(e);
  })
  .post('/api/v1/exceptions/:id/sign-off', requireRole(...SIGN_OFF_ROLES), async (c) => c.json(signOffException(exceptionActor(c), exceptionId(c), await body(c, SignOffSchema))))
  .post('/api/v1/exceptions/:id/reject', requireRole(...SIGN_OFF_ROLES), async (c) => {
    const { reason } = await body(c, ReasonSchema);
    return c.json(rejectException(exceptionActor(c), exceptionId(c), reason));
  })
  .post('/api/v1/exceptions/:id/revoke', requireRole(...REVOKE_ROLES), async (c) => {
    const { reason } = await body(c, ReasonSchema);
    return c.json(revokeException(exceptionActor(c), exceptionId(c), reason));
  });
