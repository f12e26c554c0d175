/** The filters figures link with: every named column equal to the value, compared as text (as a query string carries it). */
export type Filter = Record<string, string>;

export function matchesFilter(row: object, filter: Filter): boolean {
  const r = row as Record<string, unknown>;
  for (const k in filter) if (String(r[k]) !== filter[k]) return false;
  return true;
}

/** The filter's conditions on the named columns only. */
export function filterOn(filter: Filter, columns: readonly string[]): Filter {
  return Object.fromEntries(Object.entries(filter).filter(([k]) => columns.includes(k)));
}
