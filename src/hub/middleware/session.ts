import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.js';
import { findSession } from '../../store/sessions.js';
import type { Session } from '../../store/sessions.js';
import type { Role } from '../../store/users.js';
import type { HubEnv } from '../deps.js';
import { forbidden, unauthorized } from '../errors.js';

export const SESSION_COOKIE = 'ew_session';

/** Puts the signed-in person's session, if any, on the context. */
export const loadSession = createMiddleware<HubEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const { db, now } = c.var.deps;
    const session = findSession(db, hashToken(token), now().toISOString());
    if (session) c.set('session', session);
  }
  await next();
});

/** Lets through only a signed-in person whose role is listed (all roles when none are). */
export function requireRole(...roles: Role[]) {
  return createMiddleware<HubEnv>(async (c, next) => {
    const session = c.var.session;
    if (!session) {
      if (c.req.path.startsWith('/api/')) throw unauthorized();
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
    }
    if (roles.length && !roles.includes(session.user.role)) throw forbidden();
    await next();
  });
}

/** The signed-in person's session, for handlers behind requireRole. */
export function currentSession(c: Context<HubEnv>): Session {
  const session = c.var.session;
  if (!session) throw unauthorized();
  return session;
}
