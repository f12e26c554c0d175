/**
 * What every change to the CSO's records needs: who makes it, on which
 * database, at what time; the audit entry of exactly the fields it changed;
 * and the trust's "today" for due dates.
 */
import { HubError } from '../hub/errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { findUserCredentials } from '../store/users.js';

export interface CsoActor {
  db: Db;
  username: string;
  now: Date;
}

export interface Change<T> {
  action: string;
  entity: 'hazard' | 'action';
  entityId: number;
  before: T;
  after: T;
  /** The fields to compare; only those that differ are written, so the trail reads as what changed. */
  keys: readonly (keyof T & string)[];
}

/** Audits the fields that differ; false (nothing written) when none did. Call inside the change's transaction. */
export function auditChange<T extends object>(actor: CsoActor, c: Change<T>): boolean {
  const changed = c.keys.filter((k) => c.before[k] !== c.after[k]);
  if (!changed.length) return false;
  const pick = (o: T) => Object.fromEntries(changed.map((k) => [k, o[k]]));
  appendAudit(actor.db, { at: actor.now.toISOString(), actor: actor.username, action: c.action, entity: c.entity, entityId: String(c.entityId), before: pick(c.before), after: pick(c.after) });
  return true;
}

/** A 400 naming one field, for checks zod cannot make (the value must exist in the database). */
export function fieldError(path: string, message: string): HubError {
  return new HubError(400, 'invalid-request', `1 invalid field: ${path} (${message})`, [{ path, message }]);
}

/** Owners are users of this hub, so the name means someone who can sign in, see "My actions" and act. */
export function checkUser(db: Db, username: string, path: string): void {
  if (!findUserCredentials(db, username)) throw fieldError(path, `no user "${username}" on this hub`);
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as YYYY-MM-DD in UK time, not UTC: in summer an action due yesterday is overdue from midnight, not from 01:00. */
export function trustToday(now: Date): string {
  return LONDON_DAY.format(now);
}
