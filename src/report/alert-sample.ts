/**
 * The alerts list as a snapshot freezes it. At 100,000 assets there are two
 * million live alerts: too many to freeze row by row every day, and no board
 * figure needs them all. So every alert is counted exactly in its cell (state
 * × severity × age, the figures' own grain) and each cell keeps a bounded
 * sample of its rows; the evidence page says "showing N of M" whenever a
 * cell kept fewer rows than it counts.
 */
import type { AlertAge, AlertEvidence } from './posture-evidence.js';
import { filterOn, matchesFilter, type Filter } from './row-filter.js';

/** The columns each cell's exact count is kept by. */
const ALERT_CELL_COLUMNS = ['state', 'severity', 'age'] as const;

/**
 * Rows a snapshot keeps per cell: its 100 oldest (raised first, then by id).
 * The oldest are what a board asks about (left longest), 100 is more than
 * anyone checks by eye, and 3 states × 5 severities × 4 ages caps the sample at
 * 6,000 rows (about 1 MB of JSON) however large the estate. Counts stay exact.
 */
export const ALERT_ROWS_PER_CELL = 100;

export interface AlertCell {
  state: AlertEvidence['state'];
  severity: AlertEvidence['severity'];
  age: AlertAge;
  count: number;
}

export interface AlertSample {
  /** Every alert the snapshot counts, by cell (cells with none left out). */
  cells: AlertCell[];
  /** The rows kept, by alert id: each cell's oldest `perCell`, or all of them. */
  rows: AlertEvidence[];
  /** Rows kept per cell; null when every counted alert's row is kept (snapshots taken before 0010). */
  perCell: number | null;
  /** Hours to resolve summed over alerts resolved this month, in id order: the mean's numerator. */
  hoursToResolve: number;
}

/** Counts every row into its cell, keeps `perCell` rows a cell (all when null). */
export function alertSampleOf(rows: readonly AlertEvidence[], perCell: number | null): AlertSample {
  const cells = new Map<string, AlertCell>();
  for (const r of rows) {
    const key = cellKey(r);
    const cell = cells.get(key);
    if (cell) cell.count += 1;
    else cells.set(key, { state: r.state, severity: r.severity, age: r.age, count: 1 });
  }
  const resolved = rows.filter((r) => r.state === 'resolved-this-month');
  return {
    cells: [...cells.values()],
    rows: perCell === null ? [...rows] : oldestPerCell(rows, perCell),
    perCell,
    hoursToResolve: resolved.reduce((n, a) => n + (a.hoursToResolve ?? 0), 0),
  };
}

const cellKey = (r: Pick<AlertEvidence, 'state' | 'severity' | 'age'>) => `${r.state}\t${r.severity}\t${r.age}`;

/** Each cell's `perCell` oldest rows, by alert id. */
export function oldestPerCell(rows: readonly AlertEvidence[], perCell: number): AlertEvidence[] {
  const byCell = new Map<string, AlertEvidence[]>();
  for (const r of rows) {
    const key = cellKey(r);
    const cell = byCell.get(key);
    if (cell) cell.push(r);
    else byCell.set(key, [r]);
  }
  const oldest = (a: AlertEvidence, b: AlertEvidence) => (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : a.alertId - b.alertId);
  return [...byCell.values()].flatMap((cell) => cell.sort(oldest).slice(0, perCell)).sort((a, b) => a.alertId - b.alertId);
}

/**
 * How many alerts the filter selects, exactly; null when the snapshot cannot
 * know: the filter names a column no count was kept by, over cells whose rows
 * were not all kept.
 */
export function countAlerts(sample: AlertSample, filter: Filter): number | null {
  const onCells = filterOn(filter, ALERT_CELL_COLUMNS);
  const total = sample.cells.filter((c) => matchesFilter(c, onCells)).reduce((n, c) => n + c.count, 0);
  if (Object.keys(onCells).length === Object.keys(filter).length) return total;
  const kept = sample.rows.filter((r) => matchesFilter(r, onCells));
  return kept.length === total ? kept.filter((r) => matchesFilter(r, filter)).length : null;
}

/** Mean hours to resolve over alerts resolved this month (one decimal); null when none were. */
export function meanHoursToResolve(sample: AlertSample): number | null {
  const resolved = countAlerts(sample, { state: 'resolved-this-month' }) ?? 0;
  return resolved ? Math.round((sample.hoursToResolve / resolved) * 10) / 10 : null;
}
