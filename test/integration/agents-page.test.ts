/**
 * The Agents page on a real hub over real HTTP: agents enrolled and reporting
 * through the API, then read and acted on as an admin's browser would (session
 * cookie, form token, same-origin posts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELTA_SCHEMA_V1 } from '../../src/contract/delta.js';
import type { Report } from '../../src/contract/report.js';
import { sampleReport } from '../helpers/reports.js';
import { addTrust } from '../helpers/trusts.js';
import { signInCookie, startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let admin: string;
let otherTrust: number;

beforeAll(async () => {
  hub = await startTestHub();
  otherTrust = addTrust(hub.deps.db, 'RYY');
  admin = await signInCookie(hub.url, 'admin', hub.adminPassword);
});
afterAll(() => hub.close());

const api = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function secret(uses: number, organisation = 'TRUST'): Promise<string> {
  const made = await api('/api/v1/enrolment-secrets', { label: 'agents page', uses, organisation }, { cookie: admin });
  expect(made.status).toBe(201);
  return made.body.secret as string;
}

async function enrol(secretText: string, hostname: string): Promise<{ id: number; token: string }> {
  const r = await api('/api/v1/agents/enrol', { secret: secretText, hostname });
  expect(r.status).toBe(201);
  return { id: Number(r.body.agentId), token: r.body.token as string };
}

async function send(token: string, body: unknown): Promise<void> {
  const r = await api('/api/v1/reports', body, { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
}

const report = (hostname: string, version: string, extra: Partial<Report> = {}): Report => sampleReport({ host: { hostname }, agent: { version }, ...extra });

async function page(path = '/admin/agents'): Promise<{ status: number; html: string }> {
  const res = await fetch(`${hub.url}${path}`, { headers: { cookie: admin } });
  return { status: res.status, html: await res.text() };
}

/** The table row of agent `id` on the page. */
function row(html: string, id: number): string {
  const found = new RegExp(`<tr data-id="${id}"[^>]*>.*?</tr>`, 's').exec(html);
  if (!found) throw new Error(`no row for agent ${id}`);
  return found[0];
}

