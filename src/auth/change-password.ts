import { z } from 'zod';
import type { Db } from '../store/db.js';
import { deleteUserSessions } from '../store/sessions.js';
import { findUserCredentials, setUserPassword } from '../store/users.js';
import { hashPassword, verifyPassword } from './password.js';

/** NCSC guidance: length over composition rules; 12 characters is the floor here. */
export const NewPasswordSchema = z.string().min(12, 'a new password needs at least 12 characters').max(200);

export const PasswordChangeSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPasswordSchema })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ['newPassword'], message: 'the new password must differ from the current one' });
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

/**
 * Sets a new password when the current one is right, and ends the person's
 * other sessions (`keepSession`, the one making the change, stays): a session
 * stolen before the change must not outlive it. False when the current
 * password is wrong.
 */
export async function changePassword(db: Db, username: string, change: PasswordChange, keepSession?: string): Promise<boolean> {
  const found = findUserCredentials(db, username);
  if (!found || !(await verifyPassword(change.currentPassword, found.passwordHash))) return false;
  setUserPassword(db, found.user.id, await hashPassword(change.newPassword), false);
  deleteUserSessions(db, found.user.id, keepSession);
  return true;
}
