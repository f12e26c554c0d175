/**
 * Hostile requests against a real hub on 127.0.0.1: malformed, oversized,
 * wrongly typed or wrongly encoded bodies and bad headers. Every one must be
 * refused with a 4xx JSON error carrying a message, and must leave every
 * table exactly as it was (rows and contents, not only counts).
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignRequestSchema, NoteRequestSchema, ResolveRequestSchema, suppressRequestSchema } from '../../src/alerts/triage.js';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { DeltaSchema, diffReports } from '../../src/contract/delta.js';
import { checkReport, type Report } from '../../src/contract/report.js';
import { ActionCreateSchema } from '../../src/cso/action-schemas.js';
import { exceptionRequestSchema } from '../../src/cso/exceptions.js';
import { HazardCreateSchema } from '../../src/cso/hazard-schemas.js';
import { NewDeviceSchema } from '../../src/devices/device-schema.js';
import { changedTables, snapshotTables } from '../helpers/db-snapshot.js';
import { applyMutation, hostileShortString, hostileString, hostileValue, mutationOf } from '../helpers/hostile.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

/** Small, so an oversized body is cheap to build; the cap is the same code path at any size. */
const MAX_REPORT_BYTES = 64 * 1024;

let hub: ListeningTestHub;
let token: string;
let cookie: string;
let alertId: number;

interface Sent {
  path: string;
  method?: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  json: unknown;
  text: string;
}

/**
 * One request on its own connection. A hub that refuses a large body early closes
 * the socket without reading the rest (as it should); fetch's shared keep-alive
 * pool would then fail the NEXT request on that socket, blaming the wrong case.
 */