/** A form post from the Agents page: the session's form token and this hub's origin, as the browser sends them. */
async function postFromPage(path: string, fields: Record<string, string> = {}): Promise<Response> {
  const csrf = /name="csrf" value="([^"]+)"/.exec((await page()).html)?.[1] ?? '';
  return fetch(`${hub.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: admin, origin: hub.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
}

const assetIdOf = (identity: string) => (hub.deps.db.prepare('SELECT id FROM assets WHERE identity = ?').get(identity) as { id: number }).id;

describe('the Agents page', () => {
  it('shows each agent’s host linked to the machine it reports, its last report, the version of its latest report and its spool folds', async () => {
    const agent = await enrol(await secret(1), 'WARD1-PC001');
    await send(agent.token, report('WARD1-PC001', '1.4.0', { spool: { reports: 5, firstCollectedAt: '2026-11-18T02:00:00Z' } }));
    await send(agent.token, report('WARD1-PC001', '1.5.0', { collectedAt: '2026-11-23T10:00:00Z' }));

    const { status, html } = await page();
    expect(status).toBe(200);
    const cells = row(html, agent.id);
    expect(cells).toContain('<strong>WARD1-PC001</strong>');
    expect(cells).toContain(`reports <a href="/assets/${assetIdOf('ward1-pc001')}">ward1-pc001</a>`);
    expect(cells).toContain('<td>2026-11-23</td>');
    expect(cells).toContain('<td class="last-report">2026-11-23 12:00 UTC</td>');
    expect(cells).toContain('<td class="version">1.5.0</td>');
    expect(cells).toMatch(/<td class="folds">1 fold \(5 reports\) <span class="small muted">last 2026-11-23<\/span><\/td>/);
    expect(cells).toContain('<td class="state">live</td>');
    expect(cells).not.toContain('duplicate');
  });

  it('keeps the version an unchanged delta from an upgraded agent gives', async () => {
    const agent = await enrol(await secret(1), 'WARD1-PC002');
    const full = report('WARD1-PC002', '1.5.0');
    await send(agent.token, full);
    const { hash } = hub.deps.db.prepare("SELECT inventory_hash AS hash FROM assets WHERE identity = 'ward1-pc002'").get() as { hash: string };
    await send(agent.token, { schema: DELTA_SCHEMA_V1, base: hash, inventoryHash: hash, host: full.host, os: full.os, collectedAt: '2026-11-23T11:00:00Z', agent: { version: '1.6.0' }, software: { added: [], removed: [] }, devices: { added: [], removed: [] } });
    expect(row((await page()).html, agent.id)).toContain('<td class="version">1.6.0</td>');
  });

  it('flags several live agents of one host (short name, any case) in one trust as duplicates, but not a revoked one or another trust’s', async () => {
    const rollout = await secret(4);
    const names = ['WARD2-PC001', 'ward2-pc001', 'Ward2-PC001.trust.nhs.uk', 'WARD2-PC001'];
    const agents = [];
    for (const name of names) agents.push(await enrol(rollout, name));
    const elsewhere = await enrol(await secret(1, 'RYY'), 'WARD2-PC001');
    expect((await api(`/api/v1/agents/${agents[3]?.id}/revoke`, {}, { cookie: admin })).status).toBe(200);

    const { html } = await page();
    for (const a of agents.slice(0, 3)) expect(row(html, a.id)).toContain('<strong class="error duplicate">duplicate: 3 agents for this host</strong>');
    expect(row(html, agents[3]?.id as number)).not.toContain('duplicate');
    expect(row(html, elsewhere.id)).not.toContain('duplicate');
    expect(row(html, elsewhere.id)).toContain('<td class="trust">RYY</td>');
    expect(html).toContain('3 live agents share their host with another');
    // A host's agents sit together, so the stale ones are revoked side by side.
    const order = [...html.matchAll(/<tr data-id="(\d+)"/g)].map((m) => Number(m[1]));
    const positions = agents.slice(0, 3).map((a) => order.indexOf(a.id));
    expect(Math.max(...positions) - Math.min(...positions)).toBe(2);
    expect(hub.deps.db.prepare('SELECT organisation_id AS trust FROM agents WHERE id = ?').get(elsewhere.id)).toEqual({ trust: otherTrust });
  });

  it('revokes a stale duplicate from its row and comes back to the page; a second revoke is refused on the page with the reason', async () => {
    const rollout = await secret(2);
    const stale = await enrol(rollout, 'WARD3-PC001');
    const fresh = await enrol(rollout, 'WARD3-PC001');
    expect(row((await page()).html, fresh.id)).toContain('duplicate: 2 agents for this host');

    const revoked = await postFromPage(`/admin/agents/${stale.id}/revoke`);
    expect([revoked.status, revoked.headers.get('location')]).toEqual([303, '/admin/agents']);
    const after = (await page()).html;
    expect(row(after, stale.id)).toMatch(/<td class="state">revoked 2026-11-23<\/td>/);
    expect(row(after, fresh.id)).not.toContain('duplicate');
    expect(hub.deps.db.prepare("SELECT actor FROM audit_log WHERE entity = 'agent' AND action = 'revoke' AND entity_id = ?").get(String(stale.id))).toEqual({ actor: 'admin' });

    const twice = await postFromPage(`/admin/agents/${stale.id}/revoke`);
    expect(twice.status).toBe(409);
    const text = await twice.text();
    expect(text).toContain('<h1>Agents</h1>');
    expect(text).toMatch(/agent \d+: already revoked/);
  });

  it('re-binds an agent to a renamed machine from its row', async () => {
    const agent = await enrol(await secret(1), 'OLD-NAME-PC');
    await send(agent.token, report('OLD-NAME-PC', '1.5.0'));
    const rebound = await postFromPage(`/admin/agents/${agent.id}/rebind`, { machine: 'NEW-NAME-PC' });
    expect(rebound.status).toBe(303);
    const cells = row((await page()).html, agent.id);
    expect(cells).toContain('<strong>NEW-NAME-PC</strong>');
    expect(cells).toContain('no machine reported yet');
  });

  it('is linked from the Enrol agents page, which no longer lists agents (who may open it: route-role-matrix.test.ts)', async () => {
    const enrolment = await page('/admin/enrolment');
    expect(enrolment.html).toContain('<a href="/admin/agents">Agents</a>');
    expect(enrolment.html).not.toContain('<table id="agents">');
    expect((await page()).html).toContain('<a href="/admin/enrolment">Enrol agents</a>');
  });
});

describe('a hub that approves new agents, on the Agents page', () => {
  let held: ListeningTestHub;
  beforeAll(async () => {
    held = await startTestHub({ enrolmentApproval: true });
  });
  afterAll(() => held.close());

  it('shows a new agent waiting, with Approve; approving it from the row lets its reports in', async () => {
    const cookie = await signInCookie(held.url, 'admin', held.adminPassword);
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${held.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const { secret: s } = (await (await post('/api/v1/enrolment-secrets', { label: 'held' }, { cookie })).json()) as { secret: string };
    const { agentId, token } = (await (await post('/api/v1/agents/enrol', { secret: s, hostname: 'HELD-PC001' })).json()) as { agentId: string; token: string };
    const html = await (await fetch(`${held.url}/admin/agents`, { headers: { cookie } })).text();
    const cells = row(html, Number(agentId));
    expect(cells).toContain('<td class="state">waiting for approval</td>');
    expect(cells).toContain(`action="/admin/agents/${agentId}/approve"`);

    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const approve = await fetch(`${held.url}/admin/agents/${agentId}/approve`, {
      method: 'POST', redirect: 'manual', headers: { cookie, origin: held.url, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}`,
    });
    expect([approve.status, approve.headers.get('location')]).toEqual([303, '/admin/agents']);
    const sent = await post('/api/v1/reports', report('HELD-PC001', '1.5.0'), { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() });
    expect(sent.status).toBe(202);
  });
});
