/**
 * The signed-in person's unread notifications, for the strip every page shows.
 *
 * Why this shape: the layout is a plain component that only receives the
 * session, and every page passes that same session object (c.var.session).
 * One middleware looks the unread notifications up once per page view and
 * keeps them beside the session in a WeakMap; the layout reads them from there.
 * No page or route has to pass anything new, the Session type stays as it is,
 * and the entry goes when the request's session object does.
 */
import { createMiddleware } from 'hono/factory';
import type { HubEnv } from '../hub/deps.js';
import { countUnreadNotifications, listNotifications, type Notification } from '../store/notifications.js';
import type { Session } from '../store/sessions.js';

export interface NotificationSummary {
  unread: number;
  /** The newest few unread, for the strip. */
  latest: Notification[];
}

const STRIP_SIZE = 3;
const summaries = new WeakMap<Session, NotificationSummary>();

export function notificationSummary(session: Session): NotificationSummary | undefined {
  return summaries.get(session);
}

/** Page views only (GET, not the API or static files), for someone past the one-time password. */
export const attachNotifications = createMiddleware<HubEnv>(async (c, next) => {
  const session = c.var.session;
  if (session && !session.user.mustChangePassword && c.req.method === 'GET' && !c.req.path.startsWith('/api/') && !c.req.path.startsWith('/static/')) {
    const reader = { username: session.user.username, role: session.user.role, organisationId: session.user.organisationId };
    const { db } = c.var.deps;
    const unread = countUnreadNotifications(db, reader);
    summaries.set(session, { unread, latest: unread ? listNotifications(db, reader, { unreadOnly: true, limit: STRIP_SIZE }) : [] });
  }
  await next();
});
