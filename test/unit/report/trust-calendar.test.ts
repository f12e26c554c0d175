import { describe, expect, it } from 'vitest';
import { addMonths, isTimeZone, localDay, monthDays, shiftMonth, startOfLocalDay } from '../../../src/report/trust-calendar.js';

describe('trust calendar', () => {
  it('puts late evening in British Summer Time on the local day, not the UTC one', () => {
    expect(localDay(new Date('2026-09-30T23:30:00Z'), 'Europe/London')).toBe('2026-10-01');
    expect(localDay(new Date('2026-09-30T22:55:00Z'), 'Europe/London')).toBe('2026-09-30');
    expect(localDay(new Date('2026-09-30T23:30:00Z'), 'UTC')).toBe('2026-09-30');
  });

  it('starts a London day an hour before UTC midnight in summer and at it in winter', () => {
    expect(startOfLocalDay('2026-10-01', 'Europe/London').toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(startOfLocalDay('2026-11-01', 'Europe/London').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    // The clocks go back on 25 October 2026: that day starts in summer time.
    expect(startOfLocalDay('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  it('clamps month arithmetic to the month end and knows leap years', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', -11)).toBe('2025-12');
  });

  it('tells a real timezone from a typo', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Europe/Londn')).toBe(false);
  });
});