function send(req: Sent): Promise<Answer> {
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.from(req.body);
  const headers: Record<string, string | number> = { ...req.headers, ...(body && { 'content-length': body.byteLength }) };
  return new Promise((resolve, reject) => {
    const r = request(`${hub.url}${req.path}`, { method: req.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        answered = true;
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    let answered = false;
    r.on('close', () => answered || setImmediate(() => answered || reject(new Error('the hub closed the connection without an answer'))));
    // Writing the rest of a body the hub already refused may hit a closed socket; the answer is what counts.
    r.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    r.end(body);
  });
}

/** The status and code of each refusal, so a property can show it reached the validators and not only the first gate. */
let refusals: string[] = [];
const seen = (refusal: string) => refusals.filter((r) => r === refusal).length;

/** Sends a request that must be refused, and checks the refusal and that nothing was written. */
async function expectRefusedWithoutWrite(req: Sent, allowedToChange: readonly string[] = []): Promise<Answer> {
  const before = snapshotTables(hub.deps.db);
  const answer = await send(req);
  const label = `${req.method ?? 'POST'} ${req.path} ${JSON.stringify(req.headers)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, label).toBeGreaterThanOrEqual(400);
  expect(answer.status, label).toBeLessThan(500);
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  expect(typeof error?.code, label).toBe('string');
  expect(typeof error?.message, label).toBe('string');
  expect((error?.message as string).length, label).toBeGreaterThan(0);
  expect(changedTables(before, snapshotTables(hub.deps.db), allowedToChange), label).toEqual([]);
  refusals.push(`${answer.status} ${error?.code as string}`);
  return answer;
}

/** JSON text for any value, BigInts as strings: a client cannot send what JSON cannot say. */
const toJson = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null';

const agentHeaders = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'idempotency-key': randomUUID(),
  authorization: `Bearer ${token}`,
  ...extra,
});

/** A report that is valid and new (so the hub WOULD store it), unless the request is refused for another reason. */
let fresh = 0;
function freshReport(): Report {
  fresh += 1;
  return sampleReport({ collectedAt: new Date(TEST_NOW.getTime() - fresh * 1000).toISOString(), software: [...sampleReport().software, { name: `Probe ${fresh}`, version: '1.0', source: 'registry' }] });
}

beforeAll(async () => {
  hub = await startTestHub({ maxReportBytes: MAX_REPORT_BYTES });
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
  const enrolled = await send({ path: '/api/v1/agents/enrol', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname: 'WARD3-PC001' }) });
  expect(enrolled.status).toBe(201);
  token = (enrolled.json as { token: string }).token;
  // A stored report gives the hub an asset, installs, devices and (from the shipped rules) alerts to protect.
  const stored = await send({ path: '/api/v1/reports', headers: agentHeaders(), body: JSON.stringify(sampleReport()) });
  expect(stored.status).toBe(202);
  cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  const alert = hub.deps.db.prepare("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  if (!alert) throw new Error('the sample report should raise at least one alert');
  alertId = alert.id;
});
afterAll(() => hub?.close());

describe('the snapshot used below', () => {
  it('sees a write: an accepted report changes the tables', async () => {
    const before = snapshotTables(hub.deps.db);
    const res = await send({ path: '/api/v1/reports', headers: agentHeaders(), body: JSON.stringify(freshReport()) });
    expect(res.status).toBe(202);
    expect(changedTables(before, snapshotTables(hub.deps.db))).toEqual(expect.arrayContaining(['report_receipts', 'installs']));
  });
});

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; charset=utf-16', '*/*'];

/** Any body that is not a valid v1 report or delta, as bytes. */
const invalidReportBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.json({ maxDepth: 4 }),
  hostileString,
  // Cut short anywhere before its last character: never the whole (valid) report.
  fc.nat({ max: JSON.stringify(sampleReport()).length - 1 }).map((n) => JSON.stringify(sampleReport()).slice(0, n)),
  // Nested far deeper than any report, written as text so the hub's parser meets it whole.
  fc.constantFrom('['.repeat(30_000) + ']'.repeat(30_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), `{"host":${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
  mutationOf(sampleReport())
    .map((m) => toJson(applyMutation(sampleReport(), m)))
    .filter((text) => !checkReport(JSON.parse(text)).ok),
  mutationOf(diffReports(sampleReport(), freshReport()))
    .map((m) => toJson(applyMutation(diffReports(sampleReport(), freshReport()), m)))
    .filter((text) => !DeltaSchema.safeParse(JSON.parse(text)).success),
);

describe('POST /api/v1/reports with hostile bodies', () => {
  it('refuses malformed bodies under any content type, plain or gzipped, and writes nothing', async () => {
    refusals = [];
    await fc.assert(
      fc.asyncProperty(invalidReportBody, fc.constantFrom(...CONTENT_TYPES), fc.boolean(), async (body, contentType, gzip) => {
        const headers = agentHeaders({ 'content-type': contentType, ...(gzip && { 'content-encoding': 'gzip' }) });
        if (!contentType) delete (headers as Record<string, string>)['content-type'];
        await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers, body: gzip ? gzipSync(body) : body });
      }),
      { numRuns: 250, seed: 0x4011 },
    );
    for (const reached of ['400 invalid-json', '400 invalid-report', '403 forbidden']) expect(seen(reached), reached).toBeGreaterThan(5);
  });

  it('refuses a valid report over the size cap, plain or as a gzip bomb, with 413', async () => {
    // Valid and new, so only the cap stands between it and the database.
    const big = freshReport();
    big.software.push(...Array.from({ length: 2000 }, (_, i) => ({ name: `Filler package ${i}`, version: `1.${i}`, source: 'registry' as const })));
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(MAX_REPORT_BYTES);
    expect(checkReport(big).ok).toBe(true);
    const plain = await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers: agentHeaders(), body: text });
    expect(plain.status).toBe(413);
    // Small on the wire, larger than the cap once inflated.
    const bomb = gzipSync(text.replace('"software":[', `"software":[${' '.repeat(10 * MAX_REPORT_BYTES)}`));
    expect(bomb.byteLength).toBeLessThan(MAX_REPORT_BYTES);
    const inflated = await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers: agentHeaders({ 'content-encoding': 'gzip' }), body: bomb });
    expect(inflated.status).toBe(413);
  });

  it('refuses bodies with invalid gzip or an unknown Content-Encoding', async () => {
    refusals = [];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.nat({ max: 200 }).map((n) => gzipSync(JSON.stringify(freshReport())).subarray(0, n))),
        fc.constantFrom('gzip', 'GZIP', 'br', 'deflate', 'compress', 'x-gzip', 'gzip, gzip', 'identity, gzip', '*'),
        async (body, encoding) => {
          await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers: agentHeaders({ 'content-encoding': encoding }), body });
        },
      ),
      { numRuns: 80, seed: 0x4012 },
    );
    for (const reached of ['400 invalid-gzip', '415 unsupported-encoding']) expect(seen(reached), reached).toBeGreaterThan(5);
  });

  it('refuses a valid new report with a bad Idempotency-Key', async () => {
    const badKey = fc
      .oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }), fc.constantFrom('', 'short', 'x'.repeat(129), 'has space inside', 'semi;colon12', '../../../../x'))
      // Surrounding whitespace does not survive in a header value; what arrives must still be bad.
      .filter((k) => !/^[A-Za-z0-9._:-]{8,128}$/.test(k.trim()));
    await fc.assert(
      fc.asyncProperty(badKey, async (key) => {
        const headers: Record<string, string> = agentHeaders({ 'idempotency-key': key });
        if (key.trim() === '') delete headers['idempotency-key'];
        const res = await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers, body: JSON.stringify(freshReport()) });
        expect(res.status).toBe(400);
      }),
      { numRuns: 60, seed: 0x4013 },
    );
  });

  it('refuses a valid new report without a live agent token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(''), fc.constant('Bearer'), fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }).map((t) => `Bearer ${t}`), fc.constant(`Basic ${token}`), fc.constant(`Bearer ${token}x`)), async (authorization) => {
        const headers: Record<string, string> = agentHeaders({ authorization });
        if (!authorization) delete headers.authorization;
        const res = await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers, body: JSON.stringify(freshReport()) });
        expect(res.status).toBe(401);
      }),
      { numRuns: 40, seed: 0x4014 },
    );
  });

  it('answers a well-formed delta on an inventory the hub does not hold with 409 and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{64}$/), async (base) => {
        const delta = { ...diffReports(sampleReport(), freshReport()), base };
        const res = await expectRefusedWithoutWrite({ path: '/api/v1/reports', headers: agentHeaders(), body: JSON.stringify(delta) });
        expect(res.status).toBe(409);
      }),
      { numRuns: 20, seed: 0x4015 },
    );
  });
});

