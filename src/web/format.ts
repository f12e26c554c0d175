/** "42.9%" of a part in a whole, "—" when there is no whole. */
export function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

/** The date part of an ISO timestamp, for tables. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}
