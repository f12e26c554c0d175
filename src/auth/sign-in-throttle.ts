/**
 * Sign-in throttling. Five failed sign-ins for one username within 15 minutes
 * lock it for 15 minutes, refused even with the right password; twenty from one
 * client address within 15 minutes refuse that address, so it cannot spread its
 * guesses over many usernames. A name that is not a user counts and locks the
 * same way, so the answers never tell which names exist. The counts live in the
 * database (store/sign-in-attempts.ts): a restart gives an attacker nothing.
 */
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import {
  countUsernameFailures, deleteUsernameFailures, findLockout, insertSignInFailure, nthClientFailureAt, pruneSignInAttempts, upsertLockout,
} from '../store/sign-in-attempts.js';
import { inTransaction } from '../store/statements.js';

export const SIGN_IN_LIMITS = { perUsername: 5, perClient: 20, windowMinutes: 15, lockMinutes: 15 } as const;

/** Why a sign-in is refused whatever the password, and until when. */
export interface SignInRefusal {
  reason: 'locked' | 'throttled';
  until: Date;
}

const minutesFrom = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);
const windowStart = (now: Date) => minutesFrom(now, -SIGN_IN_LIMITS.windowMinutes).toISOString();

/** The refusal in force at `now` for this username or client address, if any. */
export function signInRefusal(db: Db, username: string, client: string, now: Date): SignInRefusal | undefined {
  const lockedUntil = findLockout(db, username, now.toISOString());
  if (lockedUntil) return { reason: 'locked', until: new Date(lockedUntil) };
  // The address is refused until its oldest counted failure leaves the window.
  const oldestCounted = nthClientFailureAt(db, client, windowStart(now), SIGN_IN_LIMITS.perClient);
  if (oldestCounted) return { reason: 'throttled', until: minutesFrom(new Date(oldestCounted), SIGN_IN_LIMITS.windowMinutes) };
  return undefined;
}

/**
 * Records a failed sign-in. The failure that reaches the username's limit locks
 * it and writes the lock-out to the audit log in the same transaction. Returns
 * the refusal now in force, so the attempt that trips a limit is told at once.
 */
export function recordSignInFailure(db: Db, username: string, client: string, now: Date): SignInRefusal | undefined {
  return inTransaction(db, () => {
    pruneSignInAttempts(db, windowStart(now), now.toISOString());
    insertSignInFailure(db, { username, client, at: now.toISOString() });
    if (countUsernameFailures(db, username, windowStart(now)) >= SIGN_IN_LIMITS.perUsername) lockUsername(db, username, client, now);
    return signInRefusal(db, username, client, now);
  });
}

/** A right password starts the username's count again. */
export function recordSignInSuccess(db: Db, username: string): void {
  deleteUsernameFailures(db, username);
}

function lockUsername(db: Db, username: string, client: string, now: Date): void {
  const lockedUntil = minutesFrom(now, SIGN_IN_LIMITS.lockMinutes).toISOString();
  upsertLockout(db, username, lockedUntil);
  // By name, not user id: a name that is not a user is locked too, and the log should show what was tried.
  appendAudit(db, {
    at: now.toISOString(), actor: 'system', action: 'lock-out', entity: 'user', entityId: username,
    after: { lockedUntil, failures: SIGN_IN_LIMITS.perUsername, withinMinutes: SIGN_IN_LIMITS.windowMinutes, client },
  });
}

const readableTime = (t: Date) => `${t.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** What a refused person is told: why, and when they may try again. */
export function refusalMessage(r: SignInRefusal): string {
  const { perUsername, perClient, windowMinutes } = SIGN_IN_LIMITS;
  return r.reason === 'locked'
    ? `this account is locked after ${perUsername} failed sign-ins within ${windowMinutes} minutes; it is locked until ${readableTime(r.until)}`
    : `sign-in from your address is paused after ${perClient} failed sign-ins within ${windowMinutes} minutes; try again after ${readableTime(r.until)}`;
}
