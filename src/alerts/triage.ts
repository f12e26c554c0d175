/**
 * What a security lead does to an alert: acknowledge, assign, note, resolve,
 * suppress, reopen. Each checks the transition is allowed from the alert's
 * current status, then writes the change and its audit entry (the changed
 * fields before and after, by whom) in one transaction: both land or neither.
 */
import { z } from 'zod';
import type { AlertRule } from './alert-rule-schema.js';
import { HubError, notFound } from '../hub/errors.js';
import {
  findAlert, getAlert, insertAlertNote, updateAlertTriage,
  type AlertDetail, type AlertRow, type AlertStatus, type TriageFields,
} from '../store/alert-queries.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';
import { findVisibleUser } from '../store/users.js';

/** Who acts, on which database, at what time. */
export interface TriageActor {
  db: Db;
  username: string;
  now: Date;
  /** The trusts whose alerts they may act on: their trust's, or (null) every trust's. Another trust's alert is not found. */
  org: OrgScope;
  /** The rules the alerts came from, and how long a critical or unsupported-OS alert may be suppressed (ESTATEWATCH_SUPPRESS_CAP_DAYS). */
  suppression: SuppressionPolicy;
}

export interface SuppressionPolicy {
  rules: readonly AlertRule[];
  capDays: number;
}

/**
 * Critical alerts and those of an unsupported operating system are for
 * fixing or for an exception a CSO signs off, not for silencing: they may be
 * suppressed for `capDays` at most. The last day allowed, or undefined when
 * the alert has no cap.
 */
export function suppressionLimit(alert: Pick<AlertRow, 'severity' | 'ruleId'>, policy: SuppressionPolicy, now: Date): string | undefined {
  const rule = policy.rules.find((r) => r.id === alert.ruleId);
  const unsupportedOs = rule?.condition.kind === 'os-status' && rule.condition.statuses.includes('unsupported');
  if (alert.severity !== 'critical' && !unsupportedOs) return undefined;
  return new Date(now.getTime() + policy.capDays * 86_400_000).toISOString().slice(0, 10);
}

export const NoteRequestSchema = z.strictObject({ text: z.string().trim().min(1, { error: 'write a note' }).max(4000) });
export const ResolveRequestSchema = z.strictObject({ note: z.string().trim().max(4000).optional().transform((s) => s || undefined) });
export const AssignRequestSchema = z.strictObject({
  /** A username, or null (or "") to unassign. */
  assignee: z.string().trim().max(100).nullable().transform((s) => s || null),
});

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A suppression needs a reason someone else can judge later and an end: an
 * alert silenced for ever is a risk nobody sees. At most a year, so it comes
 * back at least at each yearly DSPT submission.
 */
export function suppressRequestSchema(now: Date) {
  const today = now.toISOString().slice(0, 10);
  const inAYear = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  return z.strictObject({
    reason: z.string({ error: 'give a reason (at least 10 characters)' }).trim().min(10, { error: 'give a reason of at least 10 characters' }).max(2000),
    until: z
      .string({ error: 'give the date the suppression ends (YYYY-MM-DD)' })
      .regex(ISO_DAY, { error: 'a date as YYYY-MM-DD', abort: true })
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: 'not a real date', abort: true })
      .refine((d) => d > today, { error: `must be after today (${today})` })
      .refine((d) => d <= inAYear, { error: `must be at most one year ahead (${inAYear})` }),
  });
}
export type SuppressRequest = z.output<ReturnType<typeof suppressRequestSchema>>;

const TRIAGE_KEYS = ['status', 'assignee', 'acknowledgedAt', 'resolvedAt', 'resolution', 'suppressedUntil', 'suppressReason'] as const;

