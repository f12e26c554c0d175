import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export const ROLES = ['admin', 'security-lead', 'cso', 'board'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  /** The trust whose records they see; null: ICS-wide, every trust's. */
  organisationId: number | null;
  /** Their name and job title as people read them ("Dr Jane Smith", "Clinical Safety Officer"); '' until set. */
  displayName: string;
  jobTitle: string;
}

interface UserRow {
  id: number;
  username: string;
  role: Role;
  must_change_password: number;
  password_hash: string;
  organisation_id: number | null;
  display_name: string;
  job_title: string;
}

export const toUser = (r: Omit<UserRow, 'password_hash'>): User => ({
  id: r.id,
  username: r.username,
  role: r.role,
  mustChangePassword: r.must_change_password === 1,
  organisationId: r.organisation_id,
  displayName: r.display_name,
  jobTitle: r.job_title,
});

export function insertUser(db: Db, u: Omit<User, 'id' | 'displayName' | 'jobTitle'> & Partial<Pick<User, 'displayName' | 'jobTitle'>> & { passwordHash: string; now: string }): User {
  const profile = { displayName: u.displayName ?? '', jobTitle: u.jobTitle ?? '' };
  const id = insertReturningId(db, 'INSERT INTO users (username, password_hash, role, must_change_password, organisation_id, created_at, display_name, job_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    u.username, u.passwordHash, u.role, u.mustChangePassword ? 1 : 0, u.organisationId, u.now, profile.displayName, profile.jobTitle,
  );
  return { id, username: u.username, role: u.role, mustChangePassword: u.mustChangePassword, organisationId: u.organisationId, ...profile };
}

export function setUserProfile(db: Db, userId: number, p: Pick<User, 'displayName' | 'jobTitle'>): void {
  stmt(db, 'UPDATE users SET display_name = ?, job_title = ? WHERE id = ?').run(p.displayName, p.jobTitle, userId);
}

/** A person as a record names them: "Dr Jane Smith (Clinical Safety Officer)", or the username until they have a name. */
export function personLabel(u: Pick<User, 'username' | 'displayName' | 'jobTitle'>): string {
  if (!u.displayName) return u.username;
  return u.jobTitle ? `${u.displayName} (${u.jobTitle})` : u.displayName;
}

/** Every user someone in `scope` may pick as an owner or assignee (findVisibleUser's rule), by name. */
export function listVisibleUsers(db: Db, scope: OrgScope): User[] {
  const rows = stmt(db, `SELECT * FROM users WHERE organisation_id IS NULL OR ${inScope('organisation_id')} ORDER BY username`).all({ org: scope }) as UserRow[];
  return rows.map(toUser);
}

/** How each username reads on a page: by name where one is set. */
export function peopleLabels(db: Db, scope: OrgScope): Map<string, string> {
  return new Map(listVisibleUsers(db, scope).map((u) => [u.username, personLabel(u)]));
}

/** The user and their stored hash, for checking a password at sign-in. */
export function findUserCredentials(db: Db, username: string): { user: User; passwordHash: string } | undefined {
  const r = stmt(db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return r && { user: toUser(r), passwordHash: r.password_hash };
}

export function setUserPassword(db: Db, userId: number, passwordHash: string, mustChange: boolean): void {
  stmt(db, 'UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, mustChange ? 1 : 0, userId);
}

export function countUsers(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

/**
 * The user of this name as someone in `scope` may see them: any user for an
 * ICS-wide scope, else an ICS-wide user or one of that trust. Another trust's
 * user is treated as absent, as its records are.
 */
export function findVisibleUser(db: Db, username: string, scope: OrgScope): User | undefined {
  const user = findUserCredentials(db, username)?.user;
  return user && (scope === null || user.organisationId === null || user.organisationId === scope) ? user : undefined;
}
