import { describe, expect, it } from 'vitest';
import { inQuietHours, parseQuietHours } from '../../../agents/quiet-hours.js';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00`);

describe('quiet hours', () => {
  it('parses HH:MM-HH:MM and rejects anything else', () => {
    expect(parseQuietHours('08:00-18:00')).toMatchObject({ startMinute: 480, endMinute: 1080 });
    for (const bad of ['8-18', '08:00', '08:00-18:00-19:00', '24:00-06:00', '08:60-09:00', '08:00-08:00']) expect(parseQuietHours(bad), bad).toBeUndefined();
  });

  it('covers the working day, the end minute excluded', () => {
    const day = parseQuietHours('08:00-18:00')!;
    expect([at('07:59'), at('08:00'), at('12:30'), at('17:59'), at('18:00')].map((d) => inQuietHours(d, day))).toEqual([false, true, true, true, false]);
  });

  it('wraps midnight', () => {
    const night = parseQuietHours('22:00-06:00')!;
    expect([at('21:59'), at('22:00'), at('02:00'), at('05:59'), at('06:00')].map((d) => inQuietHours(d, night))).toEqual([false, true, true, true, false]);
  });
});
