/** Exact counts by cell, a bounded sample of rows, and no count ever guessed from the sample. */
import { describe, expect, it } from 'vitest';
import { alertSampleOf, countAlerts, meanHoursToResolve } from '../../../src/report/alert-sample.js';
import type { AlertEvidence } from '../../../src/report/posture-evidence.js';

/** Alert `alertId` raised `daysAgo` days before 2026-10-31. */
function alert(alertId: number, daysAgo: number, more: Partial<AlertEvidence> = {}): AlertEvidence {
  return {
    alertId, rule: alertId % 2 ? 'odd' : 'even', severity: 'high', title: 't', hostname: 'PC1', state: 'open', status: 'open',
    raisedAt: new Date(Date.UTC(2026, 9, 31) - daysAgo * 86_400_000).toISOString(), age: 'over 30 days', acknowledgedAt: '', resolvedAt: '', hoursToResolve: null, ...more,
  };
}

const resolved = (alertId: number, hoursToResolve: number) =>
  alert(alertId, 1, { state: 'resolved-this-month', status: 'resolved', age: '0–2 days', hoursToResolve });

// Five open high alerts, the oldest (id 4, then 2) not first by id; one open low; three resolved.
const rows = [alert(1, 40), alert(2, 45), alert(3, 35), alert(4, 50), alert(5, 41), alert(6, 60, { severity: 'low' }), resolved(7, 1.5), resolved(8, 2), resolved(9, 4)];

describe('alertSampleOf', () => {
  const sample = alertSampleOf(rows, 2);

  it('counts every row in its cell but keeps only the oldest of each, listed by id', () => {
    expect(countAlerts(sample, { state: 'open', severity: 'high', age: 'over 30 days' })).toBe(5);
    expect(countAlerts(sample, { state: 'open' })).toBe(6);
    expect(sample.rows.map((r) => r.alertId)).toEqual([2, 4, 6, 7, 8]);
  });

  it('counts a filter on another column only where every row of its cells was kept', () => {
    expect(countAlerts(sample, { state: 'open', severity: 'low', rule: 'even' })).toBe(1);
    expect(countAlerts(sample, { state: 'open', rule: 'even' })).toBeNull();
    expect(countAlerts(alertSampleOf(rows, null), { state: 'open', rule: 'even' })).toBe(3);
  });

  it('takes the mean time to resolve over every resolved alert, kept or not', () => {
    expect(meanHoursToResolve(sample)).toBe(2.5);
    expect(meanHoursToResolve(alertSampleOf(rows.slice(0, 6), 2))).toBeNull();
  });
});
