/** Small wording helpers for the board report: dates, months, counts, as a person would say them. */

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** "14 January 2020" for 2020-01-14. */
export function longDate(day: string): string {
  return DATE.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** "14 Jan 2020" for 2020-01-14: a day in a table. */
export function shortDate(day: string): string {
  return SHORT_DATE.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** "6 Dec 2026, 02:18 GMT": an instant on the trust's clock, its zone named (GMT or BST in London) so nobody has to know which. */
export function dateTimeText(iso: string, timeZone: string): string {
  let f = dateTimes.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    dateTimes.set(timeZone, f);
  }
  return f.format(new Date(iso));
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
