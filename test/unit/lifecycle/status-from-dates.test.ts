import { describe, expect, it } from 'vitest';
import { statusFromDates, type CycleDates } from '../../../src/lifecycle/status-from-dates.js';
import type { SupportStatus } from '../../../src/lifecycle/verdict.js';

const AS_OF = '2026-11-23';
const labels = { extendedSupport: 'ESU' };

const table: [string, CycleDates, SupportStatus][] = [
  ['eol far ahead', { eol: '2030-01-01', extendedSupport: null }, 'supported'],
  ['eol exactly 181 days ahead', { eol: '2027-05-23', extendedSupport: null }, 'supported'],
  ['eol exactly 180 days ahead (boundary counts)', { eol: '2027-05-22', extendedSupport: null }, 'ending-soon'],
  ['eol today (support runs through the day)', { eol: '2026-11-23', extendedSupport: null }, 'ending-soon'],
  ['eol yesterday', { eol: '2026-11-22', extendedSupport: null }, 'unsupported'],
  ['eol false (not ended)', { eol: false, extendedSupport: null }, 'supported'],
  ['eol true (ended, no date)', { eol: true, extendedSupport: null }, 'unsupported'],
  ['eol null (not given)', { eol: null, extendedSupport: null }, 'unknown'],
  ['eol past, extended until a future date', { eol: '2025-10-14', extendedSupport: '2028-10-10' }, 'extended-support'],
  ['eol past, extended ends today', { eol: '2025-10-14', extendedSupport: '2026-11-23' }, 'extended-support'],
  ['eol past, extended not ended (false)', { eol: '2023-09-11', extendedSupport: false }, 'extended-support'],
  ['eol past, extended ended', { eol: '2023-10-10', extendedSupport: '2026-10-13' }, 'unsupported'],
  ['eol past, extended true (ended)', { eol: '2020-01-01', extendedSupport: true }, 'unsupported'],
  ['eol true, extended in the future', { eol: true, extendedSupport: '2030-01-01' }, 'extended-support'],
  ['eol future, extended ignored', { eol: '2030-01-01', extendedSupport: '2035-01-01' }, 'supported'],
];

describe('statusFromDates (as of 2026-11-23, window 180)', () => {
  it.each(table)('%s', (_, dates, status) => {
    expect(statusFromDates(dates, labels, AS_OF, 180).status).toBe(status);
  });

  it('names the extended period and its end in the explanation', () => {
    const r = statusFromDates({ eol: '2025-10-14', extendedSupport: '2028-10-10' }, labels, AS_OF, 180);
    expect(r).toMatchObject({ eol: '2025-10-14', extendedSupportEnd: '2028-10-10' });
    expect(r.explanation).toBe('security support ended 2025-10-14; ESU until 2028-10-10 (paid or extended, a risk unless bought)');
  });

  it('reports the day count when ending soon', () => {
    expect(statusFromDates({ eol: '2027-05-22', extendedSupport: null }, labels, AS_OF, 180).explanation).toBe('security support ends 2027-05-22 (in 180 days)');
  });
});
