import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { every } from 'hono/combine';
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.js';
import { findSession } from '../../store/sessions.js';
import type { Session } from '../../store/sessions.js';
import type { Role } from '../../store/users.js';
import { servedOverHttps } from '../client-address.js';
import type { HubEnv } from '../deps.js';
import { forbidden, HubError, unauthorized } from '../errors.js';

export const SESSION_COOKIE = 'ew_session';

/** Under HTTPS the cookie is `__Host-ew_session` (Secure, this host only, path /); over plain HTTP on 127.0.0.1, `ew_session`. */
export const sessionCookiePrefix = (c: Context<HubEnv>) => (servedOverHttps(c) ? ('host' as const) : undefined);

/** The session cookie's value: under HTTPS only the __Host- one, which no other site or plain-HTTP page can have set. */
export const sessionToken = (c: Context<HubEnv>) => getCookie(c, SESSION_COOKIE, sessionCookiePrefix(c));

/** Puts the signed-in person's session, if any, on the context. */
export const loadSession = createMiddleware<HubEnv>(async (c, next) => {
  const token = sessionToken(c);
  if (token) {
    const { db, now } = c.var.deps;
    const session = findSession(db, hashToken(token), now().toISOString());
    if (session) c.set('session', session);
  }
  await next();
});

const isApi = (c: Context) => c.req.path.startsWith('/api/');

/** Lets through anyone signed in, even with a one-time password still to change. */
export const requireSignedIn = createMiddleware<HubEnv>(async (c, next) => {
  if (!c.var.session) {
    if (isApi(c)) throw unauthorized();
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
  }
  await next();
});

/**
 * Lets through only a signed-in person whose role is listed (all roles when none
 * are) and who has replaced their one-time password: a printed password may sit
 * in a terminal's scrollback, so it opens nothing but the change-password form.
 */
export function requireRole(...roles: Role[]) {
  const check = createMiddleware<HubEnv>(async (c, next) => {
    const { user } = currentSession(c);
    if (user.mustChangePassword) {
      if (isApi(c)) throw new HubError(403, 'password-change-required', 'change the one-time password first (POST /api/v1/account/password)');
      return c.redirect('/account/password');
    }
    if (roles.length && !roles.includes(user.role)) throw forbidden();
    await next();
  });
  return every(requireSignedIn, check);
}

/** The signed-in person's session, for handlers behind requireRole. */
export function currentSession(c: Context<HubEnv>): Session {
  const session = c.var.session;
  if (!session) throw unauthorized();
  return session;
}
