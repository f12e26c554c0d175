/**
 * A person's name and job title: how records name them ("signed off by Dr
 * Jane Smith (Clinical Safety Officer)"). Set by an admin (estatewatch admin
 * create-user / set-profile) or by the person on their account page; audited.
 */
import { z } from 'zod';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { inTransaction } from '../store/statements.js';
import { setUserProfile, type User } from '../store/users.js';

const PRINTABLE = /^[^\u0000-\u001f\u007f<>]*$/;

export const ProfileSchema = z.strictObject({
  displayName: z.string().trim().max(100, { error: 'a name of at most 100 characters' }).regex(PRINTABLE, { error: 'a name without control characters or < >' }),
  jobTitle: z.string().trim().max(100, { error: 'a job title of at most 100 characters' }).regex(PRINTABLE, { error: 'a job title without control characters or < >' }),
});
export type ProfileFields = z.output<typeof ProfileSchema>;

/** Sets the person's own name and title, audited as them. */
export function updateOwnProfile(db: Db, user: User, p: ProfileFields, now: Date): void {
  inTransaction(db, () => {
    setUserProfile(db, user.id, p);
    appendAudit(db, { at: now.toISOString(), actor: user.username, action: 'update', entity: 'user', entityId: user.username, before: { displayName: user.displayName, jobTitle: user.jobTitle }, after: p });
  });
}
