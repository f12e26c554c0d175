/**
 * Messages for a role or a person ("exception #3 expired" to the CSO). A message
 * to a role is one shared inbox item: the first holder of the role to mark it
 * read has dealt with it for all of them (the table has one read_at per row).
 * A message about one trust's record is that trust's: its people of the role
 * and the ICS-wide ones see it, another trust's do not.
 */
import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';
import type { Role } from './users.js';

export interface Notification {
  id: number;
  recipientRole: Role | null;
  recipientUser: string | null;
  at: string;
  text: string;
  /** A local path to what it is about, e.g. /exceptions/3. */
  link: string | null;
  readAt: string | null;
}

/** Who is reading: a notification is theirs if addressed to their username or their role, and about a trust they see (or about none). */
export interface Reader {
  username: string;
  role: Role;
  organisationId: OrgScope;
}

/** `organisationId`: the trust whose record it is about; absent for a message that concerns every trust. */
export type NewNotification = { at: string; text: string; link?: string; organisationId?: number } & ({ recipientRole: Role; recipientUser?: never } | { recipientUser: string; recipientRole?: never });

export function insertNotification(db: Db, n: NewNotification): number {
  return insertReturningId(db, 'INSERT INTO notifications (recipient_role, recipient_user, organisation_id, at, text, link) VALUES (@role, @user, @org, @at, @text, @link)', {
    role: n.recipientRole ?? null, user: n.recipientUser ?? null, org: n.organisationId ?? null, at: n.at, text: n.text, link: n.link ?? null,
  });
}

const COLUMNS = 'id, recipient_role AS recipientRole, recipient_user AS recipientUser, at, text, link, read_at AS readAt';
const MINE = `(recipient_user = @username OR recipient_role = @role) AND (organisation_id IS NULL OR ${inScope('organisation_id')})`;
const mine = (r: Reader) => ({ username: r.username, role: r.role, org: r.organisationId });

/** The reader's notifications, newest first; unread only when asked. */
export function listNotifications(db: Db, r: Reader, opts: { unreadOnly: boolean; limit: number }): Notification[] {
  return stmt(db, `SELECT ${COLUMNS} FROM notifications WHERE ${MINE} AND (@unreadOnly = 0 OR read_at IS NULL) ORDER BY at DESC, id DESC LIMIT @limit`)
    .all({ ...mine(r), unreadOnly: opts.unreadOnly ? 1 : 0, limit: opts.limit }) as Notification[];
}

export function countUnreadNotifications(db: Db, r: Reader): number {
  return (stmt(db, `SELECT count(*) AS n FROM notifications WHERE read_at IS NULL AND ${MINE}`).get(mine(r)) as { n: number }).n;
}

/** The notification if it is addressed to the reader; someone else's, or another trust's, is treated as absent. */
export function findNotification(db: Db, r: Reader, id: number): Notification | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM notifications WHERE id = @id AND ${MINE}`).get({ id, ...mine(r) }) as Notification | undefined;
}

/** Marks it read (once: a second mark keeps the first time). */
export function markNotificationRead(db: Db, id: number, at: string): void {
  stmt(db, 'UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ?').run(at, id);
}
