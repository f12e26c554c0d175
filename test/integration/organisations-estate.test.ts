/**
 * Trusts on an ICS hub (issue 10): agents enrol for a trust, their machines
 * are that trust's, and people of one trust see only its estate while an
 * ICS-wide person sees every trust's, or one they name. Real hub, real
 * database (SQLite or PostgreSQL), real requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { runCli } from '../helpers/cli.js';
import { postForm } from '../helpers/post-form.js';
import { DELTA_SCHEMA_V1 } from '../../src/contract/delta.js';
import { sampleReport } from '../helpers/reports.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { storeEnv, type TestHub } from '../helpers/test-hub.js';
import { FIRST_TRUST, twoTrustHub } from '../helpers/trusts.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;
let second: number;
const tokens = { one: '', two: '' };

const ask = (path: string, cookie: string, init: { method?: string; body?: unknown } = {}) =>
  app.request(path, { method: init.method ?? 'GET', headers: { cookie, 'content-type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
const json = async <T>(res: Response) => (await res.json()) as T;
const errorOf = async (res: Response) => (await json<{ error: { code: string; message: string } }>(res)).error;

const report = (token: string, hostname: string, software = sampleReport().software) =>
  app.request('/api/v1/reports', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `trusts-${hostname}-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify(sampleReport({ host: { ...sampleReport().host, hostname }, software })),
  });

async function enrol(trust: string | undefined, hostname: string): Promise<string> {
  const secret = await ask('/api/v1/enrolment-secrets', cookies.admin as string, { method: 'POST', body: { label: `${trust} PCs`, organisation: trust } });
  expect(secret.status).toBe(201);
  const enrolled = await app.request('/api/v1/agents/enrol', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: (await json<{ secret: string }>(secret)).secret, hostname }),
  });
  return (await json<{ token: string }>(enrolled)).token;
}

const hostnames = async (path: string, cookie: string) => (await json<{ rows: { hostname: string }[] }>(await ask(path, cookie))).rows.map((r) => r.hostname).sort();
const assetId = (hostname: string) => (hub.deps.db.prepare('SELECT id FROM assets WHERE hostname = ?').get(hostname) as { id: number }).id;

beforeAll(async () => {
  ({ hub, app, second, cookies } = await twoTrustHub({ first: [['lead-one', 'security-lead']], second: [['lead-two', 'security-lead']], icsWide: [['ics-lead', 'security-lead']] }));
  tokens.one = await enrol('TRUST', 'ONE-PC001');
  tokens.two = await enrol('RYY', 'TWO-PC001');
  // Trust one runs an old Python the other does not; trust two has a program no rule knows.
  expect((await report(tokens.one, 'ONE-PC001')).status).toBe(202);
  // One agent reports one machine: the second PC enrols its own.
  expect((await report(await enrol('TRUST', 'ONE-PC002'), 'ONE-PC002')).status).toBe(202);
  const twoSoftware = [...sampleReport().software.filter((s) => !s.name.startsWith('Python')), { name: 'Ward Whiteboard', version: '3.1', vendor: 'Local', source: 'registry' as const }];
  expect((await report(tokens.two, 'TWO-PC001', twoSoftware)).status).toBe(202);
});
afterAll(() => hub.close());

describe('an ICS hub with two trusts', () => {
  it('asks an ICS-wide admin which trust an enrolment secret is for', async () => {
    const res = await ask('/api/v1/enrolment-secrets', cookies.admin as string, { method: 'POST', body: { label: 'no trust named' } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'organisation-required' });
    expect((await ask('/api/v1/enrolment-secrets', cookies.admin as string, { method: 'POST', body: { label: 'x', organisation: 'RZZ' } })).status).toBe(400);
  });

  it('puts each machine in the trust its agent enrolled for', () => {
    const trusts = hub.deps.db.prepare('SELECT hostname, organisation_id AS trust FROM assets ORDER BY hostname').all();
    expect(trusts).toEqual([
      { hostname: 'ONE-PC001', trust: FIRST_TRUST },
      { hostname: 'ONE-PC002', trust: FIRST_TRUST },
      { hostname: 'TWO-PC001', trust: second },
    ]);
    const alertTrusts = hub.deps.db.prepare('SELECT DISTINCT a.organisation_id = s.organisation_id AS same FROM alerts a JOIN assets s ON s.id = a.asset_id').all();
    expect(alertTrusts).toEqual([{ same: 1 }]);
  });

  it("refuses another trust's agent reporting a machine of the same name, and leaves the machine as it was", async () => {
    const before = hub.deps.db.prepare("SELECT * FROM assets WHERE hostname = 'ONE-PC001'").get();
    const res = await report(tokens.two, 'ONE-PC001');
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'machine-unavailable' });
    // One neutral refusal: it names no trust and nothing the other trust holds.
    expect(JSON.stringify(error)).not.toMatch(/trust|organisation|RXX|ONE-PC001|one-pc001/i);
    expect(hub.deps.db.prepare("SELECT * FROM assets WHERE hostname = 'ONE-PC001'").get()).toEqual(before);
    const told = hub.deps.db.prepare("SELECT organisation_id AS org, text FROM notifications WHERE recipient_role = 'security-lead' ORDER BY id DESC LIMIT 1").get() as { org: number; text: string };
    expect(told).toEqual({ org: second, text: expect.stringMatching(/claimed machine one-pc001 and was refused: that name is a machine of another trust/) });
  });

  it("refuses another trust's no-change delta naming a machine's exact inventory: no arrival recorded, no oracle", async () => {
    const held = hub.deps.db.prepare("SELECT inventory_hash AS hash, last_seen_at FROM assets WHERE hostname = 'ONE-PC001'").get() as { hash: string; last_seen_at: string };
    const receipts = (hub.deps.db.prepare('SELECT count(*) AS n FROM report_receipts').get() as { n: number }).n;
    const base = sampleReport({ host: { ...sampleReport().host, hostname: 'ONE-PC001' } });
    const delta = { schema: DELTA_SCHEMA_V1, base: held.hash, inventoryHash: held.hash, host: base.host, os: base.os, collectedAt: '2026-11-24T02:00:00Z', agent: base.agent, software: { added: [], removed: [] }, devices: { added: [], removed: [] } };
    const res = await app.request('/api/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.two}`, 'idempotency-key': 'delta-probe-1' }, body: JSON.stringify(delta) });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'machine-unavailable' });
    expect(hub.deps.db.prepare("SELECT last_seen_at FROM assets WHERE hostname = 'ONE-PC001'").get()).toEqual({ last_seen_at: held.last_seen_at });
    expect((hub.deps.db.prepare('SELECT count(*) AS n FROM report_receipts').get() as { n: number }).n).toBe(receipts);
    // A made-up base gets the same answer: the refusal says nothing about the inventory.
    const guess = await app.request('/api/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.two}`, 'idempotency-key': 'delta-probe-2' }, body: JSON.stringify({ ...delta, base: '0'.repeat(64), inventoryHash: '0'.repeat(64) }) });
    expect(guess.status).toBe(409);
    expect(await errorOf(guess)).toMatchObject({ code: 'machine-unavailable' });
  });

  it("shows a trust's person only their trust's machines, in lists, counts and by id", async () => {
    expect(await hostnames('/api/v1/estate/assets', cookies['lead-one'] as string)).toEqual(['ONE-PC001', 'ONE-PC002']);
    expect(await hostnames('/api/v1/estate/assets', cookies['lead-two'] as string)).toEqual(['TWO-PC001']);
    const summary = await json<{ assets: number; installsByStatus: Record<string, number> }>(await ask('/api/v1/estate/summary', cookies['lead-two'] as string));
    expect(summary.assets).toBe(1);
    expect(Object.values(summary.installsByStatus).reduce((a, b) => a + b, 0)).toBe(4);
    expect((await ask(`/api/v1/estate/assets/${assetId('ONE-PC001')}`, cookies['lead-two'] as string)).status).toBe(404);
    const own = await ask(`/api/v1/estate/assets/${assetId('TWO-PC001')}`, cookies['lead-two'] as string);
    expect(await json(own)).toMatchObject({ hostname: 'TWO-PC001', organisation: 'RYY' });
    expect((await ask('/api/v1/estate/assets?organisation=TRUST', cookies['lead-two'] as string)).status).toBe(403);
  });

  it("counts a trust's software versions and unjudged programs from its own machines", async () => {
    const versions = async (cookie: string) => (await json<{ rows: { name: string; assets: number }[] }>(await ask('/api/v1/estate/software?pageSize=500', cookie))).rows;
    const python = (rows: { name: string; assets: number }[]) => rows.filter((r) => r.name.startsWith('Python')).map((r) => r.assets);
    expect(python(await versions(cookies['lead-one'] as string))).toEqual([2]);
    expect(python(await versions(cookies['lead-two'] as string))).toEqual([]);
    expect(python(await versions(cookies['ics-lead'] as string))).toEqual([2]);
    const unmatched = async (cookie: string) => (await json<{ rows: { name: string }[] }>(await ask('/api/v1/estate/unmatched', cookie))).rows.map((r) => r.name);
    expect(await unmatched(cookies['lead-two'] as string)).toContain('Ward Whiteboard');
    expect(await unmatched(cookies['lead-one'] as string)).not.toContain('Ward Whiteboard');
  });

  it('gives the same figures for a trust as the ICS view narrowed to it', async () => {
    for (const [code, cookie] of [['TRUST', 'lead-one'], ['RYY', 'lead-two']] as const) {
      const own = await json(await ask('/api/v1/estate/summary', cookies[cookie] as string));
      const narrowed = await json(await ask(`/api/v1/estate/summary?organisation=${code}`, cookies['ics-lead'] as string));
      expect(narrowed).toEqual(own);
    }
    const all = await json<{ assets: number }>(await ask('/api/v1/estate/summary', cookies['ics-lead'] as string));
    expect(all.assets).toBe(3);
  });

  it('shows an ICS-wide person every trust, or the one named', async () => {
    expect(await hostnames('/api/v1/estate/assets', cookies['ics-lead'] as string)).toEqual(['ONE-PC001', 'ONE-PC002', 'TWO-PC001']);
    expect(await hostnames('/api/v1/estate/assets?organisation=RYY', cookies['ics-lead'] as string)).toEqual(['TWO-PC001']);
    expect((await ask('/api/v1/estate/assets?organisation=RZZ', cookies['ics-lead'] as string)).status).toBe(400);
  });

  it("keeps the other trust's machines off a trust person's pages, and names each machine's trust for an ICS-wide one", async () => {
    const page = await (await ask('/assets', cookies['lead-two'] as string)).text();
    expect(page).toContain('TWO-PC001');
    expect(page).not.toContain('ONE-PC00');
    expect(page).not.toContain('<th scope="col">Trust</th>');
    expect((await ask(`/assets/${assetId('ONE-PC001')}`, cookies['lead-two'] as string)).status).toBe(404);
    const ics = await (await ask('/assets', cookies['ics-lead'] as string)).text();
    expect(ics).toContain('<th scope="col">Trust</th>');
    expect(ics).toMatch(/<td>RYY<\/td><td><a href="\/assets\/\d+">TWO-PC001<\/a>/);
    expect(await (await ask(`/assets/${assetId('ONE-PC001')}`, cookies['ics-lead'] as string)).text()).toContain('<dd id="trust">TRUST</dd>');
  });

  it("offers an ICS-wide admin the trusts on the enrolment page, and makes the secret for the one chosen", async () => {
    const page = await (await ask('/admin/enrolment', cookies.admin as string)).text();
    expect(page).toContain('<select id="organisation" name="organisation" required="">');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const res = await postForm(app, '/admin/enrolment', cookies.admin as string, { csrf, label: 'RYY theatres', organisation: 'RYY' });
    expect(res.status).toBe(201);
    expect(hub.deps.db.prepare("SELECT organisation_id AS trust FROM enrolment_secrets WHERE label = 'RYY theatres'").get()).toEqual({ trust: second });
  });

  it('lists agents of the admin’s own trust only', async () => {
    const admins = await signInUsers(app, hub, [['admin-two', 'admin', second]]);
    const rows = (await json<{ rows: { hostname: string; organisation: string }[] }>(await ask('/api/v1/agents', admins['admin-two'] as string))).rows;
    expect(rows).toEqual([expect.objectContaining({ hostname: 'TWO-PC001', organisation: 'RYY' })]);
    const oneAgent = (hub.deps.db.prepare("SELECT id FROM agents WHERE hostname = 'ONE-PC001'").get() as { id: number }).id;
    expect((await ask(`/api/v1/agents/${oneAgent}/revoke`, admins['admin-two'] as string, { method: 'POST' })).status).toBe(404);
    expect(hub.deps.db.prepare('SELECT revoked_at FROM agents WHERE id = ?').get(oneAgent)).toEqual({ revoked_at: null });
  });
});

describe('estatewatch admin and import with several trusts', () => {
  const cli = (...args: string[]) => runCli(['admin', ...args, '--data-dir', hub.dir], { env: storeEnv(hub) });

  it('adds, lists and renames trusts, audited, and refuses a bad or taken code', () => {
    expect(cli('add-organisation', 'R1H', '--name', 'Barts Health NHS Trust').code).toBe(0);
    expect(cli('add-organisation', 'R1H', '--name', 'again').stderr).toContain('already exists');
    expect(cli('add-organisation', 'r1h', '--name', 'lower case').code).toBe(2);
    expect(cli('rename-organisation', 'TRUST', '--code', 'RQM', '--name', 'Chelsea and Westminster').code).toBe(0);
    expect(cli('list-organisations').stdout).toMatch(/R1H\s+Barts Health NHS Trust\n[^]*RQM\s+Chelsea and Westminster\n/);
    const audit = hub.deps.db.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'organisation' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'create', before: null, after: JSON.stringify({ code: 'R1H', name: 'Barts Health NHS Trust' }) },
      { action: 'update', before: JSON.stringify({ code: 'TRUST', name: 'This trust' }), after: JSON.stringify({ code: 'RQM', name: 'Chelsea and Westminster' }) },
    ]);
  });

  it('makes a new person name their trust (or ICS-wide) when there are several', () => {
    const refused = cli('create-user', 'nurse.lee', '--role', 'cso');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('give --organisation <code> or --ics-wide');
    expect(cli('create-user', 'nurse.lee', '--role', 'cso', '--organisation', 'RYY').code).toBe(0);
    expect(cli('create-user', 'ics.chair', '--role', 'board', '--ics-wide').code).toBe(0);
    expect(hub.deps.db.prepare("SELECT username, organisation_id AS trust FROM users WHERE username IN ('nurse.lee', 'ics.chair') ORDER BY username").all()).toEqual([
      { username: 'ics.chair', trust: null },
      { username: 'nurse.lee', trust: second },
    ]);
  });
});
