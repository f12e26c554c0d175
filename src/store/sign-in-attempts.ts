/** Failed sign-ins (migration 0015); the rules that read them are in auth/sign-in-throttle.ts. */
import type { Db } from './db.js';
import { stmt } from './statements.js';

export function insertSignInFailure(db: Db, f: { username: string; client: string; at: string }): void {
  stmt(db, 'INSERT INTO sign_in_failures (username, client, at) VALUES (?, ?, ?)').run(f.username, f.client, f.at);
}

/** Failures for this username since `since`, from any address. */
export function countUsernameFailures(db: Db, username: string, since: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sign_in_failures WHERE username = ? AND at > ?').get(username, since) as { n: number }).n;
}

/**
 * When the nth most recent failure since `since` from this address (for this
 * username only, when one is given) happened, or undefined when there were
 * fewer: the address stays over a limit of n until that one ages out.
 */
export function nthFailureAt(db: Db, f: { client: string; username?: string; since: string; n: number }): string | undefined {
  const r = stmt(db, `SELECT at FROM sign_in_failures WHERE client = @client AND (@username IS NULL OR username = @username) AND at > @since
    ORDER BY at DESC LIMIT 1 OFFSET @offset`).get({ client: f.client, username: f.username ?? null, since: f.since, offset: f.n - 1 }) as { at: string } | undefined;
  return r?.at;
}

/** Forgets the failures of one username from one address (after its right password): other addresses' guesses still count. */
export function deleteAddressFailuresFor(db: Db, username: string, client: string): void {
  stmt(db, 'DELETE FROM sign_in_failures WHERE username = ? AND client = ?').run(username, client);
}

/** `estatewatch admin unlock`: forgets every failure of a username, or of an address; returns how many. */
export function deleteFailures(db: Db, by: { username: string } | { client: string }): number {
  return 'username' in by
    ? stmt(db, 'DELETE FROM sign_in_failures WHERE username = ?').run(by.username).changes
    : stmt(db, 'DELETE FROM sign_in_failures WHERE client = ?').run(by.client).changes;
}

/** Drops failures too old to count, so the table stays as small as the window. */
export function pruneSignInFailures(db: Db, before: string): void {
  stmt(db, 'DELETE FROM sign_in_failures WHERE at <= ?').run(before);
}