/** Arbitrary JSON-ish bodies for the session's JSON APIs, each sent as the text a client would put on the wire. */
const hostileJsonBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.json({ maxDepth: 3 }),
  hostileValue.map(toJson),
  fc.dictionary(fc.constantFrom('text', 'note', 'assignee', 'reason', 'until', 'title', 'kind', 'name', 'username', 'password', '__proto__', 'constructor'), hostileValue, { maxKeys: 4 }).map(toJson),
  fc.constant(`{"text":"${'x'.repeat(40 * 1024)}"}`),
);

/**
 * A failed sign-in is itself recorded, on purpose: failures count towards the
 * limits, and an account coming under attack is audited and told to the security
 * lead. Nothing else may change (no session, no user).
 */
const SIGN_IN_BOOKKEEPING = ['sign_in_failures', 'audit_log', 'notifications'];

interface Target {
  path: (id: string) => string;
  /** A body this schema accepts would legitimately be stored; those are not hostile and are skipped. */
  accepts: (body: unknown) => boolean;
}

const parsesAs = (schema: { safeParse(v: unknown): { success: boolean } }) => (body: unknown) => schema.safeParse(body).success;

describe('session JSON APIs with hostile bodies', () => {
  const targets: Target[] = [
    { path: (id) => `/api/v1/alerts/${id}/assign`, accepts: parsesAs(AssignRequestSchema) },
    { path: (id) => `/api/v1/alerts/${id}/notes`, accepts: parsesAs(NoteRequestSchema) },
    { path: (id) => `/api/v1/alerts/${id}/resolve`, accepts: parsesAs(ResolveRequestSchema) },
    { path: (id) => `/api/v1/alerts/${id}/suppress`, accepts: parsesAs(suppressRequestSchema(TEST_NOW)) },
    { path: () => '/api/v1/exceptions', accepts: (b) => parsesAs(exceptionRequestSchema(TEST_NOW, hub.deps.alertRules.map((r) => r.id)))(b) },
    { path: () => '/api/v1/actions', accepts: parsesAs(ActionCreateSchema) },
    { path: () => '/api/v1/hazards', accepts: parsesAs(HazardCreateSchema) },
    { path: () => '/api/v1/devices', accepts: parsesAs(NewDeviceSchema) },
  ];
  const hostileId = fc.oneof(
    { weight: 4, arbitrary: fc.constant('REAL') },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1.5', '1e3', 'NaN', '9999999999999999999999', '0x10', ' 1', '%00', '..', 'null') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  );

  it('refuses each with a 4xx JSON error and writes nothing (alerts triage, exceptions, actions, hazards, devices)', async () => {
    refusals = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets.keys()), hostileId, hostileJsonBody, fc.constantFrom(...CONTENT_TYPES), async (t, id, body, contentType) => {
        const target = targets[t] as Target;
        const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
        let parsed: unknown;
        try {
          // An empty body is a bare POST, which resolve takes as "no note".
          parsed = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        fc.pre(!target.accepts(parsed));
        const path = target.path(id === 'REAL' ? String(alertId) : encodeURIComponent(id));
        const headers: Record<string, string> = { cookie, ...(contentType && { 'content-type': contentType }) };
        await expectRefusedWithoutWrite({ path, headers, body });
      }),
      { numRuns: 250, seed: 0x5e55 },
    );
    for (const reached of ['400 invalid-request', '400 invalid-json', '403 forbidden', '413 too-large']) expect(seen(reached), `${reached} in ${refusals.join(', ')}`).toBeGreaterThan(3);
  });

  it('refuses hostile sign-in and enrolment bodies without creating a session or an agent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/session', '/api/v1/agents/enrol'), hostileJsonBody, async (path, body) => {
        // A hostile body may still happen to be well-formed credentials, whose failure is counted.
        await expectRefusedWithoutWrite({ path, headers: { 'content-type': 'application/json' }, body }, path === '/api/v1/session' ? SIGN_IN_BOOKKEEPING : []);
      }),
      { numRuns: 80, seed: 0x5e56 },
    );
  });

  it('refuses well-formed but wrong credentials and secrets without writing', async () => {
    const printable = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(printable, printable, async (a, b) => {
        await expectRefusedWithoutWrite({ path: '/api/v1/session', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a, password: b }) }, SIGN_IN_BOOKKEEPING);
        await expectRefusedWithoutWrite({ path: '/api/v1/agents/enrol', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret: a, hostname: b }) });
      }),
      { numRuns: 5, seed: 0x5e57 },
    );
  });
});

