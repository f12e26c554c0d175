/**
 * What every change to the CSO's records needs: who makes it, for which
 * trusts, on which database, at what time; the trust a new record goes to;
 * the audit entry of exactly the fields it changed; and the trust's "today"
 * for due dates.
 */
import { HubError } from '../hub/errors.js';
import { owningOrganisation } from '../hub/owning-organisation.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { findOrganisation, type OrgScope } from '../store/organisations.js';
import { findVisibleUser } from '../store/users.js';

export interface CsoActor {
  db: Db;
  username: string;
  now: Date;
  /**
   * The trust whose records this person reads and changes (another's are
   * absent to them), or null when they are ICS-wide (and when the hub itself
   * acts: the demo seed).
   */
  organisationId: OrgScope;
}

/** The trusts the actor reaches. */
export const actorScope = (actor: CsoActor): OrgScope => actor.organisationId;

/** A record that a new or changed one links to, found in the actor's scope: `path` is the request field that names it. */
export interface LinkedRecord {
  path: string;
  /** e.g. "hazard #3", "asset 12". */
  what: string;
  organisationId: number;
}

/**
 * Each linked record must be this trust's: a hazard, action or exception and
 * what it links to belong to one trust, or each trust's people would see half
 * of it. 409, naming the field and both trusts.
 */
export function mustBeInTrust(db: Db, linked: readonly LinkedRecord[], organisationId: number): void {
  const stray = linked.find((l) => l.organisationId !== organisationId);
  if (!stray) return;
  const code = (id: number) => findOrganisation(db, id)?.code ?? `organisation ${id}`;
  const message = `${stray.what} is ${code(stray.organisationId)}'s, not ${code(organisationId)}'s: records of two trusts cannot be linked`;
  throw new HubError(409, 'other-trust', message, [{ path: stray.path, message }]);
}

/**
 * The trust a new record goes to: that of the records it links to, which
 * must be one trust (and the one the person names, if they name one); with
 * no link, the one the person names or works for (owningOrganisation: an
 * ICS-wide person names it once the hub has several trusts).
 */
export function newRecordTrust(actor: CsoActor, named: string | undefined, linked: readonly LinkedRecord[]): number {
  const first = linked[0];
  const chosen = first && named === undefined ? first.organisationId : owningOrganisation(actor.db, { organisationId: actorScope(actor) }, named);
  mustBeInTrust(actor.db, linked, chosen);
  return chosen;
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

/**
 * Owners are users the actor can see (ICS-wide, or of the actor's trust), so
 * the name means someone who can sign in, see "My actions" and act. A name of
 * another trust is answered as one that does not exist: the refusal must not
 * tell a trust's person who works elsewhere.
 */
export function checkUser(actor: Pick<CsoActor, 'db' | 'organisationId'>, username: string, path: string): void {
  if (!findVisibleUser(actor.db, username, actor.organisationId)) throw fieldError(path, `no user "${username}" you can give this to`);
}


const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as YYYY-MM-DD in UK time, not UTC: in summer an action due yesterday is overdue from midnight, not from 01:00. */
export function trustToday(now: Date): string {
  return LONDON_DAY.format(now);
}
