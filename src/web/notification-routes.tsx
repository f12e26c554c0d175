/** The notifications page (GET /notifications) and the "mark read" form the page and the strip post. */
import { formLimit } from './form-limit.js';
import { redirectWithMessage } from './flash.js';
import { Hono, type Context } from 'hono';
import type { HubEnv } from '../hub/deps.js';
import { parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { IdSchema } from '../hub/query-schemas.js';
import { markRead, readerOf } from '../hub/routes/notifications-api.js';
import { listNotifications } from '../store/notifications.js';
import { formToken } from './page-routes.js';
import { NotificationsPage } from './pages/notifications-page.js';

const FORM_LIMIT = formLimit(4 * 1024);

/** Back to the page the form was on (the strip is on every page), if that was a page of this hub. */
function backTo(c: Context): string {
  const referer = c.req.header('referer');
  if (!referer) return '/notifications';
  try {
    const url = new URL(referer);
    const path = `${url.pathname}${url.search}`;
    return url.origin === new URL(c.req.url).origin && /^\/(?!\/)/.test(path) ? path : '/notifications';
  } catch {
    return '/notifications';
  }
}

export const notificationRoutes = new Hono<HubEnv>()
  .use('/notifications', requireRole())
  .use('/notifications/*', requireRole())
  .get('/notifications', (c) => c.html(<NotificationsPage session={currentSession(c)} rows={listNotifications(c.var.deps.db, readerOf(c), { unreadOnly: false, limit: 200 })} />))
  .post('/notifications/:id/read', FORM_LIMIT, formToken, (c) => {
    markRead(c.var.deps.db, readerOf(c), parseOrThrow(IdSchema, c.req.param('id')), c.var.deps.now());
    return redirectWithMessage(c, backTo(c), 'Notification marked read.');
  });
