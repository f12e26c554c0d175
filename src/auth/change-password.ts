import { z } from 'zod';
import type { Db } from '../store/db.js';
import { deleteUserSessions } from '../store/sessions.js';
import { findUserCredentials, setUserPassword } from '../store/users.js';
import { hashPassword, verifyPassword } from './password.js';
import { recordSignInFailure, signInRefusal, type SignInRefusal } from './sign-in-throttle.js';

/** NCSC guidance: length over composition rules; 12 characters is the floor here. */
export const NewPasswordSchema = z.string().min(12, 'a new password needs at least 12 characters').max(200);

export const PasswordChangeSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPasswordSchema })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ['newPassword'], message: 'the new password must differ from the current one' });
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

/** Who asks: the session making the change, which stays, and its address, which the sign-in limits count. */
export interface ChangeRequest {
  username: string;
  keepSession?: string;
  client: string;
  now: Date;
}

/** Changed; or refused: a wrong current password (`refusal`: the limit that guess tripped, if any). */
export type ChangeResult = { ok: true } | { ok: false; refusal?: SignInRefusal };

/**
 * Sets a new password when the current one is right, and ends the person's
 * other sessions: a session stolen before the change must not outlive it.
 * A wrong current password counts as a failed sign-in, so a stolen session
 * cannot guess the password here without limit; a refused address or
 * account is not checked at all.
 */
export async function changePassword(db: Db, change: PasswordChange, by: ChangeRequest): Promise<ChangeResult> {
  const refusal = signInRefusal(db, by.username, by.client, by.now);
  if (refusal) return { ok: false, refusal };
  const found = findUserCredentials(db, by.username);
  if (!found || !(await verifyPassword(change.currentPassword, found.passwordHash))) {
    return { ok: false, refusal: recordSignInFailure(db, by.username, by.client, by.now) };
  }
  setUserPassword(db, found.user.id, await hashPassword(change.newPassword), false);
  deleteUserSessions(db, found.user.id, by.keepSession);
  return { ok: true };
}
