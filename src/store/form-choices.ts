/**
 * What a form offers to choose from: the machines, live alerts and found
 * devices a record may name, a bounded few of each (the caller says how many),
 * so a big estate's pages stay small. A value not offered may still be typed;
 * the form's handler judges it.
 */
import type { Db } from './db.js';
import { bindTrust, forTrust, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';

export interface AlertChoice {
  id: number;
  title: string;
  /** Null for an estate-wide alert. */
  hostname: string | null;
}

export interface DeviceChoice {
  id: number;
  kind: string;
  name: string;
  /** The machine it was found on. */
  hostname: string;
}

/** The hostnames of the trusts in scope most recently reported, newest first, each once (two trusts may each have a WARD7-PC01). */
export function recentHostnames(db: Db, org: OrgScope, limit: number): string[] {
  // An ICS-wide reader's statement has no trust test, so it walks the last_received_at index.
  const rows = stmt(db, `SELECT hostname FROM assets WHERE ${forTrust(org, 'organisation_id')} ORDER BY last_received_at DESC, id DESC LIMIT @limit`)
    .all({ ...bindTrust(org), limit }) as { hostname: string }[];
  return [...new Set(rows.map((r) => r.hostname))];
}

/** A trust's live alerts in the alerts list's order (most severe, then oldest), which its index keeps. */
export function liveAlertChoices(db: Db, organisationId: number, limit: number): AlertChoice[] {
  return stmt(db, `SELECT a.id, a.title, s.hostname FROM alerts a LEFT JOIN assets s ON s.id = a.asset_id
      WHERE a.organisation_id = @org AND a.status <> 'resolved' ORDER BY a.severity_rank, a.raised_at, a.id LIMIT @limit`)
    .all({ org: organisationId, limit }) as AlertChoice[];
}

/** The devices (printers, modems, faxes) found on a trust's machines, most recently seen first. */
export function foundDeviceChoices(db: Db, organisationId: number, limit: number): DeviceChoice[] {
  return stmt(db, `SELECT d.id, d.kind, d.name, s.hostname FROM devices d JOIN assets s ON s.id = d.asset_id
      WHERE s.organisation_id = @org ORDER BY d.last_seen_at DESC, d.id DESC LIMIT @limit`)
    .all({ org: organisationId, limit }) as DeviceChoice[];
}