describe('list APIs with hostile query strings', () => {
  // Searches reach SQLite (LIKE, and FTS5 MATCH for alerts): quotes, operators and NUL must stay data.
  const queryValue = fc.oneof(hostileShortString, fc.constantFrom('"', '""', "'", '*', 'NEAR(a b)', 'a OR b', 'text:x', '-x', '%', '_', '\\', 'AND', '^a', '{a b}', 'a:', ')', '(', '\u0000x'));

  it('answers every search of alerts, assets and hazards without a 5xx and without writing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/alerts', '/api/v1/estate/assets', '/api/v1/estate/software', '/api/v1/hazards', '/api/v1/actions', '/api/v1/devices', '/api/v1/exceptions'), fc.constantFrom('q', 'status', 'severity', 'owner', 'page', 'pageSize', 'kind', 'site', 'ruleId', 'assetId'), queryValue, async (path, name, value) => {
        const before = snapshotTables(hub.deps.db);
        const res = await send({ method: 'GET', path: `${path}?${new URLSearchParams({ [name]: value }).toString()}`, headers: { cookie } });
        expect(res.status, `${path}?${name}=${JSON.stringify(value)} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) expect(typeof (res.json as { error?: { message?: unknown } } | undefined)?.error?.message).toBe('string');
        expect(changedTables(before, snapshotTables(hub.deps.db))).toEqual([]);
      }),
      { numRuns: 150, seed: 0x9e7 },
    );
  });
});
