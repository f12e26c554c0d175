/**
 * A list's column sort as SQL. Each list names the orders it offers, each a
 * fixed list of columns ending in a unique one (its id), so a page never
 * shuffles between requests and each statement stays fixed (and cached).
 * Descending flips the first column only: the tie-breakers keep their order.
 */
export interface ListSort<K extends string> {
  key: K;
  desc: boolean;
}

export function orderBy<K extends string>(orders: Readonly<Record<K, readonly string[]>>, sort: ListSort<K>): string {
  const [first, ...rest] = orders[sort.key];
  return [`${first}${sort.desc ? ' DESC' : ''}`, ...rest].join(', ');
}
