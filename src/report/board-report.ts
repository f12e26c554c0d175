/**
 * The monthly board report as data: a pure function of stored snapshots (the
 * month's last for the figures, each month's last for the trend), so a past
 * month regenerates to the same JSON, byte for byte, whatever the estate has
 * done since. Pages, PDF and other tools all read this.
 */
import { createHash } from 'node:crypto';
import { HubError } from '../hub/errors.js';
import { daysBetween } from '../lifecycle/status-from-dates.js';
import type { Db } from '../store/db.js';
import { WHOLE_HUB, type ReportOwner } from '../store/organisations.js';
import { firstSnapshotDay, getSnapshot, lastSnapshotDayBetween, monthEndFigures, trustsLastSnapshotsBetween } from '../store/posture-snapshots.js';
import { assuranceMapping, type AssuranceRow } from './assurance-mapping.js';
import type { FrozenEvidence } from './frozen-evidence.js';
import type { KeyFigures } from './key-figures.js';
import { narrate } from './narrate.js';
import { EVIDENCE_LISTS } from './posture-evidence.js';
import { computeFigures, type PostureFigures } from './posture-figures.js';
import { readEvidence } from './read-evidence.js';
import { monthDays, monthOf, shiftMonth } from './trust-calendar.js';

export const BOARD_REPORT_SCHEMA = 'estatewatch.board-report/v1';

/** How many months the trend lines show, this one included. */
const TREND_MONTHS = 12;

export interface TrendPoint {
  month: string;
  /** The snapshot the month's figures come from; null when none was taken that month. */
  day: string | null;
  figures: KeyFigures | null;
}

/** One trust's column in the ICS report: its own last snapshot of the month, and that snapshot's key figures. */
export interface TrustColumn {
  organisationId: number;
  day: string;
  figures: KeyFigures;
}

export interface BoardReport {
  schema: typeof BOARD_REPORT_SCHEMA;
  month: string;
  /** The month is not over: figures are to date and will change. */
  provisional: boolean;
  timeZone: string;
  snapshot: { day: string; takenAt: string; evidenceHash: string; auditHead: { id: number; hash: string } | null };
  previous: TrendPoint | null;
  /** The plain-English summary, headline first. */
  summary: string[];
  figures: PostureFigures;
  trend: TrendPoint[];
  assurance: AssuranceRow[];
  /**
   * The whole hub's report only (an ICS with several trusts): each trust that
   * has a snapshot in the month, side by side. Its own report holds the rows
   * behind its figures. Trusts are named by id so a rename does not change
   * the report's bytes; pages show their current code and name.
   */
  trusts?: TrustColumn[];
  /**
   * How old the lifecycle data behind the statuses was on the snapshot's day; absent for a
   * snapshot taken before the hub recorded it (so the report rebuilds to the same bytes).
   */
  lifecycleData?: LifecycleDataAge;
  /** sha256 of this JSON without this field: check it with `estatewatch report --verify`. */
  dataHash: string;
}

export interface LifecycleDataAge {
  source: 'endoflife.date';
  takenOn: string;
  /** Days from takenOn to the snapshot's day. */
  ageDays: number;
  staleDays: number;
  /** Older than staleDays: the report warns that dates may be out of date. */
  stale: boolean;
}

function lifecycleDataAge(snapshot: { day: string; lifecycleDataOn: string | null; dataStaleDays: number | null }): LifecycleDataAge | undefined {
  if (snapshot.lifecycleDataOn === null || snapshot.dataStaleDays === null) return undefined;
  const ageDays = daysBetween(snapshot.lifecycleDataOn, snapshot.day);
  return { source: 'endoflife.date', takenOn: snapshot.lifecycleDataOn, ageDays, staleDays: Number(snapshot.dataStaleDays), stale: ageDays > Number(snapshot.dataStaleDays) };
}

export const MonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An owner's report for `month`, from the owner's last snapshot taken in it up to `today` (the local day). */
export function buildBoardReport(db: Db, owner: ReportOwner, month: string, today: string, timeZone: string): BoardReport {
  if (!MonthPattern.test(month)) throw new HubError(400, 'invalid-month', `month must be YYYY-MM, got "${month}"`);
  if (month > monthOf(today)) throw new HubError(400, 'future-month', `${month} has not started yet (today is ${today})`);
  const { first, last } = monthDays(month);
  // Never a snapshot after `today`: rebuilt as of its generation day, a month-to-date report comes out as it was.
  const upTo = last < today ? last : today;
  const day = lastSnapshotDayBetween(db, owner, first, upTo);
  if (!day) {
    const since = firstSnapshotDay(db, owner);
    throw new HubError(404, 'no-snapshot', `no posture snapshot was taken in ${month}: ${since ? `the first is from ${since}` : 'none has been taken yet'}; snapshots are taken daily from installation`);
  }
  const snapshot = getSnapshot(db, owner, day)!;
  const figures = computeFigures(readEvidence(db, owner, day, EVIDENCE_LISTS) as FrozenEvidence, day);
  const trend = trendTo(db, owner, month, upTo);
  const previous = trend.at(-2) ?? null;
  const body: Omit<BoardReport, 'dataHash'> = {
    schema: BOARD_REPORT_SCHEMA,
    month,
    provisional: month === monthOf(today),
    timeZone,
    snapshot: {
      day, takenAt: snapshot.takenAt, evidenceHash: snapshot.evidenceHash,
      auditHead: snapshot.auditHeadId === null ? null : { id: snapshot.auditHeadId, hash: snapshot.auditHeadHash! },
    },
    previous,
    summary: narrate(figures, previous, day),
    figures,
    trend,
    assurance: assuranceMapping(figures),
    ...(owner === WHOLE_HUB ? { trusts: trustColumns(db, first, upTo) } : {}),
    ...optional('lifecycleData', lifecycleDataAge(snapshot)),
  };
  return { ...body, dataHash: reportHash(body) };
}

/** A key only when it has a value: a field added later must not change an older report's bytes. */
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [k in K]?: V });
}

export function reportHash(body: Omit<BoardReport, 'dataHash'>): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

function trustColumns(db: Db, first: string, upTo: string): TrustColumn[] {
  return trustsLastSnapshotsBetween(db, first, upTo).map((s) => ({ organisationId: s.owner, day: s.day, figures: JSON.parse(s.figures) as KeyFigures }));
}

function trendTo(db: Db, owner: ReportOwner, month: string, upTo: string): TrendPoint[] {
  const from = shiftMonth(month, 1 - TREND_MONTHS);
  const byMonth = new Map(monthEndFigures(db, owner, monthDays(from).first, upTo).map((r) => [monthOf(r.day), r]));
  return Array.from({ length: TREND_MONTHS }, (_, i) => shiftMonth(from, i)).map((m) => {
    const r = byMonth.get(m);
    return { month: m, day: r?.day ?? null, figures: r ? (JSON.parse(r.figures) as KeyFigures) : null };
  });
}
