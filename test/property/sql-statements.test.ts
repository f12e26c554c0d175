/**
 * SQL only through prepared statements with bound values. A static check of
 * src/: SQL is written only in src/store/ (one reviewed exception), and every
 * `${…}` inside a SQL template there is a module constant, a constant helper
 * called with literals, or one of the reviewed builders below, each of which
 * assembles SQL from literals and binds every value. A new interpolation fails
 * here until someone reads it and adds it with the reason it is safe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Skips a quoted string from its opening quote; returns the index after the closing one. */
function skipString(s: string, i: number): number {
  const q = s[i];
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === q) return j + 1;
  }
  return s.length;
}

/** Reads a template literal from just after its backtick: its top-level `${…}` expressions and the index after it. */
function readTemplate(s: string, i: number): { exprs: string[]; end: number } {
  const exprs: string[] = [];
  while (i < s.length) {
    if (s[i] === '\\') i += 2;
    else if (s[i] === '`') return { exprs, end: i + 1 };
    else if (s.startsWith('${', i)) {
      const end = readExpression(s, i + 2);
      exprs.push(s.slice(i + 2, end - 1).trim());
      i = end;
    } else i++;
  }
  return { exprs, end: s.length };
}

/** Reads a `${…}` body (nested templates, strings and braces included); returns the index after its `}`. */
function readExpression(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '`') i = readTemplate(s, i + 1).end;
    else if (ch === "'" || ch === '"') i = skipString(s, i);
    else {
      if (ch === '{') depth++;
      if (ch === '}' && depth-- === 0) return i + 1;
      i++;
    }
  }
  return s.length;
}

