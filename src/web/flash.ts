/**
 * The line at the top of the page a form returns to ("Alert #12 acknowledged."):
 * every post that redirects says what it did. It travels in a short-lived
 * cookie signed with a key made when the hub starts, so no other site can put
 * words on the hub's pages; a redirect that lands on another hub process (an
 * ICS hub behind a balancer) simply shows no line. It is read once, on the
 * next page view, and kept beside the session for the layout as the
 * notifications are (notification-summary.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { servedOverHttps } from '../hub/client-address.js';
import type { HubEnv } from '../hub/deps.js';
import type { Session } from '../store/sessions.js';

const FLASH_COOKIE = 'ew_flash';
const KEY = randomBytes(32).toString('base64url');
const flashes = new WeakMap<Session, string>();

/** Redirects (303) to `to`, which will say `message` at its top. */
export async function redirectWithMessage(c: Context<HubEnv>, to: string, message: string): Promise<Response> {
  await setSignedCookie(c, FLASH_COOKIE, message.slice(0, 300), KEY, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 60, secure: servedOverHttps(c) });
  return c.redirect(to, 303);
}

/** The message for this page view, if the last form left one. */
export function flashOf(session: Session): string | undefined {
  return flashes.get(session);
}

/** Page views only (GET, not the API or static files): reads the message once and forgets it. */
export const attachFlash = createMiddleware<HubEnv>(async (c, next) => {
  const session = c.var.session;
  if (session && c.req.method === 'GET' && !c.req.path.startsWith('/api/') && !c.req.path.startsWith('/static/')) {
    const message = await getSignedCookie(c, KEY, FLASH_COOKIE);
    if (typeof message === 'string' && message) {
      flashes.set(session, message);
      deleteCookie(c, FLASH_COOKIE, { path: '/', secure: servedOverHttps(c) });
    }
  }
  await next();
});
