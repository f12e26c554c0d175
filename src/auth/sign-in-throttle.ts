/**
 * Sign-in throttling that an outsider cannot turn against an account.
 *
 * - By address first: twenty failures from one client address within 15
 *   minutes refuse that address, whatever name it tries next.
 * - One account from one address: five failures pause that pair until the
 *   oldest ages out of the window. The account's owner, at their own machine,
 *   is not paused by someone else's guesses.
 * - One account from everywhere: from its fifth failure within the window
 *   the account is "under attack" and every answer for it, right password or
 *   wrong, is slowed (half a second more per further failure, at most five).
 *   It is never locked: its owner still signs in with the right password.
 *
 * A name that is not a user counts the same way, so the answers never tell
 * which names exist. The counts live in the database (sign_in_failures): a
 * restart gives an attacker nothing. `estatewatch admin unlock` forgets an
 * account's or an address's failures.
 */
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { insertNotification } from '../store/notifications.js';
import { countUsernameFailures, deleteAddressFailuresFor, insertSignInFailure, nthFailureAt, pruneSignInFailures } from '../store/sign-in-attempts.js';
import { inTransaction } from '../store/statements.js';

export const SIGN_IN_LIMITS = { perAddress: 20, perAccountFromAddress: 5, underAttackAt: 5, windowMinutes: 15, slowStepMs: 500, slowestMs: 5_000 } as const;

/** Why a sign-in is refused whatever the password, and until when. */
export interface SignInRefusal {
  /** throttled: the address; paused: this account from this address. */
  reason: 'throttled' | 'paused';
  until: Date;
}

const minutesFrom = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);
const windowStart = (now: Date) => minutesFrom(now, -SIGN_IN_LIMITS.windowMinutes).toISOString();

/** The refusal in force at `now` for this address, or this account from this address, if any. */
export function signInRefusal(db: Db, username: string, client: string, now: Date): SignInRefusal | undefined {
  const since = windowStart(now);
  const until = (at: string) => minutesFrom(new Date(at), SIGN_IN_LIMITS.windowMinutes);
  const address = nthFailureAt(db, { client, since, n: SIGN_IN_LIMITS.perAddress });
  if (address) return { reason: 'throttled', until: until(address) };
  const pair = nthFailureAt(db, { client, username, since, n: SIGN_IN_LIMITS.perAccountFromAddress });
  if (pair) return { reason: 'paused', until: until(pair) };
  return undefined;
}

/** How long every answer for this account is held back while it is under attack: none before. */
export function signInSlowdownMs(db: Db, username: string, now: Date): number {
  const failures = countUsernameFailures(db, username, windowStart(now));
  const beyond = failures - SIGN_IN_LIMITS.underAttackAt + 1;
  return beyond > 0 ? Math.min(SIGN_IN_LIMITS.slowestMs, beyond * SIGN_IN_LIMITS.slowStepMs) : 0;
}

/**
 * Records a failed sign-in (or a wrong current password on the change-password
 * form). The failure that puts the account under attack is audited and told to
 * the security lead in the same transaction. Returns the refusal now in force,
 * so the attempt that trips a limit is told at once.
 */
export function recordSignInFailure(db: Db, username: string, client: string, now: Date): SignInRefusal | undefined {
  return inTransaction(db, () => {
    pruneSignInFailures(db, windowStart(now));
    insertSignInFailure(db, { username, client, at: now.toISOString() });
    if (countUsernameFailures(db, username, windowStart(now)) === SIGN_IN_LIMITS.underAttackAt) accountUnderAttack(db, username, client, now);
    return signInRefusal(db, username, client, now);
  });
}

/** A right password starts this address's count for the account again; other addresses' guesses still count. */
export function recordSignInSuccess(db: Db, username: string, client: string): void {
  deleteAddressFailuresFor(db, username, client);
}

function accountUnderAttack(db: Db, username: string, client: string, now: Date): void {
  const { underAttackAt, windowMinutes } = SIGN_IN_LIMITS;
  // By name, not user id: a name that is not a user is counted too, and the log should show what was tried.
  appendAudit(db, { at: now.toISOString(), actor: 'system', action: 'sign-in-slowed', entity: 'user', entityId: username, after: { failures: underAttackAt, withinMinutes: windowMinutes, client } });
  insertNotification(db, {
    recipientRole: 'security-lead', at: now.toISOString(),
    text: `${underAttackAt} failed sign-ins for "${username}" within ${windowMinutes} minutes, the last from ${client}: its sign-ins are slowed, not locked. Addresses that keep guessing are refused; estatewatch admin unlock clears them.`,
  });
}

const readableTime = (t: Date) => `${t.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** What a refused person is told: why, and when they may try again. */
export function refusalMessage(r: SignInRefusal): string {
  const { perAddress, perAccountFromAddress, windowMinutes } = SIGN_IN_LIMITS;
  return r.reason === 'paused'
    ? `sign-in to this account from your address is paused after ${perAccountFromAddress} failed attempts within ${windowMinutes} minutes; try again after ${readableTime(r.until)}`
    : `sign-in from your address is paused after ${perAddress} failed sign-ins within ${windowMinutes} minutes; try again after ${readableTime(r.until)}`;
}
