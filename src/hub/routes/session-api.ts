/** Sign-in, sign-out and password change for API clients; the cookie is the same one the pages use. */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { changePassword, PasswordChangeSchema } from '../../auth/change-password.js';
import { signIn, signOut, type SignedIn } from '../../auth/sign-in.js';
import { refusalMessage, type SignInRefusal } from '../../auth/sign-in-throttle.js';
import type { HubEnv } from '../deps.js';
import { HubError, parseOrThrow, unauthorized } from '../errors.js';
import { currentSession, requireSignedIn, SESSION_COOKIE, sessionCookiePrefix, sessionToken } from '../middleware/session.js';
import { clientAddress } from '../client-address.js';
import { readJsonBody } from '../read-json-body.js';

export const CredentialsSchema = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

export function setSessionCookie(c: Context<HubEnv>, signedIn: SignedIn): void {
  const prefix = sessionCookiePrefix(c);
  // Under HTTPS the __Host- name: the browser then keeps it only if Secure, for this host alone, on path /.
  setCookie(c, SESSION_COOKIE, signedIn.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: prefix !== undefined,
    ...(prefix && { prefix }),
    path: '/',
    // Max-Age, not Expires: a lifetime the browser counts on its own clock, so a browser or hub clock
    // that is off does not end (or stretch) the session. The hub still checks its own expiry.
    maxAge: Math.max(0, Math.floor((signedIn.expiresAt.getTime() - c.var.deps.now().getTime()) / 1000)),
  });
}

export function endSession(c: Context<HubEnv>): void {
  const token = sessionToken(c);
  if (token) signOut(c.var.deps.db, token);
  const prefix = sessionCookiePrefix(c);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: prefix !== undefined, ...(prefix && { prefix }) });
}

/**
 * The error for a refused sign-in: 429 with the end of the pause (and a
 * Retry-After header) while one is in force, else 401 (`wrong`), the same for a
 * name that is not a user as for a wrong password.
 */
export function signInRefused(c: Context<HubEnv>, refusal: SignInRefusal | undefined, wrong = 'wrong username or password'): HubError {
  if (!refusal) return unauthorized(wrong);
  c.header('Retry-After', String(Math.max(1, Math.ceil((refusal.until.getTime() - c.var.deps.now().getTime()) / 1000))));
  return new HubError(429, refusal.reason === 'paused' ? 'sign-in-paused' : 'sign-in-throttled', refusalMessage(refusal));
}

export const sessionApiRoutes = new Hono<HubEnv>()
  .post('/api/v1/session', async (c) => {
    const { db, now, config } = c.var.deps;
    const creds = parseOrThrow(CredentialsSchema, await readJsonBody(c, 4096));
    const result = await signIn(db, { ...creds, client: clientAddress(c) }, now(), config.sessionHours);
    if (!result.ok) throw signInRefused(c, result.refusal);
    setSessionCookie(c, result.signedIn);
    return c.json({ user: result.signedIn.user, expiresAt: result.signedIn.expiresAt.toISOString() });
  })
  .delete('/api/v1/session', (c) => {
    endSession(c);
    return c.body(null, 204);
  })
  .post('/api/v1/account/password', requireSignedIn, async (c) => {
    const change = parseOrThrow(PasswordChangeSchema, await readJsonBody(c, 4096));
    const session = currentSession(c);
    const changed = await changePassword(c.var.deps.db, change, { username: session.user.username, keepSession: session.tokenHash, client: clientAddress(c), now: c.var.deps.now() });
    if (!changed.ok) throw signInRefused(c, changed.refusal, 'current password is wrong');
    return c.body(null, 204);
  });
