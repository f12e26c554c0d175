/**
 * The synchronous PostgreSQL client (store/postgres/sync-client.ts) against a
 * real PostgreSQL server private to this file: values round-trip, server
 * errors arrive synchronously as PgError with their SQLSTATE, transactions
 * and timeouts behave, and a connection that is gone or never came says so
 * clearly, without the password.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSyncPg, PgError, type SyncPgClient, type SyncPgOptions } from '../../src/store/postgres/sync-client.js';
import { freePort } from '../helpers/hub-process.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

let server: TestPostgres;
let url: string;
let db: SyncPgClient;
const opened: SyncPgClient[] = [];
const sockets: net.Socket[] = [];
const listeners: net.Server[] = [];
const children: ChildProcess[] = [];

function connect(to = url, opts?: SyncPgOptions): SyncPgClient {
  const client = connectSyncPg(to, opts);
  opened.push(client);
  return client;
}

/** The error `run` throws, synchronously: a promise returned instead fails the test. */
function thrownBy(run: () => unknown): PgError {
  try {
    run();
  } catch (error) {
    return error as PgError;
  }
  throw new Error('expected a synchronous throw');
}

/** A URL like `to`, pointing at another port on 127.0.0.1. */
function withPort(to: string, port: number): string {
  const changed = new URL(to);
  changed.port = String(port);
  return changed.toString();
}

async function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const listener = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  listeners.push(listener);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return (listener.address() as net.AddressInfo).port;
}

/**
 * A TCP relay to PostgreSQL whose traffic can be stopped dead, as a network
 * that stalls without closing. It runs in a child process: this thread is
 * blocked while the client waits, so a relay here could never pass anything on.
 */
const RELAY = `
const net = require('node:net');
let stalled = false;
process.stdin.on('data', () => { stalled = true; process.stdout.write('stalled\\n'); });
const relay = net.createServer((socket) => {
  const upstream = net.connect(Number(process.argv[1]), '127.0.0.1');
  socket.on('error', () => {});
  upstream.on('error', () => {});
  socket.on('data', (data) => { if (!stalled) upstream.write(data); });
  upstream.on('data', (data) => { if (!stalled) socket.write(data); });
});
relay.listen(0, '127.0.0.1', () => process.stdout.write(relay.address().port + '\\n'));
`;

async function startStallingRelay(): Promise<{ port: number; stall(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', RELAY, new URL(url).port], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const nextLine = () => new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())));
  const port = Number(await nextLine());
  return {
    port,
    stall: async () => {
      child.stdin.write('stall\n');
      await nextLine();
    },
  };
}

beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase();
  db = connect();
  db.query('CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE, qty int NOT NULL, photo bytea)');
});

afterAll(async () => {
  for (const client of opened) client.close();
  for (const socket of sockets) socket.destroy();
  for (const child of children) child.kill();
  await Promise.all(listeners.map((l) => new Promise((resolve) => l.close(resolve))));
  await server?.stop();
});