/** Calls that run SQL: the store's cached `stmt(db, sql)`, better-sqlite3's prepare, exec and pragma. */
const SQL_CALL = /(?:\bstmt\(\s*[\w.]+\s*,|\.prepare\(|\bdb\.exec\(|\.pragma\()\s*/g;

interface SqlCall {
  file: string;
  line: number;
  /** The SQL argument when it is a template literal, else its first token. */
  kind: 'literal' | 'template' | 'expression';
  exprs: string[];
  head: string;
}

function sqlCalls(file: string): SqlCall[] {
  const s = fs.readFileSync(file, 'utf8');
  const out: SqlCall[] = [];
  for (const m of s.matchAll(SQL_CALL)) {
    const at = (m.index ?? 0) + m[0].length;
    const line = s.slice(0, m.index).split('\n').length;
    const rel = path.relative(SRC, file);
    const ch = s[at];
    if (ch === '`') out.push({ file: rel, line, kind: 'template', exprs: readTemplate(s, at + 1).exprs, head: '' });
    else if (ch === "'" || ch === '"') out.push({ file: rel, line, kind: 'literal', exprs: [], head: '' });
    else out.push({ file: rel, line, kind: 'expression', exprs: [], head: /^[\w.]+/.exec(s.slice(at))?.[0] ?? s.slice(at, at + 20) });
  }
  return out;
}

const calls = sourceFiles(SRC).flatMap(sqlCalls);
const inStore = (c: SqlCall) => c.file.startsWith(`store${path.sep}`);

/** A module constant, a constant lookup table, or a constant helper given only literals and constants. */
const CONSTANT = /^[A-Z][A-Z0-9_]*(\[\w+\])?$/;
const CONSTANT_HELPER = /^[A-Z][A-Z0-9_]*\(\s*(?:'[^'$`]*'|[A-Z][A-Z0-9_]*)(?:\s*,\s*(?:'[^'$`]*'|[A-Z][A-Z0-9_]*))*\s*\)$/;
/**
 * A dialect fragment (src/store/dialect.ts, or a constant helper over one) for
 * `d`, a Dialect ('sqlite' or 'postgres'), given only literals: SQL text from
 * literals, every value bound.
 */
const DIALECT_FRAGMENT = /^(?:[A-Z][A-Z0-9_]*|jsonValues|jsonArrayRows|distinctList|greater|notIndexed|listOf)\((?:d|dialectOf\(db\))(?:\s*,\s*'[^'$`]*')*\)$/;
/** A constant built per dialect (perDialect), taken for this database's (and, for a lookup table, by its key): SQL text fixed at load. */
const PER_DIALECT = /^[A-Z][A-Z0-9_]*\[(?:d|dialectOf\(db\))\](\[\w+\])?$/;
/** alert-findings' forAsset(asset, 'column'): 'TRUE' or "<literal column> = @asset", the id bound. */
const FOR_ASSET = /^forAsset\(asset, '[a-z_.]+'\)$/;
/** organisations.ts' inScope('column') and forTrust(org, 'column'): "(@org IS NULL OR <literal column> = @org)", or 'TRUE' / "<literal column> = @org"; the trust bound. */
const IN_SCOPE = /^(?:inScope\(|forTrust\(org, )'[a-z_.]+'\)$/;

/**
 * list-order.ts' orderBy(<LIST>_ORDERS, sort): one of the list's constant column lists, chosen by a key the
 * query schema (sortParam) has checked against that list's keys; the direction is a literal DESC or nothing.
 */
const ORDER_BY = /^orderBy\([A-Z_]+_ORDERS, f\.sort \?\? \{ key: '[a-z-]+', desc: false \}\)$/;

/** Reviewed by reading each one: what it interpolates, and why no value reaches the SQL text. */
const REVIEWED: Record<string, string> = {
  'store/registered-devices.ts: col': "group() is called only with the literals 'status', 'kind', 'site'",
  'store/asset-queries.ts: assetsMatching(f, d)': "picks among literal WHERE fragments and the dialect's JSON list (inJsonList); osRank, family, q, anyBit, software, productVersions are bound",
"store/estate-queries.ts: versionsFrom(f, d, reader, 'page', among)": "as versionsFrom(f, d, reader), with the dialect's JSON list of ids (inJsonList) when among; the ids bound",
  'store/estate-queries.ts: versionsFrom(f, d, reader)': "versionRows(), constant SQL per reader kind, given literal conditions on the version (with the dialect's JSON list, jsonValues), and a literal status WHERE; q, titled, product, status are bound",
  'store/alert-queries.ts: filterSql(d, f, search)': 'replaces placeholders in the FILTER constant (per dialect) with literal fragments; values bound',
  'store/alert-queries.ts: fromSql(d, search)': 'the FROM constant (per dialect), with the literal NOT INDEXED added for a search read by id; values bound',
  'store/exceptions.ts: where': 'a literal WHERE with @status bound',
  "store/posture-capture.ts: worstFirst.map((st, i) => `WHEN ${i} THEN '${st}'`).join(' ')": 'SupportStatus values from code (never input) and their indices',
  'store/posture-capture.ts: rank': "a CASE over EFFECTIVE_STATUS and the same code-given SupportStatus values",
  'store/migrate.ts: m.version': 'PRAGMA user_version (no parameters possible): the number of a shipped migration file',
  'store/statements.ts: sql': 'insertReturningId() appends RETURNING id to a statement store code hands it, as stmt() prepares it',
  "store/alert-queries.ts: forTrust(of.org, 'organisation_id')": "forTrust() gives one of two literal conditions by reader kind (TRUE, or the column = @org); the trust is bound",
  'store/estate-queries.ts: pageSql': 'pageWithTotal() is handed statements built by versionsFrom() and the unmatched list from literals; values bound',
  'store/checkpointer.ts: opts.restartPages': 'PRAGMA wal_autocheckpoint (no parameters possible): a number constant in hub/server.ts',
};
/** Statements whose SQL argument is a variable or a call: each built by a reviewed function. */
const REVIEWED_EXPRESSIONS: Record<string, string> = {
  'store/statements.ts: sql': 'stmt() itself: prepares (once) whatever store code hands it',
  'store/asset-queries.ts: assetRowsSql': 'assetsMatching() above inside constant SQL; values bound',
  'store/alert-queries.ts: alertPageSql': 'filterSql() above',
  'store/alert-queries.ts: foundEachSql':
    "foundSql(): literal conditions (the dialect's JSON lists, inJsonList, in or not in the rule set; a literal + in SQLite) chosen by whether a trust and a rule set are asked for, the severity EACH_SEVERITY's literal column, inside constant SQL with EACH_SEVERITY's rows and order (constant per dialect); values bound",
  'store/migrate.ts: m.sql': 'the numbered migration files shipped in src/store/migrations',
  'store/postgres/migrate-postgres.ts: m.sql': 'the numbered migration files shipped in src/store/migrations/postgres',
  'store/estate-queries.ts: countSql': 'pageWithTotal() is handed statements built by versionsFrom() and the unmatched list from literals; values bound',
  'store/estate-queries.ts: sql': "countVersions()'s count() is handed VERSIONS_CARRIED_UP_TO (constant per reader kind) or versionsFrom() above inside constant SQL; the cap and values bound",
  'store/patch-queries.ts: softwareByPatch': "one of four constant statements, chosen by the reader kind ('ics' | 'trust') and the dialect (standalone: literal columns and statuses); the trust is bound as @org",
};
/** SQL outside src/store/, against the style rule but not the security one (a literal with a bound value). */
const OUTSIDE_STORE: Record<string, string> = {
  'alerts/preview-alert-rule.ts': "stmt(db, 'SELECT hostname FROM assets WHERE id = ?'): a constant statement, id bound",
};

describe('SQL statements in src/', () => {
  it('finds the statements it checks (the scan itself works)', () => {
    expect(calls.filter(inStore).length).toBeGreaterThan(100);
    expect(calls.some((c) => c.kind === 'template' && c.exprs.includes('COLUMNS'))).toBe(true);
  });

  it('are written only in src/store/, apart from the reviewed exceptions', () => {
    const outside = calls.filter((c) => !inStore(c)).map((c) => `${c.file}:${c.line}`);
    expect(outside.filter((where) => !Object.keys(OUTSIDE_STORE).some((f) => where.startsWith(`${f.replaceAll('/', path.sep)}:`)))).toEqual([]);
    const importers = sourceFiles(SRC).filter((f) => !path.relative(SRC, f).startsWith(`store${path.sep}`) && /from 'better-sqlite3'/.test(fs.readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });

  it('interpolate only constants and reviewed builders into SQL text', () => {
    const unreviewed = calls
      .filter((c) => c.kind === 'template')
      .flatMap((c) => c.exprs.map((e) => ({ at: `${c.file}:${c.line}`, key: `${c.file.replaceAll(path.sep, '/')}: ${e}`, e })))
      .filter(({ e, key }) => !CONSTANT.test(e) && !CONSTANT_HELPER.test(e) && !DIALECT_FRAGMENT.test(e) && !PER_DIALECT.test(e) && !FOR_ASSET.test(e) && !IN_SCOPE.test(e) && !ORDER_BY.test(e) && !(key in REVIEWED));
    expect(unreviewed.map(({ at, e }) => `${at} \${${e}}`)).toEqual([]);
  });

  it('take a variable or computed SQL argument only from reviewed builders', () => {
    const unreviewed = calls
      .filter((c) => c.kind === 'expression')
      .map((c) => ({ at: `${c.file}:${c.line}`, key: `${c.file.replaceAll(path.sep, '/')}: ${c.head}`, head: c.head }))
      // A module constant (a statement built once from literals, perDialect's among them) is as safe as a literal.
      .filter(({ key, head }) => !(key in REVIEWED_EXPRESSIONS) && !CONSTANT.test(head));
    expect(unreviewed.map((u) => `${u.at} ${u.key}`)).toEqual([]);
  });

  it('has no reviewed entry left over that the code no longer needs', () => {
    const used = new Set(calls.flatMap((c) => [...c.exprs.map((e) => `${c.file.replaceAll(path.sep, '/')}: ${e}`), `${c.file.replaceAll(path.sep, '/')}: ${c.head}`]));
    expect(Object.keys({ ...REVIEWED, ...REVIEWED_EXPRESSIONS }).filter((k) => !used.has(k))).toEqual([]);
  });
});
