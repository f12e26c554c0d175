import type { Db } from '../store/db.js';
import { inTransaction } from '../store/statements.js';
import { countUsers, insertUser } from '../store/users.js';
import { generatePassword, hashPassword } from './password.js';

/**
 * On a hub with no users, creates `admin` with a random password and returns it,
 * to be shown once; the database keeps only its hash. Returns undefined otherwise.
 */
export async function bootstrapAdmin(db: Db, now: Date): Promise<string | undefined> {
  if (countUsers(db) > 0) return undefined;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  // Another hub starting on the same database may have made the first admin while this one hashed: then it showed the password.
  const created = inTransaction(db, () => {
    if (countUsers(db) > 0) return false;
    insertUser(db, { username: 'admin', passwordHash, role: 'admin', mustChangePassword: true, organisationId: null, now: now.toISOString() });
    return true;
  });
  return created ? password : undefined;
}
