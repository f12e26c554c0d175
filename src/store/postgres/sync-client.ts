/**
 * A synchronous PostgreSQL client, so the store can offer PostgreSQL behind
 * the same synchronous interface as better-sqlite3 and the hub's code need not
 * all become async. A worker thread holds one `pg.Client`; the calling thread
 * posts it a request, then blocks in `Atomics.wait` on a shared counter until
 * the worker has posted the answer and bumped the counter, and takes the
 * answer with `receiveMessageOnPort` (the pattern synckit uses). Blocking the
 * hub's thread for a round trip is the trade better-sqlite3 makes on disk I/O.
 *
 * Each client has its own worker, connection and type parsers: nothing is
 * shared between two clients.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

export interface SyncPgClient {
  /**
   * Runs one statement with `$1, $2…` parameters (string, number, boolean,
   * null, Buffer; undefined is sent as null), prepared on this connection the
   * first time its text is seen and run by name afterwards, unless `prepare`
   * is 'never': then it is parsed and planned with its values at every run.
   * Without parameters a string of several statements runs as one simple
   * query; the last one's result is returned (a migration file, say).
   */
  query(sql: string, params?: readonly unknown[], prepare?: Prepare): PgResult;
  /** Ends the connection and the worker. Calling it again does nothing. */
  close(): void;
  /** True once close() was called or the connection or its worker failed: every query then throws. */
  readonly closed: boolean;
}

export interface SyncPgOptions {
  connectTimeoutMs?: number;
  /** The server's statement_timeout for this connection: a longer query is cancelled and throws. */
  queryTimeoutMs?: number;
  applicationName?: string;
}

interface PgErrorFields {
  code?: string;
  position?: number;
  detail?: string;
  constraint?: string;
  table?: string;
}

/** Any failure reported by PostgreSQL or the connection; `code` is the SQLSTATE when the server gave one. */
export class PgError extends Error {
  code?: string;
  position?: number;
  detail?: string;
  constraint?: string;
  table?: string;

  constructor(message: string, fields: PgErrorFields = {}) {
    super(message);
    this.name = 'PgError';
    // Only the fields the server gave, so a failed query's error compares and prints cleanly.
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(this, { [key]: value });
  }
}

/** What the worker posts back: a result, or a failure; `fatal` means the connection or worker is gone. */
type Reply =
  | { ok: true; rows: Record<string, unknown>[]; rowCount: number; byteaColumns: string[] }
  | { ok: false; error: PgErrorFields & { message: string }; fatal: boolean };

/**
 * 'once': prepared under a name and run by it, so the server may settle on one
 * generic plan after five runs; 'never': sent unnamed and planned with its
 * values at every run.
 */
export type Prepare = 'once' | 'never';

type Request = { sql: string; params: unknown[]; prepare: Prepare } | { close: true };

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
// Past its own timeout the server's cancellation still needs a round trip to arrive, and a fresh worker some time to load pg.
const WAIT_GRACE_MS = 2_000;
/** Distinct statement texts a connection keeps prepared; the store has a few hundred. */
const MAX_NAMED_STATEMENTS = 1_000;
const CLOSE_WAIT_MS = 5_000;

