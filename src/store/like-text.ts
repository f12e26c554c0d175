/**
 * A search's text as a LIKE operand matching it literally, anywhere: `%` and
 * `_` in what someone typed are characters, not wildcards. The SQL says
 * `LIKE @q ESCAPE '\'` (both stores).
 */
export function likeText(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
