import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from '../store/db.js';
import { deleteSession, insertSession } from '../store/sessions.js';
import { findUserCredentials, type User } from '../store/users.js';
import { oneAtATime } from './one-at-a-time.js';
import { hashPassword, verifyPassword } from './password.js';
import { recordSignInFailure, recordSignInSuccess, signInRefusal, signInSlowdownMs, type SignInRefusal } from './sign-in-throttle.js';
import { generateToken, hashToken } from './tokens.js';

export interface SignedIn {
  /** The cookie value; only its hash is stored. */
  token: string;
  user: User;
  expiresAt: Date;
}

export interface SignInAttempt {
  username: string;
  password: string;
  /** The caller's network address, for the per-address limit. */
  client: string;
}

/** Signed in; or refused, with the pause or address limit in force when there is one (none: a wrong username or password). */
export type SignInResult = { ok: true; signedIn: SignedIn } | { ok: false; refusal?: SignInRefusal };

// Checked against when the user does not exist, so a wrong username takes as long as a wrong password.
const decoy = hashPassword(generateToken('decoy'));

/**
 * Attempts from one address are checked one at a time (see oneAtATime), so a
 * burst cannot slip past its limits. An account under attack is answered no
 * sooner than its slowdown, right password or wrong, so the delay tells nothing;
 * the wait is outside the address's line, so its owner never queues behind a guesser.
 */
export async function signIn(db: Db, attempt: SignInAttempt, now: Date, sessionHours: number): Promise<SignInResult> {
  const held = delay(signInSlowdownMs(db, attempt.username, now));
  const [result] = await Promise.all([oneAtATime(`client ${attempt.client}`, () => checkAttempt(db, attempt, now, sessionHours)), held]);
  return result;
}

async function checkAttempt(db: Db, { username, password, client }: SignInAttempt, now: Date, sessionHours: number): Promise<SignInResult> {
  const refusal = signInRefusal(db, username, client, now);
  if (refusal) return { ok: false, refusal };
  const found = findUserCredentials(db, username);
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoy));
  if (!found || !ok) return { ok: false, refusal: recordSignInFailure(db, username, client, now) };
  recordSignInSuccess(db, username, client);
  return { ok: true, signedIn: startSession(db, found.user, now, sessionHours) };
}

function startSession(db: Db, user: User, now: Date, sessionHours: number): SignedIn {
  const token = generateToken('ews');
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  insertSession(db, { tokenHash: hashToken(token), userId: user.id, csrfToken: randomBytes(24).toString('base64url'), now: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, user, expiresAt };
}

export function signOut(db: Db, token: string): void {
  deleteSession(db, hashToken(token));
}
