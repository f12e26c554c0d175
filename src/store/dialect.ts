/**
 * The few SQL forms the two stores spell differently. Store SQL is written
 * once; where SQLite and PostgreSQL disagree, it takes its fragment from here
 * for the database it runs on. (Parameters and camelCase names are rewritten
 * for PostgreSQL by postgres/placeholders.ts; everything else is common SQL.)
 */
import { isSqlite, type Db } from './db.js';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Db): Dialect {
  return isSqlite(db) ? 'sqlite' : 'postgres';
}

/** One SQL text per dialect, built once: a statement's text must not change between calls, or it is prepared again. */
export function perDialect<T = string>(build: (d: Dialect) => T): Record<Dialect, T> {
  return { sqlite: build('sqlite'), postgres: build('postgres') };
}

/**
 * The values of a JSON array bound to `param` (`?` or `@name`), as a subquery
 * for `x IN …`: the store binds lists as JSON text. PostgreSQL's values are
 * text, so integers are cast back.
 */
export function jsonValues(d: Dialect, param: string, type: 'text' | 'integer' = 'text'): string {
  if (d === 'sqlite') return `(SELECT value FROM json_each(${param}))`;
  return `(SELECT value::${type === 'integer' ? 'bigint' : 'text'} FROM json_array_elements_text(CAST(${param} AS json)) AS value)`;
}

/**
 * `column` is one of (or, `not`, none of) the values of a JSON array bound to
 * `param`. SQLite reads them as a subquery. PostgreSQL takes them as one array
 * (`= ANY(…)`), which an index seeks value by value: as a subquery, its planner
 * guessed 100 values and scanned every alert for a search's 668 machines (40
 * ms, against 3.5 ms). A list of integers is also built from the JSON text
 * itself (brackets trimmed, split at commas, cast element by element, every
 * step immutable), so a statement planned with its values holds the list as
 * one constant the planner sees, values and count: guessing, it walked 5,000
 * machines in list order probing each for 31 versions that 33 carry (90 ms,
 * against 2). Spelt as an array literal (`'{…}'::bigint[]`, whose input
 * function is only stable) the list stayed an expression, parsed again for
 * every row a filter tested it on (a broad search's `<> ALL` of 1,000
 * machines: 17 ms for 668 alerts, 0.2 ms as a constant). A statement prepared
 * once may turn to a plan blind to the values (plannedWithValues).
 */
export function inJsonList(d: Dialect, column: string, param: string, type: 'text' | 'integer' = 'text', not = false): string {
  if (d === 'sqlite') return `${column} ${not ? 'NOT IN' : 'IN'} ${jsonValues(d, param, type)}`;
  const values = type === 'integer' ? jsonIdArray(param) : `ARRAY${jsonValues(d, param, type)}`;
  return `${column} ${not ? '<> ALL' : '= ANY'}(${values})`;
}

/** PostgreSQL: the JSON array of integers bound to `param` as a bigint[], by immutable steps (see inJsonList). */
export function jsonIdArray(param: string): string {
  return `CAST(string_to_array(btrim(CAST(${param} AS text), '[]'), ',') AS bigint[])`;
}

const PLANNED_WITH_VALUES = '/* planned with its values */';

/**
 * `sql` marked, on PostgreSQL, to be planned with its values at every run
 * rather than prepared once (postgres/pg-database.ts): for a statement whose
 * best plan turns on how many ids a list holds. Prepared once, PostgreSQL may
 * settle from the sixth run on a generic plan that cannot see the list; for a
 * broad alert search it then read every alert of the 4,000 machines found and
 * filtered them by severity, 35 ms a count at 20,000 assets against 6–12 ms
 * planned with the list (issue 24). Not for every list: planning a
 * report's lookups of versions by id at every run cost a bulk load 12%.
 */
export function plannedWithValues(d: Dialect, sql: string): string {
  return d === 'postgres' ? `${PLANNED_WITH_VALUES} ${sql}` : sql;
}

/** Whether a statement's text was marked by plannedWithValues. */
export function isPlannedWithValues(sql: string): boolean {
  return sql.includes(PLANNED_WITH_VALUES);
}

/**
 * One machine's installs `i` with their versions `s`. PostgreSQL looks each
 * version up by its id, install by install (OFFSET 0 keeps the subquery from
 * being folded into a join): planning the join, it trusted statistics that a
 * growing catalogue had outrun and hashed every version for one machine's 300
 * installs (issue 24: 5 ms at 7,500 versions, growing with the catalogue, on
 * every report). SQLite's planner already goes install by install.
 */
export function installedVersions(d: Dialect): string {
  return d === 'sqlite' ? 'installs i JOIN software s ON s.id = i.software_id' : 'installs i CROSS JOIN LATERAL (SELECT * FROM software s WHERE s.id = i.software_id OFFSET 0) s';
}

/**
 * The distinct values of `expr` in each group, joined by commas, in no set
 * order. PostgreSQL finds them in byte order (COLLATE "C"): the same values
 * whatever the database's locale, without comparing them through it.
 */
export function distinctList(d: Dialect, expr: string): string {
  return d === 'sqlite' ? `group_concat(DISTINCT ${expr})` : `string_agg(DISTINCT CAST(${expr} AS text) COLLATE "C", ',')`;
}

/** A JSON array bound to `param` as rows `alias(key, value)`: key its 0-based index, value its element (JSON). */
export function jsonArrayRows(d: Dialect, param: string, alias: string): string {
  if (d === 'sqlite') return `json_each(${param}) ${alias}`;
  return `(SELECT value, ord - 1 AS key FROM jsonb_array_elements(CAST(${param} AS jsonb)) WITH ORDINALITY AS e(value, ord)) ${alias}`;
}

/** The greater of two values (scalar, not the aggregate): SQLite's two-argument max(), PostgreSQL's GREATEST. */
export function greater(d: Dialect, a: string, b: string): string {
  return d === 'sqlite' ? `max(${a}, ${b})` : `GREATEST(${a}, ${b})`;
}

/** `a` and `b` are equal or both null: SQLite's IS, PostgreSQL's IS NOT DISTINCT FROM (which no index serves: test it on rows already found). */
export function sameValue(d: Dialect, a: string, b: string): string {
  return d === 'sqlite' ? `${a} IS ${b}` : `${a} IS NOT DISTINCT FROM ${b}`;
}

/** SQLite's hint to read a table in its own order rather than by an index; PostgreSQL's planner takes no such hint. */
export function notIndexed(d: Dialect): string {
  return d === 'sqlite' ? 'NOT INDEXED' : '';
}

/** The values of `expr` in each group, joined by `separator` (SQLite's in the order it reads them; PostgreSQL's sorted). */
export function listOf(d: Dialect, expr: string, separator = ','): string {
  return d === 'sqlite' ? `group_concat(${expr}, '${separator}')` : `string_agg(CAST(${expr} AS text), '${separator}' ORDER BY ${expr})`;
}

/** One field of a JSON object stored as text in `column` (audit_log's before/after), as SQL text; PostgreSQL's column is text, so it is read as json first. */
export function jsonTextField(d: Dialect, column: string, key: string): string {
  return d === 'sqlite' ? `(${column} ->> '$.${key}')` : `(CAST(${column} AS json) ->> '${key}')`;
}