/**
 * Plain JavaScript, evaluated as the worker: it runs the same under tsx,
 * vitest and the built hub. int8 (count(*), bigserial) and numeric come back
 * as numbers, as better-sqlite3 gives them; an int8 a number cannot hold
 * exactly fails the query rather than silently rounding. timestamptz comes
 * back as the ISO text the hub writes (SQLite keeps that text).
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, state } = workerData;
const answer = (reply) => { port.postMessage(reply); Atomics.add(state, 0, 1); Atomics.notify(state, 0); };
const failure = (error) => ({
  message: String((error && error.message) || error),
  code: error && error.code, detail: error && error.detail, constraint: error && error.constraint, table: error && error.table,
  position: error && error.position ? Number(error.position) : undefined,
});
// Whatever kills this thread, the caller blocked in Atomics.wait hears of it now rather than at its time limit.
process.on('uncaughtException', (error) => { answer({ ok: false, error: failure(error), fatal: true }); process.exit(1); });

const pg = require(workerData.driver);
const parseInt8 = (text) => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error('int8 value ' + text + ' is beyond Number.MAX_SAFE_INTEGER and cannot be returned as a number');
  return value;
};
// Migration 0061: an install's first-seen time; UTC with milliseconds, as store/installs.ts writes it.
const parseTimestamptz = pg.types.getTypeParser(1184, 'text');
const parseInstant = (text) => parseTimestamptz(text).toISOString();
const types = {
  getTypeParser: (oid, format) => {
    if (format !== 'binary' && oid === 20) return parseInt8;
    if (format !== 'binary' && oid === 1700) return Number;
    if (format !== 'binary' && oid === 1184) return parseInstant;
    return pg.types.getTypeParser(oid, format);
  },
};
const client = new pg.Client({
  connectionString: workerData.url,
  connectionTimeoutMillis: workerData.connectTimeoutMs,
  statement_timeout: workerData.queryTimeoutMs,
  application_name: workerData.applicationName,
  types,
});
// pg emits 'error' when the connection drops while idle; without a listener that would kill the thread.
let lost;
client.on('error', (error) => { lost ??= error; });
const lostReply = () => ({ ok: false, error: { ...failure(lost), message: 'the connection to PostgreSQL was lost: ' + failure(lost).message }, fatal: true });

// The server's transaction state after the last statement ('I' idle, 'T' in a transaction, 'E' in a failed one).
let transactionState = 'I';
client.connection.on('readyForQuery', (message) => { transactionState = message.status; });

// A statement with parameters is prepared once per connection under a name of its own: the server parses and
// analyses it once and may reuse its plan, where an unnamed one is parsed and planned at every run (a bulk load
// of new hosts: ~15% less time in the server). Texts past MAX_NAMED run unnamed, so a connection's prepared
// statements stay bounded whatever SQL it is given. A prepared statement's plan may become generic after five
// runs, blind to its values: a caller whose best plan depends on them asks for 'never' and is sent unnamed.
const MAX_NAMED = ${MAX_NAMED_STATEMENTS};
const names = new Map();
let nextName = 0;
const nameFor = (sql) => {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED) names.set(sql, (name = 'ew' + nextName++));
  return name;
};
// A table altered since a statement naming its columns with * was prepared makes the server refuse it
// ("cached plan must not change result type"): prepared again under a new name, it runs as written.
const STALE_RESULT_TYPE = '0A000';
const prepareAgain = (sql) => { names.delete(sql); return nameFor(sql); };
const send = (sql, params, name) => (name === undefined ? client.query(sql, params) : client.query({ name, text: sql, values: params }));
// Without parameters a text may hold several statements, which only the simple protocol runs: never named.
const sendNamed = async (sql, params, prepare) => {
  if (params.length === 0 || prepare === 'never') return send(sql, params, undefined);
  const idle = transactionState === 'I';
  try {
    return await send(sql, params, nameFor(sql));
  } catch (error) {
    if (!(error && error.code === STALE_RESULT_TYPE && names.has(sql))) throw error;
    const name = prepareAgain(sql);
    // Outside a transaction nothing was undone by the refusal, so the statement runs again; inside one it is
    // aborted whatever is done, and the caller hears the error.
    if (!idle) throw error;
    return send(sql, params, name);
  }
};

const BYTEA = 17, BYTEA_ARRAY = 1001;
const run = async (sql, params, prepare) => {
  if (lost) return lostReply();
  try {
    const results = await sendNamed(sql, params, prepare);
    // Several statements in one simple query give one result each: the last one stands for them.
    const result = Array.isArray(results) ? results[results.length - 1] : results;
    const fields = result.fields || [];
    const byteaColumns = fields.filter((f) => f.dataTypeID === BYTEA || f.dataTypeID === BYTEA_ARRAY).map((f) => f.name);
    return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0, byteaColumns };
  } catch (error) {
    // A FATAL error ends the session (the server shutting down, pg_terminate_backend) even before the socket closes.
    if (error && (error.severity === 'FATAL' || error.severity === 'PANIC')) lost ??= error;
    return lost ? lostReply() : { ok: false, error: failure(error), fatal: false };
  }
};

client.connect().then(
  () => answer({ ok: true, rows: [], rowCount: 0, byteaColumns: [] }),
  (error) => answer({ ok: false, error: failure(error), fatal: true }),
);
port.on('message', async (request) => {
  if (request.close) {
    await client.end().catch(() => {});
    answer({ ok: true, rows: [], rowCount: 0, byteaColumns: [] });
    return;
  }
  answer(await run(request.sql, request.params, request.prepare));
});
`;

export function connectSyncPg(url: string, opts: SyncPgOptions = {}): SyncPgClient {
  const connectTimeoutMs = positive(opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs');
  const queryTimeoutMs = positive(opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, 'queryTimeoutMs');
  const target = describeTarget(url);
  const redact = redactor(url);
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1: port, port2 } = new MessageChannel();
  const driver = createRequire(import.meta.url).resolve('pg');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver, url, connectTimeoutMs, queryTimeoutMs, applicationName: opts.applicationName, port: port2, state },
    transferList: [port2],
    // The worker is plain CommonJS and needs none of the parent's flags; `--input-type=module` among them would even break it.
    execArgv: [],
  });
  // Neither may keep the process alive: a hub that forgot close() still exits.
  worker.unref();
  port.unref();

  let closedByCaller = false;
  let broken: PgError | undefined;
  // Heard only while the caller is not blocked; while it is, the worker's own signal or the wait's bound tells it.
  worker.on('error', (error) => { broken ??= new PgError(`the PostgreSQL worker failed: ${redact(error.message)}`); });
  worker.on('exit', (code) => { if (!closedByCaller) broken ??= new PgError(`the PostgreSQL worker stopped (exit code ${code})`); });

  const stop = () => {
    void worker.terminate();
    port.close();
  };
  /** The worker's answer to the request sent when the counter stood at `seen`, or undefined if none came within `timeoutMs`. */
  const answerAfter = (seen: number, timeoutMs: number): Reply | undefined =>
    waitForAnswer(state, seen, timeoutMs) ? (receiveMessageOnPort(port)?.message as Reply | undefined) : undefined;
  /** A connection or worker that is gone stays gone: every later call throws the same error. */
  const breakWith = (error: PgError): never => {
    broken = error;
    stop();
    throw error;
  };

  const connected = answerAfter(0, connectTimeoutMs + WAIT_GRACE_MS);
  if (!connected?.ok) {
    const { message, code } = connected ? connected.error : { message: `no answer within ${connectTimeoutMs} ms`, code: undefined };
    stop();
    throw new PgError(`cannot connect to PostgreSQL at ${target}: ${redact(message)}`, { code });
  }
  return { query, close, get closed() { return closedByCaller || broken !== undefined; } };

  function query(sql: string, params: readonly unknown[] = [], prepare: Prepare = 'once'): PgResult {
    if (closedByCaller) throw new Error('this PostgreSQL client is closed');
    // A fresh error, so its stack shows this call rather than the one that found the connection gone.
    if (broken) throw new PgError(broken.message, { code: broken.code });
    const seen = Atomics.load(state, 0);
    port.postMessage({ sql, params: params.map((p) => p ?? null), prepare } satisfies Request);
    const waitMs = queryTimeoutMs + WAIT_GRACE_MS;
    const reply = answerAfter(seen, waitMs) ?? breakWith(new PgError(`no answer from PostgreSQL at ${target} within ${waitMs} ms; the connection is closed`));
    if (!reply.ok && reply.fatal) breakWith(toPgError(reply.error, redact));
    if (!reply.ok) throw toPgError(reply.error, redact);
    return { rows: restoreBuffers(reply.rows, reply.byteaColumns), rowCount: reply.rowCount };
  }

  function close(): void {
    if (closedByCaller) return;
    closedByCaller = true;
    if (!broken) {
      const seen = Atomics.load(state, 0);
      port.postMessage({ close: true } satisfies Request);
      // Ending the connection politely is a courtesy to the server; the worker is stopped either way.
      waitForAnswer(state, seen, CLOSE_WAIT_MS);
    }
    stop();
  }
}

