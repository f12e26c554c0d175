/**
 * Messages for a role or a person ("exception #3 expired" to the CSO). Each
 * reader marks a message read for themselves (notification_reads, migration
 * 0028); a message to a role is closed for all its holders once the record it
 * is about is decided (closeNotices). Whoever caused a message (its sender) is
 * not sent it. A message about one trust's record is that trust's: its people
 * of the role and the ICS-wide ones see it, another trust's do not.
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

/**
 * `organisationId`: the trust whose record it is about; absent for a message
 * that concerns every trust. `sender`: the person whose action it reports, who
 * is not sent it.
 */
export type NewNotification = { at: string; text: string; link?: string; organisationId?: number; sender?: string } & (
  | { recipientRole: Role; recipientUser?: never }
  | { recipientUser: string; recipientRole?: never }
);

export function insertNotification(db: Db, n: NewNotification): number {
  return insertReturningId(db, 'INSERT INTO notifications (recipient_role, recipient_user, organisation_id, at, text, link, sender) VALUES (@role, @user, @org, @at, @text, @link, @sender)', {
    role: n.recipientRole ?? null, user: n.recipientUser ?? null, org: n.organisationId ?? null, at: n.at, text: n.text, link: n.link ?? null, sender: n.sender ?? null,
  });
}

/** Read for this reader: by their own mark, or closed for everyone when its record was decided. */
const COLUMNS = 'n.id, n.recipient_role AS "recipientRole", n.recipient_user AS "recipientUser", n.at, n.text, n.link, coalesce(r.read_at, n.closed_at) AS "readAt"';
const FROM = 'notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.username = @username';
const MINE = `(n.recipient_user = @username OR n.recipient_role = @role) AND (n.sender IS NULL OR n.sender <> @username)
  AND (n.organisation_id IS NULL OR ${inScope('n.organisation_id')})`;
const UNREAD = 'r.read_at IS NULL AND n.closed_at IS NULL';
const mine = (r: Reader) => ({ username: r.username, role: r.role, org: r.organisationId });

/** The reader's notifications, newest first; unread only when asked. */
export function listNotifications(db: Db, r: Reader, opts: { unreadOnly: boolean; limit: number }): Notification[] {
  return stmt(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE ${MINE} AND (@unreadOnly = 0 OR (${UNREAD})) ORDER BY n.at DESC, n.id DESC LIMIT @limit`)
    .all({ ...mine(r), unreadOnly: opts.unreadOnly ? 1 : 0, limit: opts.limit }) as Notification[];
}

export function countUnreadNotifications(db: Db, r: Reader): number {
  return (stmt(db, `SELECT count(*) AS n FROM ${FROM} WHERE ${UNREAD} AND ${MINE}`).get(mine(r)) as { n: number }).n;
}

/** The notification if it is addressed to the reader; someone else's, or another trust's, is treated as absent. */
export function findNotification(db: Db, r: Reader, id: number): Notification | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = @id AND ${MINE}`).get({ id, ...mine(r) }) as Notification | undefined;
}

/** Marks it read for this reader only (once: a second mark keeps the first time). */
export function markNotificationRead(db: Db, id: number, username: string, at: string): void {
  stmt(db, 'INSERT INTO notification_reads (notification_id, username, read_at) VALUES (?, ?, ?) ON CONFLICT (notification_id, username) DO NOTHING').run(id, username, at);
}

/** The record at `link` was decided: its notices to a role are no longer anyone's to do. */
export function closeNotices(db: Db, link: string, at: string): void {
  stmt(db, 'UPDATE notifications SET closed_at = ? WHERE link = ? AND recipient_role IS NOT NULL AND closed_at IS NULL').run(at, link);
}
