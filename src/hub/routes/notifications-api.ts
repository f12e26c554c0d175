/**
 * The signed-in person's notifications (addressed to their username or their
 * role, about a trust they see or about none) as JSON, and marking one read.
 * Every role has notifications.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Db } from '../../store/db.js';
import { countUnreadNotifications, findNotification, listNotifications, markNotificationRead, type Notification, type Reader } from '../../store/notifications.js';
import type { HubEnv } from '../deps.js';
import { notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { IdSchema, nonEmpty } from '../query-schemas.js';

const NotificationQuerySchema = z.strictObject({
  unread: z.enum(['only']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function readerOf(c: Context<HubEnv>): Reader {
  const { user } = currentSession(c);
  return { username: user.username, role: user.role, organisationId: user.organisationId };
}

/** Marks one of the reader's notifications read; someone else's is a 404, so ids reveal nothing. */
export function markRead(db: Db, reader: Reader, id: number, now: Date): Notification {
  if (!findNotification(db, reader, id)) throw notFound(`notification ${id}`);
  markNotificationRead(db, id, reader.username, now.toISOString());
  return findNotification(db, reader, id) as Notification;
}

export const notificationsApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/notifications', requireRole())
  .use('/api/v1/notifications/*', requireRole())
  .get('/api/v1/notifications', (c) => {
    const q = parseOrThrow(NotificationQuerySchema, nonEmpty(c.req.query()));
    const reader = readerOf(c);
    const { db } = c.var.deps;
    return c.json({ unread: countUnreadNotifications(db, reader), rows: listNotifications(db, reader, { unreadOnly: q.unread === 'only', limit: q.limit }) });
  })
  .post('/api/v1/notifications/:id/read', (c) => c.json(markRead(c.var.deps.db, readerOf(c), parseOrThrow(IdSchema, c.req.param('id')), c.var.deps.now())));