describe('connectSyncPg: queries', () => {
  it('round-trips each parameter type, undefined as null and bytea as a Buffer', () => {
    const text = 'Zoë Brontë — 東京 🏥';
    const bytes = Buffer.from([0, 1, 2, 0x80, 0xff]);
    const { rows } = db.query('SELECT $1::text AS text, $2::int AS int, $3::float8 AS float, $4::text AS nothing, $5::boolean AS yes, $6::boolean AS no, $7::bytea AS bytes, $8::text AS missing', [
      text, 42, -1.25, null, true, false, bytes, undefined,
    ]);
    expect(rows).toEqual([{ text, int: 42, float: -1.25, nothing: null, yes: true, no: false, bytes, missing: null }]);
    expect(Buffer.isBuffer(rows[0]?.bytes)).toBe(true);
  });

  it('stores a Buffer in a bytea column and reads the same bytes back', () => {
    const photo = Buffer.from('\x89PNG\r\n\x1a\n\0binary', 'latin1');
    db.query('INSERT INTO items (name, qty, photo) VALUES ($1, $2, $3)', ['photo', 1, photo]);
    const row = db.query('SELECT photo FROM items WHERE name = $1', ['photo']).rows[0];
    expect(Buffer.isBuffer(row?.photo)).toBe(true);
    expect((row?.photo as Buffer).equals(photo)).toBe(true);
    db.query('DELETE FROM items');
  });

  it('returns every row of a multi-row result, in order, keyed by column name', () => {
    const result = db.query("SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 3) g ORDER BY g");
    expect(result.rows).toEqual([{ n: 1, label: 'row 1' }, { n: 2, label: 'row 2' }, { n: 3, label: 'row 3' }]);
    expect(result.rowCount).toBe(3);
  });

  it('reports how many rows an INSERT, an UPDATE and a DELETE touched', () => {
    expect(db.query("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2), ('c', 3)").rowCount).toBe(3);
    expect(db.query('UPDATE items SET qty = qty + 1 WHERE qty >= $1', [2]).rowCount).toBe(2);
    expect(db.query('DELETE FROM items WHERE name = ANY($1::text[])', ['{a,b,c}']).rowCount).toBe(3);
    expect(db.query('DELETE FROM items').rowCount).toBe(0);
  });

  it('returns count(*) (int8) and numeric as numbers', () => {
    db.query("INSERT INTO items (name, qty) VALUES ('n1', 1), ('n2', 2)");
    const row = db.query('SELECT count(*) AS n, sum(qty)::numeric / 4 AS quarter, $1::int8 AS biggest FROM items', [Number.MAX_SAFE_INTEGER]).rows[0];
    expect(row).toStrictEqual({ n: 2, quarter: 0.75, biggest: Number.MAX_SAFE_INTEGER });
    db.query('DELETE FROM items');
  });

  it('refuses an int8 beyond Number.MAX_SAFE_INTEGER rather than rounding it, and stays usable', () => {
    const error = thrownBy(() => db.query('SELECT 9007199254740993::int8 AS n'));
    expect(error).toBeInstanceOf(PgError);
    expect(error.message).toMatch(/int8 value 9007199254740993 is beyond Number\.MAX_SAFE_INTEGER/);
    expect(db.query('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
  });

  it('gives the new id from INSERT … RETURNING id', () => {
    const first = db.query('INSERT INTO items (name, qty) VALUES ($1, $2) RETURNING id', ['ret-1', 1]).rows[0]?.id;
    const second = db.query('INSERT INTO items (name, qty) VALUES ($1, $2) RETURNING id', ['ret-2', 1]).rows[0]?.id;
    expect(typeof first).toBe('number');
    expect(second).toBe((first as number) + 1);
    expect(db.query('SELECT name FROM items WHERE id = $1', [second]).rows).toEqual([{ name: 'ret-2' }]);
  });

  it('runs several statements given without parameters as one, returning the last result', () => {
    const result = db.query('CREATE TEMP TABLE several (x int); INSERT INTO several VALUES (1), (2); SELECT count(*) AS n FROM several');
    expect(result.rows).toEqual([{ n: 2 }]);
  });

  it('prepares a statement with parameters once per connection and runs it again by name; one without is never prepared', () => {
    const client = connect();
    const text = 'SELECT $1::int + 1 AS next';
    const prepared = () => client.query('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time').rows.map((r) => r.statement);
    for (const n of [1, 2, 3]) expect(client.query(text, [n]).rows).toEqual([{ next: n + 1 }]);
    client.query('SELECT 41 AS plain');
    expect(prepared()).toEqual([text]);
    // The list's own read has no parameters; one that has is prepared beside the first, once.
    client.query(text, [4]);
    client.query('SELECT $1::text AS echo', ['x']);
    client.query('SELECT $1::text AS echo', ['y']);
    expect(prepared()).toEqual([text, 'SELECT $1::text AS echo']);
  });

  it("runs a statement asked never to be prepared unnamed at every run, with the same answers", () => {
    const client = connect();
    const text = 'SELECT $1::int * 2 AS twice';
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(client.query(text, [n], 'never').rows).toEqual([{ twice: n * 2 }]);
    expect(client.query('SELECT count(*) AS n FROM pg_prepared_statements').rows).toEqual([{ n: 0 }]);
    client.query(text, [8]);
    expect(client.query('SELECT statement FROM pg_prepared_statements').rows).toEqual([{ statement: text }]);
  });

  it('keeps at most 1,000 statements prepared on a connection and runs the rest unnamed', () => {
    const client = connect();
    for (let n = 0; n < 1_005; n++) expect(client.query(`SELECT $1::int + ${n} AS x`, [1]).rows).toEqual([{ x: n + 1 }]);
    expect(client.query('SELECT count(*) AS n FROM pg_prepared_statements').rows).toEqual([{ n: 1_000 }]);
  });

  it('runs a prepared statement again after its table changed shape; inside a transaction that one run fails and the next works', () => {
    const client = connect();
    client.query('CREATE TABLE reshaped (id int PRIMARY KEY, a text)');
    client.query("INSERT INTO reshaped VALUES (1, 'one')");
    const read = () => client.query('SELECT * FROM reshaped WHERE id = $1', [1]).rows;
    expect(read()).toEqual([{ id: 1, a: 'one' }]);
    client.query("ALTER TABLE reshaped ADD COLUMN b text DEFAULT 'bee'");
    expect(read()).toEqual([{ id: 1, a: 'one', b: 'bee' }]);

    client.query("ALTER TABLE reshaped ADD COLUMN c text DEFAULT 'sea'");
    client.query('BEGIN');
    expect(thrownBy(read)).toMatchObject({ code: '0A000', message: expect.stringMatching(/cached plan must not change result type/) });
    client.query('ROLLBACK');
    expect(read()).toEqual([{ id: 1, a: 'one', b: 'bee', c: 'sea' }]);
  });

  it('connects with the given application name and the query timeout as statement_timeout', () => {
    const client = connect(url, { applicationName: 'estatewatch-test', queryTimeoutMs: 1500 });
    const row = client.query("SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout").rows[0];
    expect(row).toEqual({ app: 'estatewatch-test', timeout: '1500ms' });
  });

  it('returns a 10,000-row result whole', () => {
    const { rows, rowCount } = db.query('SELECT g AS n, md5(g::text) AS hash FROM generate_series(1, 10000) g ORDER BY g');
    expect(rowCount).toBe(10_000);
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toEqual({ n: 10_000, hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(rows.reduce((sum, row) => sum + (row.n as number), 0)).toBe(50_005_000);
  });
});

describe('connectSyncPg: errors', () => {
  it('throws a unique violation synchronously as PgError 23505 with the constraint, and the next query works', () => {
    db.query("INSERT INTO items (name, qty) VALUES ('dup', 1)");
    const error = thrownBy(() => db.query("INSERT INTO items (name, qty) VALUES ('dup', 2)"));
    expect(error).toBeInstanceOf(PgError);
    expect(error).toMatchObject({ code: '23505', constraint: 'items_name_key', table: 'items' });
    expect(error.detail).toBe('Key (name)=(dup) already exists.');
    expect(db.query("SELECT qty FROM items WHERE name = 'dup'").rows).toEqual([{ qty: 1 }]);
  });

  it('gives a syntax error its SQLSTATE and the position of the fault', () => {
    const error = thrownBy(() => db.query('SELECT * FORM items'));
    expect(error).toBeInstanceOf(PgError);
    expect(error.code).toBe('42601');
    expect(error.position).toBe(10); // 1-based, at FORM
    expect(error.message).toMatch(/syntax error at or near "FORM"/);
  });

  it('cancels a query past queryTimeoutMs on the server, throws, and stays usable', () => {
    const client = connect(url, { queryTimeoutMs: 500 });
    const error = thrownBy(() => client.query('SELECT pg_sleep(2)'));
    expect(error).toBeInstanceOf(PgError);
    expect(error.code).toBe('57014'); // query_canceled: the server stopped it, not just the caller
    expect(client.query('SELECT 2 AS two').rows).toEqual([{ two: 2 }]);
    expect(client.closed).toBe(false);
  });

  it('throws on query after close, and close twice is harmless', () => {
    const client = connect();
    expect(client.closed).toBe(false);
    client.close();
    expect(client.closed).toBe(true);
    expect(() => client.query('SELECT 1')).toThrow('this PostgreSQL client is closed');
    expect(() => client.close()).not.toThrow();
  });
});

describe('connectSyncPg: transactions and connections', () => {
  it('undoes a rolled-back transaction', () => {
    db.query('BEGIN');
    db.query("INSERT INTO items (name, qty) VALUES ('rolled-back', 1)");
    expect(db.query("SELECT count(*) AS n FROM items WHERE name = 'rolled-back'").rows).toEqual([{ n: 1 }]);
    db.query('ROLLBACK');
    expect(db.query("SELECT count(*) AS n FROM items WHERE name = 'rolled-back'").rows).toEqual([{ n: 0 }]);
  });

  it('keeps a committed transaction, and a second client sees its rows only once committed', () => {
    const other = connect();
    const seenByOther = () => other.query("SELECT count(*) AS n FROM items WHERE name = 'committed'").rows[0]?.n;
    expect(other.query('SELECT pg_backend_pid() AS pid').rows[0]?.pid).not.toBe(db.query('SELECT pg_backend_pid() AS pid').rows[0]?.pid);
    db.query('BEGIN');
    db.query("INSERT INTO items (name, qty) VALUES ('committed', 1)");
    expect(seenByOther()).toBe(0);
    db.query('COMMIT');
    expect(seenByOther()).toBe(1);
  });

  it('throws a clear error on every call once the server ends the connection', () => {
    const victim = connect();
    const pid = victim.query('SELECT pg_backend_pid() AS pid').rows[0]?.pid;
    expect(db.query('SELECT pg_terminate_backend($1) AS done', [pid]).rows).toEqual([{ done: true }]);
    const first = thrownBy(() => victim.query('SELECT 1'));
    expect(first).toBeInstanceOf(PgError);
    expect(first.message).toMatch(/^the connection to PostgreSQL was lost: /);
    expect(() => victim.query('SELECT 1')).toThrow(first.message);
    expect(victim.closed).toBe(true);
  });

  it('gives up on a stalled connection after queryTimeoutMs plus a grace period, and every later call throws', async () => {
    const relay = await startStallingRelay();
    const client = connect(withPort(url, relay.port), { queryTimeoutMs: 300 });
    expect(client.query('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
    await relay.stall();
    const error = thrownBy(() => client.query('SELECT 1'));
    expect(error.message).toMatch(/^no answer from PostgreSQL at 127\.0\.0\.1:\d+ within 2300 ms; the connection is closed$/);
    expect(() => client.query('SELECT 1')).toThrow(error.message);
    expect(client.closed).toBe(true);
  });
});

describe('connectSyncPg: connecting', () => {
  it('throws a clear error, promptly and without the password, when nothing listens', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = thrownBy(() => connectSyncPg(`postgres://estatewatch:s3cret-PASS@127.0.0.1:${port}/estate`, { connectTimeoutMs: 5000 }));
    expect(error.message).toMatch(new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(error.message).not.toContain('s3cret');
    expect(error.stack).not.toContain('s3cret');
    // Refused at once, not given up on at the time limit.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up after connectTimeoutMs on a server that accepts but never answers', async () => {
    const port = await listen(() => {});
    const error = thrownBy(() => connectSyncPg(`postgres://estatewatch:s3cret-PASS@127.0.0.1:${port}/estate`, { connectTimeoutMs: 300 }));
    expect(error.message).toMatch(new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}: .*timeout`));
    expect(error.message).not.toContain('s3cret');
  });

  it('carries the SQLSTATE of a refused connection, such as a database that does not exist', () => {
    const missing = new URL(url);
    missing.pathname = '/no_such_database';
    const error = thrownBy(() => connectSyncPg(missing.toString()));
    expect(error).toBeInstanceOf(PgError);
    expect(error.code).toBe('3D000');
    expect(error.message).toMatch(/^cannot connect to PostgreSQL at 127\.0\.0\.1:\d+: database "no_such_database" does not exist$/);
  });

  it('does not keep the process alive when a client is never closed', () => {
    const module = fileURLToPath(new URL('../../src/store/postgres/sync-client.ts', import.meta.url));
    const script = `import { connectSyncPg } from ${JSON.stringify(module)}; console.log(connectSyncPg(process.argv[1]).query('SELECT 7 AS n').rows[0].n);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, url], { timeout: 20_000, encoding: 'utf8' });
    expect(out.trim()).toBe('7');
  });
});
