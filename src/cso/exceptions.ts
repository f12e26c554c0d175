/**
 * Risk-accepted exceptions: kit that cannot be made supported (the CT scanner
 * console on Windows XP whose supplier will not upgrade it) is documented,
 * risk-assessed and formally accepted (DSPT 8.2), with temporary compensating
 * controls (CAF B4.d), until an expiry date.
 *
 * Life: requested (pending) → signed off by a CSO (in-effect) or rejected;
 * in-effect → expired (the hourly job) or revoked. Every change writes its
 * audit entry in the same transaction. Roles are checked at the routes; the
 * four-eyes rule needs the people involved, so it is checked here. An
 * exception is one trust's, that of its assets; another trust's is absent
 * (404) to that trust's people, and what it tells people is that trust's.
 */
import { z } from 'zod';
import { HubError, notFound } from '../hub/errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import {
  findAssetOrganisations, findException, getException, insertException, listExceptionsDueToExpire, updateExceptionStatus,
  type ExceptionDetail, type ExceptionRow, type ExceptionStatus, type ExceptionStatusFields,
} from '../store/exceptions.js';
import { findHazard } from '../store/hazards.js';
import { closeNotices, insertNotification } from '../store/notifications.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';
import type { Role } from '../store/users.js';
import { actorScope, newRecordTrust, type CsoActor, type LinkedRecord } from './cso-actor.js';
import { NewRecordOrganisationSchema } from './hazard-schemas.js';

export interface ExceptionActor extends CsoActor {
  role: Role;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};
const today = (now: Date) => now.toISOString().slice(0, 10);
const aYearAhead = (now: Date) => new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);

/**
 * Mandatory, after today and at most a year ahead: DSPT is submitted yearly, so
 * every accepted risk comes back to the CSO at least once per submission
 * instead of quietly outliving the reasons it was accepted for.
 */
export function expiryDateSchema(now: Date) {
  const first = today(now);
  const last = aYearAhead(now);
  return z
    .string({ error: 'give the expiry date (YYYY-MM-DD); an exception cannot be open-ended' })
    .regex(ISO_DAY, { error: 'a date as YYYY-MM-DD', abort: true })
    // Date.parse accepts 2027-02-30 (as 2 March); a real date survives the round trip unchanged.
    .refine((d) => isRealDay(d), { error: 'not a real date', abort: true })
    .refine((d) => d > first, { error: `must be after today (${first})` })
    .refine((d) => d <= last, { error: `must be at most one year ahead (${last}): DSPT is yearly` });
}

const text = (what: string, min: number, max: number) =>
  z.string({ error: `give the ${what}` }).trim().min(min, { error: `give the ${what} (at least ${min} characters)` }).max(max);
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The request body; rule ids must be rules the hub knows, so an exception always covers real alerts. */
export function exceptionRequestSchema(now: Date, knownRuleIds: readonly string[]) {
  const known = new Set(knownRuleIds);
  return z.strictObject({
    title: text('title', 3, 200),
    justification: text('justification', 10, 4000),
    compensatingControls: text('compensating controls, e.g. "isolated VLAN, no internet, USB disabled"', 10, 4000),
    expiresOn: expiryDateSchema(now),
    assetIds: z.array(z.number().int().positive(), { error: 'list the asset ids it covers' }).min(1, { error: 'cover at least one asset' }).max(500).transform(unique),
    ruleIds: z
      .array(z.string().trim().refine((r) => known.has(r), { error: 'not an alert rule this hub knows' }), { error: 'list the alert rule ids it covers' })
      .min(1, { error: 'cover at least one alert rule' }).max(100).transform(unique),
    hazardId: z.number().int().positive().nullable().optional().transform((h) => h ?? null),
    organisation: NewRecordOrganisationSchema,
  });
}
export type ExceptionRequest = z.output<ReturnType<typeof exceptionRequestSchema>>;

export const ReasonSchema = z.strictObject({
  reason: z.string({ error: 'give a reason (at least 10 characters)' }).trim().min(10, { error: 'give a reason of at least 10 characters' }).max(2000),
});

/**
 * Accepting a clinical risk for the trust is a statement, not a click: the CSO
 * writes what they accept and why it is tolerable, and confirms. Both go into
 * the audit entry.
 */
