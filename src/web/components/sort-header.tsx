import type { ListSort } from '../../store/list-order.js';
import { sortValue } from '../../hub/sort-param.js';

export interface SortHeaderProps<K extends string> {
  /** The list's page and its current filters, kept by the link. */
  path: string;
  query: Record<string, string | undefined>;
  current: ListSort<K>;
  by: K;
  label: string;
}

/**
 * A column heading that sorts the list by it: ascending first, descending on
 * a second click, back to page 1. Says the order in words and to assistive
 * technology (aria-sort), not by an arrow alone.
 */
export function SortHeader<K extends string>({ path, query, current, by, label }: SortHeaderProps<K>) {
  const active = current.key === by;
  const next = { key: by, desc: active && !current.desc };
  const params = new URLSearchParams(Object.entries({ ...query, page: undefined, sort: sortValue(next) }).filter((e): e is [string, string] => !!e[1]));
  const state = active ? (current.desc ? 'descending' : 'ascending') : undefined;
  return (
    <th scope="col" aria-sort={state}>
      <a href={`${path}?${params}`} data-sort={by}>
        {label}
        {state && <span class="small muted"> ({state})</span>}
      </a>
    </th>
  );
}

/** A heading that sorts when the list can be sorted here (`sorted`), a plain one where it cannot (an action list on a hazard's page). */
export function MaybeSortHeader<K extends string>({ sorted, by, label }: { sorted?: Omit<SortHeaderProps<K>, 'by' | 'label'>; by: K; label: string }) {
  return sorted ? <SortHeader {...sorted} by={by} label={label} /> : <th scope="col">{label}</th>;
}
