/** Sign-in, sign-out and password change for API clients; the cookie is the same one the pages use. */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { changePassword, PasswordChangeSchema } from '../../auth/change-password.js';
import { signIn, signOut, type SignedIn } from '../../auth/sign-in.js';
import type { HubEnv } from '../deps.js';
import { parseOrThrow, unauthorized } from '../errors.js';
import { currentSession, requireSignedIn, SESSION_COOKIE } from '../middleware/session.js';
import { readJsonBody } from '../read-json-body.js';

export const CredentialsSchema = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

export function setSessionCookie(c: Context<HubEnv>, signedIn: SignedIn): void {
  setCookie(c, SESSION_COOKIE, signedIn.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    // Max-Age, not Expires: a lifetime the browser counts on its own clock, so a browser or hub clock
    // that is off does not end (or stretch) the session. The hub still checks its own expiry.
    maxAge: Math.max(0, Math.floor((signedIn.expiresAt.getTime() - c.var.deps.now().getTime()) / 1000)),
  });
}

export function endSession(c: Context<HubEnv>): void {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) signOut(c.var.deps.db, token);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export const sessionApiRoutes = new Hono<HubEnv>()
  .post('/api/v1/session', async (c) => {
    const { db, now, config } = c.var.deps;
    const creds = parseOrThrow(CredentialsSchema, await readJsonBody(c, 4096));
    const signedIn = await signIn(db, creds.username, creds.password, now(), config.sessionHours);
    if (!signedIn) throw unauthorized('wrong username or password');
    setSessionCookie(c, signedIn);
    return c.json({ user: signedIn.user, expiresAt: signedIn.expiresAt.toISOString() });
  })
  .delete('/api/v1/session', (c) => {
    endSession(c);
    return c.body(null, 204);
  })
  .post('/api/v1/account/password', requireSignedIn, async (c) => {
    const change = parseOrThrow(PasswordChangeSchema, await readJsonBody(c, 4096));
    if (!(await changePassword(c.var.deps.db, currentSession(c).user.username, change))) throw unauthorized('current password is wrong');
    return c.body(null, 204);
  });
