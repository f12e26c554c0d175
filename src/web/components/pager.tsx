/** Previous/next links that keep the current filters. */
export function Pager({ path, query, page, pageSize, total }: { path: string; query: Record<string, string | undefined>; page: number; pageSize: number; total: number }) {
  const link = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(p) }).filter((e): e is [string, string] => !!e[1]));
    return `${path}?${params}`;
  };
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <p class="pager">
      {page > 1 && <a href={link(page - 1)}>← Previous</a>}
      <span class="muted">
        Page {page} of {last} · {total} in all
      </span>
      {page < last && <a href={link(page + 1)}>Next →</a>}
    </p>
  );
}