export const SignOffSchema = z.strictObject({
  statement: z
    .string({ error: 'write what you accept and why it is tolerable (at least 20 characters)' })
    .trim()
    .min(20, { error: 'write what you accept and why it is tolerable (at least 20 characters)' })
    .max(2000),
  confirm: z.literal(true, { error: 'confirm that you accept this risk on behalf of the trust' }),
});
export type SignOff = z.infer<typeof SignOffSchema>;

const badField = (path: string, message: string) => new HubError(400, 'invalid-request', `${path}: ${message}`, [{ path, message }]);

/**
 * The assets and hazard a request names, each found in the actor's scope
 * (another trust's is treated as absent, a 400 naming the field).
 */
function linkedRecords(db: Db, req: ExceptionRequest, org: OrgScope): LinkedRecord[] {
  const found = findAssetOrganisations(db, req.assetIds, org);
  const missing = req.assetIds.filter((a) => !found.has(a));
  if (missing.length) throw badField('assetIds', `no asset with id ${missing.join(', ')}`);
  const linked = [...found].map(([id, organisationId]) => ({ path: 'assetIds', what: `asset ${id}`, organisationId }));
  if (req.hazardId === null) return linked;
  const hazard = findHazard(db, req.hazardId, org);
  if (!hazard) throw badField('hazardId', `no hazard ${req.hazardId}`);
  return [...linked, { path: 'hazardId', what: `hazard #${hazard.id}`, organisationId: hazard.organisationId }];
}

/** Files a pending exception for its assets' trust; that trust's CSOs are told it waits for them. */
export function requestException(actor: ExceptionActor, req: ExceptionRequest): ExceptionDetail {
  const { db, username, now } = actor;
  const { organisation, ...fields } = req;
  const at = now.toISOString();
  const id = inTransaction(db, () => {
    const organisationId = newRecordTrust(actor, organisation, linkedRecords(db, req, actorScope(actor)));
    const newId = insertException(db, { ...fields, organisationId, requestedBy: username, at });
    appendAudit(db, { at, actor: username, action: 'request', entity: 'exception', entityId: String(newId), after: { ...fields, status: 'pending' } });
    // Not to the requester, even a CSO: they cannot sign off their own request (four-eyes).
    insertNotification(db, {
      recipientRole: 'cso', organisationId, at, sender: username, text: `Exception #${newId} '${req.title}' requested by ${username} awaits sign-off`, link: `/exceptions/${newId}`,
    });
    return newId;
  });
  return mustGet(db, id, actorScope(actor));
}

function mustGet(db: Db, id: number, org: OrgScope): ExceptionDetail {
  const e = getException(db, id, org);
  if (!e) throw notFound(`exception ${id}`);
  return e;
}

const STATUS_KEYS = ['status', 'signedOffBy', 'signedOffAt'] as const;
const pick = (e: ExceptionStatusFields, keys: readonly (keyof ExceptionStatusFields)[]) => Object.fromEntries(keys.map((k) => [k, e[k]]));

interface Move {
  action: string;
  from: readonly ExceptionStatus[];
  /** Refuses the move for reasons beyond the status (four-eyes, a passed expiry). */
  check?: (e: ExceptionRow) => void;
  patch: Partial<ExceptionStatusFields>;
  /** Said in the audit entry's `after`: why it was rejected or revoked, the sign-off statement. */
  said?: Record<string, string>;
  /** Who to tell, and what, once the move is made. */
  notify: (e: ExceptionRow) => { to: { recipientRole: Role } | { recipientUser: string }; text: string }[];
}

