/** Age bands by whole days, and the raised-at ranges the snapshot counts each band by: the two must agree at every edge. */
import { describe, expect, it } from 'vitest';
import { ageBands, ageInDays, alertAge } from '../../../src/report/alert-age.js';
import { ALERT_AGES } from '../../../src/report/posture-evidence.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const DAY = 86_400_000;

describe('alert age bands', () => {
  it('puts whole days 0–2, 3–7, 8–30 and over 30 in their bands', () => {
    const at = (days: number) => alertAge(NOW.getTime() - days * DAY, NOW.getTime());
    expect([0, 2.99, 3, 7.99, 8, 30.99, 31, 400].map(at)).toEqual(['0–2 days', '0–2 days', '3–7 days', '3–7 days', '8–30 days', '8–30 days', 'over 30 days', 'over 30 days']);
  });

  it('counts an alert raised at any instant in the band alertAge gives it, a millisecond either side of each edge', () => {
    const bands = ageBands(NOW);
    for (const days of [3, 8, 31]) {
      for (const ms of [-1, 0, 1]) {
        const raisedAt = new Date(NOW.getTime() - days * DAY + ms).toISOString();
        const inBand = bands.filter((b) => raisedAt > b.after && raisedAt <= b.upTo).map((b) => b.age);
        expect(inBand, raisedAt).toEqual([alertAge(Date.parse(raisedAt), NOW.getTime())]);
      }
    }
  });

  it('gives the live alerts list the same bands in its own terms', () => {
    expect(ALERT_AGES.map(ageInDays)).toEqual([{ newerThanDays: 3 }, { olderThanDays: 3, newerThanDays: 8 }, { olderThanDays: 8, newerThanDays: 31 }, { olderThanDays: 31 }]);
  });
});
