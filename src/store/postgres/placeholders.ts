/**
 * The store writes its SQL once, for SQLite. Two things PostgreSQL reads
 * differently are rewritten here, so the same statement text serves both:
 * - parameters: SQLite's `?` in order or `@name` bound from an object;
 *   PostgreSQL numbers them `$1, $2…` (this also says how to lay out the values);
 * - camelCase names: the store names result columns for the code that reads
 *   them (`AS assetId`); PostgreSQL folds an unquoted name to lower case
 *   (`assetid`), so every name mixing cases is quoted (`"assetId"`), where it
 *   is given and wherever it is used again. SQL keywords are written in
 *   capitals and tables and columns in snake_case, so neither mixes cases.
 * - optional filters: the store writes `(@x IS NULL OR col = @x)`; PostgreSQL
 *   gives a parameter the type of its first use, and `$1 IS NULL` gives none
 *   ("could not determine data type of parameter $1"), so the two sides are
 *   swapped: `(col = $1 OR $1 IS NULL)`. OR is commutative, NULLs included.
 * - LIKE: SQLite's ignores the case of ASCII letters, and the store relies on
 *   it (searches by hostname or title); PostgreSQL's ILIKE does the same.
 * Quoted strings, quoted names and comments are copied untouched.
 */

export interface PgStatementText {
  /** The statement with `$n` parameters. */
  sql: string;
  /** For `@name` parameters: the name bound to each `$n`, in order (a name used twice is one `$n`). Empty for `?` parameters. */
  names: string[];
  /** How many `?` parameters (0 when the statement uses names). */
  positional: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

export function toPgPlaceholders(sql: string): PgStatementText {
  let out = '';
  const names: string[] = [];
  let positional = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const skipTo = endOfQuotedOrComment(sql, i);
    if (skipTo > i) {
      out += sql.slice(i, skipTo);
      i = skipTo;
    } else if (ch === '?') {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if (ch === '@' && (NAME.lastIndex = i + 1, NAME.test(sql))) {
      const name = sql.slice(i + 1, NAME.lastIndex);
      let n = names.indexOf(name);
      if (n < 0) n = names.push(name) - 1;
      out += `$${n + 1}`;
      i = NAME.lastIndex;
    } else if (startsName(sql, i)) {
      NAME.lastIndex = i;
      NAME.test(sql);
      const word = sql.slice(i, NAME.lastIndex);
      out += word === 'LIKE' ? 'ILIKE' : mixesCase(word) ? `"${word}"` : word;
      i = NAME.lastIndex;
    } else {
      out += ch;
      i += 1;
    }
  }
  if (positional && names.length) throw new Error('a statement mixes ? and @name parameters');
  return { sql: typedFirst(out), names, positional };
}

/** The values in `$n` order, from what the store passed: values in order for `?`, or one object for `@name`. */
export function bindValues(text: PgStatementText, params: readonly unknown[]): unknown[] {
  if (!text.names.length) {
    // As better-sqlite3 does, a statement without parameters takes an empty object too.
    if (text.positional === 0 && params.length === 1 && isEmptyObject(params[0])) return [];
    if (params.length !== text.positional) throw new RangeError(`the statement takes ${text.positional} parameter(s), ${params.length} given`);
    return [...params];
  }
  const named = params[0];
  if (params.length !== 1 || typeof named !== 'object' || named === null) throw new TypeError('a statement with @name parameters takes one object');
  return text.names.map((name) => {
    if (!(name in named)) throw new RangeError(`missing named parameter @${name}`);
    return (named as Record<string, unknown>)[name];
  });
}

const OPTIONAL_FILTER = /\((\$\d+) IS NULL OR /g;

/** `($n IS NULL OR rest)` → `(rest OR $n IS NULL)`, so $n is first used where its type shows. */
function typedFirst(sql: string): string {
  let out = sql;
  for (let m = OPTIONAL_FILTER.exec(out); m; m = OPTIONAL_FILTER.exec(out)) {
    const restStart = m.index + m[0].length;
    const close = closingParen(out, restStart);
    const swapped = `(${out.slice(restStart, close)} OR ${m[1]} IS NULL)`;
    out = out.slice(0, m.index) + swapped + out.slice(close + 1);
    OPTIONAL_FILTER.lastIndex = m.index + 1;
  }
  return out;
}

/** The index of the `)` closing the group that is open at `i`, skipping quoted text and nested groups. */
function closingParen(sql: string, i: number): number {
  let depth = 0;
  while (i < sql.length) {
    const skipTo = endOfQuotedOrComment(sql, i);
    if (skipTo > i) {
      i = skipTo;
      continue;
    }
    if (sql[i] === '(') depth += 1;
    if (sql[i] === ')' && depth-- === 0) return i;
    i += 1;
  }
  throw new Error('unbalanced parentheses in a statement');
}

/** A name starts here: a letter or underscore not continuing a word, a number or a `$n`. */
function startsName(sql: string, i: number): boolean {
  return /[A-Za-z_]/.test(sql[i]!) && (i === 0 || !/[A-Za-z0-9_$]/.test(sql[i - 1]!));
}

const mixesCase = (word: string) => /[a-z]/.test(word) && /[A-Z]/.test(word);

const isEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && !Buffer.isBuffer(v) && Object.keys(v).length === 0;

/** Where the quoted string, quoted name or comment starting at `i` ends (just past it); `i` when none starts there. */
function endOfQuotedOrComment(sql: string, i: number): number {
  const ch = sql[i];
  if (ch === "'" || ch === '"') {
    // A doubled quote is an escaped one, inside the same string.
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === ch) {
        if (sql[j + 1] === ch) j += 2;
        else return j + 1;
      } else j += 1;
    }
    return sql.length;
  }
  if (ch === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end + 1;
  }
  if (ch === '/' && sql[i + 1] === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  return i;
}