/** Checks the status, applies the move, audits the changed fields, and notifies; all in one transaction. */
function transition(actor: ExceptionActor, id: number, m: Move): ExceptionDetail {
  const { db, username, now } = actor;
  const at = now.toISOString();
  inTransaction(db, () => {
    const e = findException(db, id, actorScope(actor));
    if (!e) throw notFound(`exception ${id}`);
    if (!m.from.includes(e.status)) throw new HubError(409, 'invalid-transition', `cannot ${m.action} exception ${id}: it is ${e.status} (allowed from ${m.from.join(', ')})`);
    m.check?.(e);
    const next = { ...e, ...m.patch, updatedAt: at };
    updateExceptionStatus(db, id, next);
    const changed = STATUS_KEYS.filter((k) => next[k] !== e[k]);
    const after = { ...pick(next, changed), ...m.said };
    appendAudit(db, { at, actor: username, action: m.action, entity: 'exception', entityId: String(id), before: pick(e, changed), after });
    // Decided: "awaits sign-off" is no longer any CSO's to do.
    closeNotices(db, `/exceptions/${id}`, at);
    for (const n of m.notify(e)) insertNotification(db, { ...n.to, organisationId: e.organisationId, at, sender: username, text: n.text, link: `/exceptions/${id}` });
  });
  return mustGet(db, id, actorScope(actor));
}

const label = (e: ExceptionRow) => `Exception #${e.id} '${e.title}'`;
const toRequester = (actor: ExceptionActor, e: ExceptionRow, text: string) => (e.requestedBy === actor.username ? [] : [{ to: { recipientUser: e.requestedBy }, text }]);

/**
 * Four-eyes: a CSO cannot sign off an exception they requested themselves, so
 * accepting a risk always takes two people (a trust with one CSO names a deputy).
 * An exception whose expiry day has already come cannot be brought into effect.
 */
export function signOffException(actor: ExceptionActor, id: number, signOff: SignOff): ExceptionDetail {
  return transition(actor, id, {
    action: 'sign-off',
    from: ['pending'],
    said: { statement: signOff.statement },
    check: (e) => {
      if (e.requestedBy === actor.username) throw new HubError(403, 'four-eyes', `you requested exception ${id}; another CSO must sign it off`);
      if (e.expiresOn <= today(actor.now)) throw new HubError(409, 'expired', `exception ${id} expired on ${e.expiresOn}; request a new one`);
    },
    patch: { status: 'in-effect', signedOffBy: actor.username, signedOffAt: actor.now.toISOString() },
    notify: (e) => toRequester(actor, e, `${label(e)} was signed off by ${actor.username}; in effect until ${e.expiresOn}`),
  });
}

/** Refusing a risk needs no second person: it leaves the alerts as they were. */
export function rejectException(actor: ExceptionActor, id: number, reason: string): ExceptionDetail {
  return transition(actor, id, {
    action: 'reject', from: ['pending'], patch: { status: 'rejected' }, said: { reason },
    notify: (e) => toRequester(actor, e, `${label(e)} was rejected by ${actor.username}: ${reason}`),
  });
}

/** Withdrawn before its expiry (the kit was replaced, or a control failed); a pending one may be withdrawn too. */
export function revokeException(actor: ExceptionActor, id: number, reason: string): ExceptionDetail {
  return transition(actor, id, {
    action: 'revoke', from: ['pending', 'in-effect'], patch: { status: 'revoked' }, said: { reason },
    notify: (e) => [
      ...toRequester(actor, e, `${label(e)} was revoked by ${actor.username}: ${reason}`),
      ...(actor.role === 'cso' ? [] : [{ to: { recipientRole: 'cso' as const }, text: `${label(e)} was revoked by ${actor.username}: ${reason}` }]),
    ],
  });
}

/**
 * Moves in-effect exceptions whose expiry day has come to expired, as "system",
 * in every trust, and tells each one's CSOs (the message is its trust's). Alerts were never closed by an exception, so they simply
 * stop showing as accepted risk. Returns how many expired.
 */
export function expireExceptions(db: Db, now: Date): number {
  const at = now.toISOString();
  return inTransaction(db, () => {
    const due = listExceptionsDueToExpire(db, today(now));
    for (const e of due) {
      updateExceptionStatus(db, e.id, { status: 'expired', signedOffBy: e.signedOffBy, signedOffAt: e.signedOffAt, updatedAt: at });
      appendAudit(db, { at, actor: 'system', action: 'expire', entity: 'exception', entityId: String(e.id), before: { status: e.status }, after: { status: 'expired' } });
      insertNotification(db, {
        recipientRole: 'cso', organisationId: e.organisationId, at, text: `${label(e)} expired on ${e.expiresOn}: its alerts are open again`, link: `/exceptions/${e.id}`,
      });
    }
    return due.length;
  });
}
