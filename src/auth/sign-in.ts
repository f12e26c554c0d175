import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db.js';
import { deleteSession, insertSession } from '../store/sessions.js';
import { findUserCredentials, type User } from '../store/users.js';
import { hashPassword, verifyPassword } from './password.js';
import { generateToken, hashToken } from './tokens.js';

export interface SignedIn {
  /** The cookie value; only its hash is stored. */
  token: string;
  user: User;
  expiresAt: Date;
}

// Checked against when the user does not exist, so a wrong username takes as long as a wrong password.
const decoy = hashPassword(generateToken('decoy'));

export async function signIn(db: Db, username: string, password: string, now: Date, sessionHours: number): Promise<SignedIn | undefined> {
  const found = findUserCredentials(db, username);
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoy));
  if (!found || !ok) return undefined;
  const token = generateToken('ews');
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  insertSession(db, { tokenHash: hashToken(token), userId: found.user.id, csrfToken: randomBytes(24).toString('base64url'), now: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, user: found.user, expiresAt };
}

export function signOut(db: Db, token: string): void {
  deleteSession(db, hashToken(token));
}
