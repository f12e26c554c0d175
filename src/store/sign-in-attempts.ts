/** Failed sign-ins and locked usernames (migration 0015); the rules that read them are in auth/sign-in-throttle.ts. */
import type { Db } from './db.js';
import { stmt } from './statements.js';

export function insertSignInFailure(db: Db, f: { username: string; client: string; at: string }): void {
  stmt(db, 'INSERT INTO sign_in_failures (username, client, at) VALUES (?, ?, ?)').run(f.username, f.client, f.at);
}

export function countUsernameFailures(db: Db, username: string, since: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sign_in_failures WHERE username = ? AND at > ?').get(username, since) as { n: number }).n;
}

/**
 * When the client's nth most recent failure since `since` happened, or undefined
 * when it has fewer: the address stays over a limit of n until that one ages out.
 */
export function nthClientFailureAt(db: Db, client: string, since: string, n: number): string | undefined {
  const r = stmt(db, 'SELECT at FROM sign_in_failures WHERE client = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?').get(client, since, n - 1) as
    | { at: string }
    | undefined;
  return r?.at;
}

/** Forgets a username's failures (after a right password); other names' failures from the same address still count. */
export function deleteUsernameFailures(db: Db, username: string): void {
  stmt(db, 'DELETE FROM sign_in_failures WHERE username = ?').run(username);
}

export function upsertLockout(db: Db, username: string, lockedUntil: string): void {
  stmt(db, 'INSERT INTO sign_in_lockouts (username, locked_until) VALUES (?, ?) ON CONFLICT (username) DO UPDATE SET locked_until = excluded.locked_until').run(
    username, lockedUntil,
  );
}

/** When a username's lock-out ends, if it is locked at `now`. */
export function findLockout(db: Db, username: string, now: string): string | undefined {
  const r = stmt(db, 'SELECT locked_until FROM sign_in_lockouts WHERE username = ? AND locked_until > ?').get(username, now) as { locked_until: string } | undefined;
  return r?.locked_until;
}

/** Drops failures too old to count and lock-outs that have ended, so the tables stay as small as the window. */
export function pruneSignInAttempts(db: Db, failuresBefore: string, now: string): void {
  stmt(db, 'DELETE FROM sign_in_failures WHERE at <= ?').run(failuresBefore);
  stmt(db, 'DELETE FROM sign_in_lockouts WHERE locked_until <= ?').run(now);
}
