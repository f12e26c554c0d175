import type { Db, Statement } from './db.js';
import { dialectOf, jsonValues, perDialect } from './dialect.js';
import { inScope, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';

export interface TrajectoryFilter {
  kind: string;
  site?: string;
}

/**
 * How many registered devices of a kind in the trusts in scope were in use (in
 * use or replacement planned) at the end of each of `days`, from their status
 * history: what the count really was then, whatever has changed since. One
 * statement for all the days: on PostgreSQL each statement is a round trip,
 * and a page draws two trajectories of up to 25 points.
 */
export function countInUseOn(db: Db, org: OrgScope, f: TrajectoryFilter, days: readonly string[]): Map<string, number> {
  return countsByDay(stmt(db, IN_USE_ON[dialectOf(db)]), days, { org, kind: f.kind, site: f.site ?? null });
}

const IN_USE_ON = perDialect((d) => `SELECT k.value AS at, (SELECT count(*) FROM registered_devices d
      WHERE ${inScope('d.organisation_id')} AND d.kind = @kind AND (@site IS NULL OR lower(d.site) = lower(@site))
        AND (SELECT h.status FROM device_status_history h WHERE h.device_id = d.id AND substr(h.at, 1, 10) <= k.value
             ORDER BY h.at DESC, h.id DESC LIMIT 1) IN ('in-use', 'replacement-planned')) AS n
    FROM ${jsonValues(d, '@days')} k`);

/**
 * How many devices of a kind in the trusts in scope would still be in use at the end of each of `days` if each
 * in-use device went on its planned removal date. No date, or a date already
 * missed (on or before `today`), means no plan: it stays. Retained crash bleeps stay by policy.
 */
export function countPlannedOn(db: Db, org: OrgScope, f: TrajectoryFilter, days: readonly string[], today: string): Map<string, number> {
  return countsByDay(stmt(db, PLANNED_ON[dialectOf(db)]), days, { org, kind: f.kind, site: f.site ?? null, today });
}

const PLANNED_ON = perDialect((d) => `SELECT k.value AS at, (SELECT count(*) FROM registered_devices
      WHERE ${inScope('organisation_id')} AND kind = @kind AND (@site IS NULL OR lower(site) = lower(@site)) AND status <> 'decommissioned'
        AND (retained_by_policy = 1 OR planned_removal_on IS NULL OR planned_removal_on <= @today OR planned_removal_on > k.value)) AS n
    FROM ${jsonValues(d, '@days')} k`);

/** Each day's count by a statement that reads the days from @days. */
function countsByDay(counts: Statement, days: readonly string[], params: Record<string, unknown>): Map<string, number> {
  if (!days.length) return new Map();
  const rows = counts.all({ ...params, days: JSON.stringify(days) }) as { at: string; n: number | string }[];
  return new Map(rows.map((r) => [r.at, Number(r.n)]));
}

/** The first day the status history holds for a device of this kind in scope: before it the register knew of none, so no count was ever taken. */
export function firstStatusDay(db: Db, org: OrgScope, f: TrajectoryFilter): string | undefined {
  return (stmt(db, `SELECT min(substr(h.at, 1, 10)) AS day FROM device_status_history h JOIN registered_devices d ON d.id = h.device_id
      WHERE ${inScope('d.organisation_id')} AND d.kind = @kind AND (@site IS NULL OR lower(d.site) = lower(@site))`).get({ org, kind: f.kind, site: f.site ?? null }) as { day: string | null }).day ?? undefined;
}

/** Devices of this kind in scope in use now that a national target covers: those kept by signed-off policy (crash bleeps) are exempt. */
export function countInUseNotRetained(db: Db, org: OrgScope, f: TrajectoryFilter): number {
  return (stmt(db, `SELECT count(*) AS n FROM registered_devices
      WHERE ${inScope('organisation_id')} AND kind = @kind AND (@site IS NULL OR lower(site) = lower(@site)) AND status IN ('in-use', 'replacement-planned') AND retained_by_policy = 0`).get({
    org, kind: f.kind, site: f.site ?? null,
  }) as { n: number }).n;
}