const pick = (row: TriageFields, keys: readonly (keyof TriageFields)[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
const triageFields = (a: AlertRow): TriageFields => pick(a, TRIAGE_KEYS) as TriageFields;

/**
 * Loads the alert, checks its status is one of `from`, applies `patch`, and
 * audits the fields that changed. Returns the alert as it now stands.
 */
function transition(actor: TriageActor, id: number, action: string, from: readonly AlertStatus[], patch: (a: AlertRow, at: string) => Partial<TriageFields>): AlertDetail {
  const { db, username, now } = actor;
  const at = now.toISOString();
  inTransaction(db, () => {
    const alert = mustFind(actor, id);
    if (!from.includes(alert.status)) {
      throw new HubError(409, 'invalid-transition', `cannot ${action} alert ${id}: it is ${alert.status} (allowed from ${from.join(', ')})`);
    }
    const current = triageFields(alert);
    const next = { ...current, ...patch(alert, at) };
    const changed = TRIAGE_KEYS.filter((k) => next[k] !== current[k]);
    if (!changed.length) return;
    updateAlertTriage(db, id, next);
    appendAudit(db, { at, actor: username, action, entity: 'alert', entityId: String(id), before: pick(current, changed), after: pick(next, changed) });
  });
  return mustGet(actor, id);
}

function mustFind({ db, now, org }: TriageActor, id: number): AlertRow {
  const alert = findAlert(db, id, now, org);
  if (!alert) throw notFound(`alert ${id}`);
  return alert;
}

function mustGet({ db, now, org }: TriageActor, id: number): AlertDetail {
  const alert = getAlert(db, id, now, org);
  if (!alert) throw notFound(`alert ${id}`);
  return alert;
}

const LIVE: readonly AlertStatus[] = ['open', 'acknowledged', 'suppressed'];

/** Someone has seen it and owns the response: the 48-hour clock stops. */
export function acknowledgeAlert(actor: TriageActor, id: number): AlertDetail {
  return transition(actor, id, 'acknowledge', ['open'], (_a, at) => ({ status: 'acknowledged', acknowledgedAt: at }));
}

/**
 * To a user of this hub who can see the alert (so the name means someone who
 * can sign in and act: an ICS-wide person or one of the alert's trust), or to nobody.
 */
export function assignAlert(actor: TriageActor, id: number, assignee: string | null): AlertDetail {
  // One answer for a name that is not a user and one of another trust: the refusal must not tell who works elsewhere.
  const refuse = () => {
    const message = `no user "${assignee}" who can see alert ${id}`;
    return new HubError(400, 'invalid-request', message, [{ path: 'assignee', message }]);
  };
  return transition(actor, id, 'assign', LIVE, (a) => {
    if (assignee !== null && !findVisibleUser(actor.db, assignee, a.organisationId)) throw refuse();
    return { assignee };
  });
}

/** Notes are allowed on resolved alerts too: what was done is often written up afterwards. */
export function addAlertNote(actor: TriageActor, id: number, text: string): AlertDetail {
  const { db, username, now } = actor;
  const at = now.toISOString();
  inTransaction(db, () => {
    mustFind(actor, id);
    noteInTransaction(db, { alertId: id, author: username, at, text });
  });
  return mustGet(actor, id);
}

function noteInTransaction(db: Db, n: { alertId: number; author: string; at: string; text: string }): void {
  const noteId = insertAlertNote(db, n);
  appendAudit(db, { at: n.at, actor: n.author, action: 'note', entity: 'alert', entityId: String(n.alertId), after: { noteId, text: n.text } });
}

/** A person closes it by hand (the engine's own closes are 'cleared'); an optional note says why. */
export function resolveAlert(actor: TriageActor, id: number, note?: string): AlertDetail {
  const { db, username, now } = actor;
  return inTransaction(db, () => {
    const resolved = transition(actor, id, 'resolve', LIVE, (_a, at) => ({ status: 'resolved', resolution: 'manual', resolvedAt: at, suppressedUntil: null, suppressReason: null }));
    if (!note) return resolved;
    noteInTransaction(db, { alertId: id, author: username, at: now.toISOString(), text: note });
    return mustGet(actor, id);
  });
}

/** Silenced until a date, for a stated reason; a live suppression may be extended or re-worded. The engine reopens it when the date passes. */
export function suppressAlert(actor: TriageActor, id: number, req: SuppressRequest): AlertDetail {
  return transition(actor, id, 'suppress', LIVE, (a) => {
    const limit = suppressionLimit(a, actor.suppression, actor.now);
    if (limit !== undefined && req.until > limit) {
      const message = `a critical or unsupported-OS alert may be suppressed for ${actor.suppression.capDays} days at most (until ${limit}): an end-of-life system that must stay is a risk to accept, so request an exception for a CSO to sign off`;
      throw new HubError(400, 'invalid-request', message, [{ path: 'until', message }]);
    }
    return { status: 'suppressed', suppressedUntil: `${req.until}T00:00:00.000Z`, suppressReason: req.reason };
  });
}

/** Back to open for a fresh look: the acknowledgement and any suppression are withdrawn. */
export function reopenAlert(actor: TriageActor, id: number): AlertDetail {
  return transition(actor, id, 'reopen', ['acknowledged', 'suppressed'], () => ({ status: 'open', acknowledgedAt: null, suppressedUntil: null, suppressReason: null }));
}
