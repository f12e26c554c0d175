/** Small wording helpers for the board report: dates, months, counts, as a person would say them. */

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "14 January 2020" for 2020-01-14. */
export function longDate(day: string): string {
  return DATE.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** "October 2026" for 2026-10. */
export function longMonth(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/** "1 asset", "3 assets". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}

/** "72.5%". */
export function percentText(p: number): string {
  return `${p.toFixed(1)}%`;
}
