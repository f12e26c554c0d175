import { HubError } from './errors.js';
import { paging } from './query-schemas.js';

/**
 * A page past the last one is a mistake (an old link, a hand-edited URL), not
 * an empty list: refused with 400 naming `page` and how many pages there are.
 * Page 1 of an empty list is the list, empty.
 */
export function refuseBeyondLastPage(p: { page: number; pageSize: number }, total: number): void {
  const last = Math.max(1, Math.ceil(total / p.pageSize));
  if (p.page <= last) return;
  const message = `page ${p.page} is past the last page (${last}) of ${total} at ${p.pageSize} a page`;
  throw new HubError(400, 'invalid-request', message, [{ path: 'page', message }]);
}

/** One page of a list, read at the query's page and size; a page past the last is refused. */
export function onePage<L extends { total: number }>(p: { page: number; pageSize: number }, read: (at: { limit: number; offset: number }) => L): L {
  const list = read(paging(p));
  refuseBeyondLastPage(p, list.total);
  return list;
}