/** Blocks until the worker bumps the counter past `seen`, or `timeoutMs` passes; true when it answered. */
function waitForAnswer(state: Int32Array, seen: number, timeoutMs: number): boolean {
  const deadline = performance.now() + timeoutMs;
  while (Atomics.load(state, 0) === seen) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(state, 0, seen, left);
  }
  return true;
}

function toPgError(error: PgErrorFields & { message: string }, redact: (text: string) => string): PgError {
  const { message, ...fields } = error;
  return new PgError(redact(message), { ...fields, detail: fields.detail === undefined ? undefined : redact(fields.detail) });
}

/** Buffers cross the thread as plain Uint8Arrays; bytea columns are given back as Buffers, as pg gives them. */
function restoreBuffers(rows: Record<string, unknown>[], byteaColumns: string[]): Record<string, unknown>[] {
  if (byteaColumns.length === 0) return rows;
  const restore = (value: unknown): unknown =>
    value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Array.isArray(value) ? value.map(restore) : value;
  for (const row of rows) for (const column of byteaColumns) row[column] = restore(row[column]);
  return rows;
}

/** "host:port" for messages: never the whole URL, which may carry a password. */
function describeTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the PostgreSQL URL is not a valid URL (postgres://user:password@host:port/database)');
  }
  const host = parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost');
  return `${host}:${parsed.port || '5432'}`;
}

/**
 * Removes the URL's password from a message. pg's and Node's messages do not
 * carry it today; this keeps it so if one ever does.
 */
function redactor(url: string): (text: string) => string {
  const encoded = new URL(url).password;
  const secrets = [...new Set([encoded, safeDecode(encoded)])].filter((s) => s.length > 0);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function positive(ms: number, name: string): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`${name} must be a positive number of milliseconds, not ${ms}`);
  return ms;
}
