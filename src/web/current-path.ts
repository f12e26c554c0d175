/**
 * The path of the page being shown, for the navigation's aria-current. Kept
 * beside the session for the layout as the notifications are
 * (notification-summary.ts), so no page has to pass it down.
 */
import { createMiddleware } from 'hono/factory';
import type { HubEnv } from '../hub/deps.js';
import type { Session } from '../store/sessions.js';

const paths = new WeakMap<Session, string>();

/** The page's path ("/alerts/12"), when a signed-in person asked for a page. */
export function currentPathOf(session: Session): string | undefined {
  return paths.get(session);
}

export const attachCurrentPath = createMiddleware<HubEnv>(async (c, next) => {
  const session = c.var.session;
  if (session && !c.req.path.startsWith('/api/') && !c.req.path.startsWith('/static/')) paths.set(session, c.req.path);
  await next();
});
