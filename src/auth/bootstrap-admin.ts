import type { Db } from '../store/db.js';
import { countUsers, insertUser } from '../store/users.js';
import { generatePassword, hashPassword } from './password.js';

/**
 * On a hub with no users, creates `admin` with a random password and returns it,
 * to be shown once; the database keeps only its hash. Returns undefined otherwise.
 */
export async function bootstrapAdmin(db: Db, now: Date): Promise<string | undefined> {
  if (countUsers(db) > 0) return undefined;
  const password = generatePassword();
  insertUser(db, { username: 'admin', passwordHash: await hashPassword(password), role: 'admin', mustChangePassword: true, now: now.toISOString() });
  return password;
}
