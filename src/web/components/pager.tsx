/**
 * Previous/next links that keep the current filters; with `csv`, the list's
 * CSV export under the same filters, every page of it. `more`: the list was
 * counted only to `total` (a broad search, a list of over 10,000 versions):
 * its pages stop there.
 */
export function Pager({ path, query, page, pageSize, total, more = false, csv }: { path: string; query: Record<string, string | undefined>; page: number; pageSize: number; total: number; more?: boolean; csv?: string }) {
  const params = (extra: Record<string, string>) => new URLSearchParams(Object.entries({ ...query, ...extra }).filter((e): e is [string, string] => !!e[1]));
  const link = (p: number) => `${path}?${params({ page: String(p) })}`;
  const filters = params({}).toString();
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <p class="pager">
      {page > 1 && <a href={link(page - 1)}>← Previous</a>}
      <span class="muted">
        Page {page} of {last} · {more ? `more than ${total}` : `${total} in all`}
      </span>
      {page < last && <a href={link(page + 1)}>Next →</a>}
      {csv && (
        <a class="csv" id="download-csv" href={filters ? `${csv}?${filters}` : csv} download>
          Download CSV
        </a>
      )}
    </p>
  );
}
