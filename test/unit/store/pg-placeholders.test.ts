/** The store's SQLite-style parameters rewritten for PostgreSQL, and the values laid out to match. */
import { describe, expect, it } from 'vitest';
import { bindValues, toPgPlaceholders } from '../../../src/store/postgres/placeholders.js';

describe('toPgPlaceholders', () => {
  it('numbers ? parameters in order', () => {
    const t = toPgPlaceholders('SELECT * FROM assets WHERE id = ? AND hostname = ?');
    expect(t).toEqual({ sql: 'SELECT * FROM assets WHERE id = $1 AND hostname = $2', names: [], positional: 2 });
    expect(bindValues(t, [7, 'PC1'])).toEqual([7, 'PC1']);
  });

  it('gives each @name one $n, reused where the name comes again', () => {
    const t = toPgPlaceholders('INSERT INTO actions (created_at, updated_at, owner) VALUES (@at, @at, @owner)');
    expect(t.sql).toBe('INSERT INTO actions (created_at, updated_at, owner) VALUES ($1, $1, $2)');
    expect(bindValues(t, [{ owner: 'cso', at: '2026-11-24', extra: 1 }])).toEqual(['2026-11-24', 'cso']);
  });

  it('leaves ? and @ inside strings, quoted names and comments alone', () => {
    const sql = `SELECT 'who?', 'it''s @me', "odd?col" -- why? @x\nFROM t /* ? @y */ WHERE a = ? AND b @> c`;
    const t = toPgPlaceholders(sql);
    expect(t.sql).toBe(`SELECT 'who?', 'it''s @me', "odd?col" -- why? @x\nFROM t /* ? @y */ WHERE a = $1 AND b @> c`);
    expect(t.positional).toBe(1);
  });

  it('quotes camelCase names, where given and where used again, and leaves keywords and snake_case alone', () => {
    const t = toPgPlaceholders('SELECT last_seen_at AS lastSeenAt, count(*) AS n FROM assets WHERE os_id = @osId ORDER BY lastSeenAt DESC');
    expect(t.sql).toBe('SELECT last_seen_at AS "lastSeenAt", count(*) AS n FROM assets WHERE os_id = $1 ORDER BY "lastSeenAt" DESC');
    expect(toPgPlaceholders(`SELECT 'assetId' AS "already", x.assetId FROM x`).sql).toBe(`SELECT 'assetId' AS "already", x."assetId" FROM x`);
  });

  it('puts an optional filter\'s typed side first, nested groups and strings kept whole', () => {
    const t = toPgPlaceholders("SELECT 1 WHERE (@kinds IS NULL OR kind IN (SELECT value FROM x(@kinds, ')'))) AND (@owner IS NULL OR owner = @owner)");
    expect(t.sql).toBe("SELECT 1 WHERE (kind IN (SELECT value FROM x($1, ')')) OR $1 IS NULL) AND (owner = $2 OR $2 IS NULL)");
  });

  it('reads LIKE as ILIKE, since SQLite\'s LIKE ignores case', () => {
    expect(toPgPlaceholders("SELECT 1 WHERE hostname LIKE '%' || ? || '%' AND title NOT LIKE 'LIKE'").sql).toBe("SELECT 1 WHERE hostname ILIKE '%' || $1 || '%' AND title NOT ILIKE 'LIKE'");
  });

  it('refuses a statement that mixes both kinds', () => {
    expect(() => toPgPlaceholders('SELECT ? , @a')).toThrow(/mixes/);
  });
});

describe('bindValues', () => {
  it('says which named parameter is missing, and refuses the wrong count of ? values', () => {
    expect(() => bindValues(toPgPlaceholders('SELECT @a, @b'), [{ a: 1 }])).toThrow('missing named parameter @b');
    expect(() => bindValues(toPgPlaceholders('SELECT ?, ?'), [1])).toThrow(/takes 2 parameter/);
    expect(() => bindValues(toPgPlaceholders('SELECT @a'), [1])).toThrow(/one object/);
  });

  it('keeps a named value that is null or undefined as given', () => {
    expect(bindValues(toPgPlaceholders('SELECT @a, @b'), [{ a: null, b: undefined }])).toEqual([null, undefined]);
  });
});
