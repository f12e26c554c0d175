import type { Db } from './db.js';
import { stmt } from './statements.js';
import { toUser, type Role, type User } from './users.js';

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
  /** The stored hash of the session's cookie: which session this is (a password change keeps it alone). */
  tokenHash: string;
}

export function insertSession(db: Db, s: { tokenHash: string; userId: number; csrfToken: string; now: string; expiresAt: string }): void {
  stmt(db, 'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    s.tokenHash, s.userId, s.csrfToken, s.now, s.expiresAt,
  );
}

/** The live session for a token hash; expired ones are treated as absent. */
export function findSession(db: Db, tokenHash: string, now: string): Session | undefined {
  const r = stmt(db, `SELECT s.csrf_token, s.expires_at, u.id, u.username, u.role, u.must_change_password, u.organisation_id, u.display_name, u.job_title
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`).get(tokenHash, now) as
    | { csrf_token: string; expires_at: string; id: number; username: string; role: Role; must_change_password: number; organisation_id: number | null; display_name: string; job_title: string }
    | undefined;
  if (!r) return undefined;
  return {
    user: toUser(r),
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    tokenHash,
  };
}

export function deleteSession(db: Db, tokenHash: string): void {
  stmt(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/**
 * Ends a person's sessions, all of them or all but `keep` (the one changing
 * the password): a session stolen before a password change or reset must not
 * work after it. Returns how many ended.
 */
export function deleteUserSessions(db: Db, userId: number, keep?: string): number {
  return stmt(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, keep ?? '').changes;
}

export function deleteExpiredSessions(db: Db, now: string): number {
  return stmt(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
