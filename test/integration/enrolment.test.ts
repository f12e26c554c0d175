/**
 * Enrolment secrets (single use unless they say N, listed with their uses,
 * revoked from the API, the page and the CLI), approving new agents, and
 * re-binding the agent of a renamed or re-imaged machine, on a real hub database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { runCli } from '../helpers/cli.js';
import { postForm } from '../helpers/post-form.js';
import { sampleReport } from '../helpers/reports.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, storeEnv, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { findSession } from '../../src/store/sessions.js';
import { hashToken } from '../../src/auth/tokens.js';
import type { Config } from '../../src/config.js';

interface Hub {
  hub: TestHub;
  app: ReturnType<typeof createApp>;
  cookies: Record<string, string>;
}

async function startHub(overrides: Partial<Config> = {}): Promise<Hub> {
  const hub = await createTestHub(overrides);
  const app = createApp(hub.deps);
  return { hub, app, cookies: await signInUsers(app, hub, [['lead', 'security-lead']]) };
}

const json = (h: Hub, path: string, body?: unknown, cookie = h.cookies.admin as string) =>
  h.app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: { cookie, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const enrol = (h: Hub, secret: string, hostname: string) =>
  h.app.request('/api/v1/agents/enrol', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname }) });
const report = (h: Hub, token: string, hostname: string) =>
  h.app.request('/api/v1/reports', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(sampleReport({ host: { hostname } })),
  });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const count = (h: Hub, sql: string) => (h.hub.deps.db.prepare(sql).get() as { n: number }).n;

async function newSecret(h: Hub, body: Record<string, unknown>): Promise<{ id: string; secret: string; uses: number }> {
  const res = await json(h, '/api/v1/enrolment-secrets', body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; secret: string; uses: number };
}

async function enrolled(h: Hub, secret: string, hostname: string): Promise<{ agentId: string; token: string; approved: boolean }> {
  const res = await enrol(h, secret, hostname);
  expect(res.status).toBe(201);
  return (await res.json()) as { agentId: string; token: string; approved: boolean };
}

describe('enrolment secrets', () => {
  let h: Hub;
  beforeAll(async () => {
    h = await startHub();
  });
  afterAll(() => h.hub.close());

  it('enrol one machine unless they say how many, and are refused once used up', async () => {
    const single = await newSecret(h, { label: 'one PC' });
    expect(single.uses).toBe(1);
    await enrolled(h, single.secret, 'WARD1-PC001');
    const again = await enrol(h, single.secret, 'WARD1-PC002');
    expect(again.status).toBe(401);
    expect(await again.text()).toMatch(/used up/);

    const rollout = await newSecret(h, { label: 'ward 2 rollout', uses: 3 });
    for (const n of [1, 2, 3]) await enrolled(h, rollout.secret, `WARD2-PC00${n}`);
    expect((await enrol(h, rollout.secret, 'WARD2-PC004')).status).toBe(401);
    expect(count(h, "SELECT count(*) AS n FROM agents WHERE hostname LIKE 'WARD2-%'")).toBe(3);
  });

  it('refuse a count that is not a whole number from 1 to 5000, naming the field', async () => {
    for (const uses of [0, -1, 1.5, 5001, 'many']) {
      const res = await json(h, '/api/v1/enrolment-secrets', { label: 'bad', uses });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('uses');
    }
  });

  it('are listed with their uses, never the secret or its hash', async () => {
    const res = await json(h, '/api/v1/enrolment-secrets');
    const text = await res.text();
    const { rows } = JSON.parse(text) as { rows: Record<string, unknown>[] };
    expect(rows.find((r) => r.label === 'ward 2 rollout')).toMatchObject({ uses: 3, maxUses: 3, createdBy: 'admin', revokedAt: null, organisation: 'TRUST' });
    expect(rows.find((r) => r.label === 'one PC')).toMatchObject({ uses: 1, maxUses: 1 });
    const hashes = (h.hub.deps.db.prepare('SELECT secret_hash FROM enrolment_secrets').all() as { secret_hash: string }[]).map((r) => r.secret_hash);
    for (const hash of hashes) expect(text).not.toContain(hash);
    expect(text).not.toMatch(/ewe_/);
  });

  it('revoked through the API, enrol no one else; its agents keep reporting; the revocation is audited', async () => {
    const s = await newSecret(h, { label: 'site B', uses: 5 });
    const agent = await enrolled(h, s.secret, 'SITEB-PC001');
    const revoked = await json(h, `/api/v1/enrolment-secrets/${s.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ uses: 1, maxUses: 5, revokedAt: expect.any(String) });
    expect((await enrol(h, s.secret, 'SITEB-PC002')).status).toBe(401);
    expect((await report(h, agent.token, 'SITEB-PC001')).status).toBe(202);
    const again = await json(h, `/api/v1/enrolment-secrets/${s.id}/revoke`, {});
    expect([again.status, await errorCode(again)]).toEqual([409, 'already-revoked']);
    expect(h.hub.deps.db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'enrolment-secret' AND entity_id = ? ORDER BY id").all(s.id)).toEqual([
      { actor: 'admin', action: 'create' },
      { actor: 'admin', action: 'revoke' },
    ]);
    expect((await json(h, '/api/v1/enrolment-secrets/9999/revoke', {})).status).toBe(404);
    expect((await json(h, `/api/v1/enrolment-secrets/${s.id}/revoke`, {}, h.cookies.lead)).status).toBe(403);
  });

  it('are made for N machines and revoked from the Enrol agents page', async () => {
    const session = findSession(h.hub.deps.db, hashToken((h.cookies.admin as string).split('=')[1] ?? ''), TEST_NOW.toISOString());
    const csrf = session?.csrfToken ?? '';
    const made = await postForm(h.app, '/admin/enrolment', h.cookies.admin as string, { csrf, label: 'theatres', uses: '2' });
    expect(made.status).toBe(201);
    const page = await made.text();
    expect(page).toMatch(/for 2 machines/);
    const id = (h.hub.deps.db.prepare("SELECT id FROM enrolment_secrets WHERE label = 'theatres'").get() as { id: number }).id;
    expect(page).toMatch(new RegExp(`<tr data-id="${id}"><td>theatres</td><td class="uses">0 of 2</td>`));
    const revoke = await postForm(h.app, `/admin/enrolment/secrets/${id}/revoke`, h.cookies.admin as string, { csrf });
    expect([revoke.status, revoke.headers.get('location')]).toEqual([303, '/admin/enrolment']);
    expect(h.hub.deps.db.prepare('SELECT revoked_at IS NOT NULL AS revoked FROM enrolment_secrets WHERE id = ?').get(id)).toEqual({ revoked: 1 });
    const twice = await postForm(h.app, `/admin/enrolment/secrets/${id}/revoke`, h.cookies.admin as string, { csrf });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toMatch(/already revoked/);
    expect((await postForm(h.app, `/admin/enrolment/secrets/${id}/revoke`, h.cookies.admin as string, { csrf: 'stale' })).status).toBe(403);
  });

  it('are listed and revoked from the CLI', async () => {
    const s = await newSecret(h, { label: 'cli secret', uses: 4 });
    const cli = (...args: string[]) => runCli(['admin', ...args, '--data-dir', h.hub.dir], { env: storeEnv(h.hub) });
    const list = cli('list-enrolment-secrets');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`\\n${s.id}\\s+TRUST\\s+cli secret\\s+0/4\\s+admin\\s`));
    expect(list.stdout).not.toContain(s.secret);
    const revoked = cli('revoke-enrolment-secret', s.id);
    expect([revoked.code, revoked.stdout]).toEqual([0, `enrolment secret ${s.id} (cli secret) revoked after 0 of 4 uses\n`]);
    expect((await enrol(h, s.secret, 'CLI-PC001')).status).toBe(401);
    const twice = cli('revoke-enrolment-secret', s.id);
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining('already revoked')]);
    expect(verifyAuditChain(h.hub.deps.db)).toMatchObject({ ok: true });
  });

  it('spent, cannot undo a revocation: the holder of a revoked agent cannot enrol again', async () => {
    const s = await newSecret(h, { label: 'one more PC' });
    const agent = await enrolled(h, s.secret, 'WARD9-PC001');
    expect((await json(h, `/api/v1/agents/${agent.agentId}/revoke`, {})).status).toBe(200);
    expect((await enrol(h, s.secret, 'WARD9-PC001')).status).toBe(401);
    expect((await report(h, agent.token, 'WARD9-PC001')).status).toBe(401);
  });
});

describe('a hub that approves new agents', () => {
  let h: Hub;
  beforeAll(async () => {
    h = await startHub({ enrolmentApproval: true });
  });
  afterAll(() => h.hub.close());

  it('holds a new agent: its reports are refused (403, kept in its spool) and store nothing until an admin approves it', async () => {
    const s = await newSecret(h, { label: 'held' });
    const agent = await enrolled(h, s.secret, 'HELD-PC001');
    expect(agent.approved).toBe(false);
    const note = h.hub.deps.db.prepare("SELECT text, link FROM notifications WHERE recipient_role = 'admin' ORDER BY id DESC LIMIT 1").get() as { text: string; link: string };
    expect(note).toEqual({ text: expect.stringMatching(/Agent #\d+ enrolled as HELD-PC001 .* waits for approval/), link: '/admin/agents' });

    const held = await report(h, agent.token, 'HELD-PC001');
    expect([held.status, await errorCode(held)]).toEqual([403, 'agent-awaiting-approval']);
    expect(count(h, 'SELECT count(*) AS n FROM assets')).toBe(0);
    expect(count(h, 'SELECT count(*) AS n FROM report_receipts')).toBe(0);

    expect((await json(h, `/api/v1/agents/${agent.agentId}/approve`, {}, h.cookies.lead)).status).toBe(403);
    const approved = await json(h, `/api/v1/agents/${agent.agentId}/approve`, {});
    expect(approved.status).toBe(200);
    expect((await report(h, agent.token, 'HELD-PC001')).status).toBe(202);
    const again = await json(h, `/api/v1/agents/${agent.agentId}/approve`, {});
    expect([again.status, await errorCode(again)]).toEqual([409, 'not-waiting']);
    expect(h.hub.deps.db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'agent' AND entity_id = ? ORDER BY id").all(agent.agentId)).toEqual([
      { actor: 'enrolment secret #1', action: 'enrol' },
      { actor: 'admin', action: 'approve' },
    ]);
  });

  it('approves from the CLI too', async () => {
    const s = await newSecret(h, { label: 'held 2' });
    const agent = await enrolled(h, s.secret, 'HELD-PC002');
    const r = runCli(['admin', 'approve-agent', agent.agentId, '--data-dir', h.hub.dir], { env: storeEnv(h.hub) });
    expect([r.code, r.stdout]).toEqual([0, `agent ${agent.agentId} (HELD-PC002) approved; its next run delivers the reports it kept\n`]);
    expect((await report(h, agent.token, 'HELD-PC002')).status).toBe(202);
  });
});

describe('re-binding an agent', () => {
  let h: Hub;
  beforeAll(async () => {
    h = await startHub();
  });
  afterAll(() => h.hub.close());

  it('moves a renamed machine’s agent to its new name, audited; until then the new name is refused', async () => {
    const s = await newSecret(h, { label: 'rename' });
    const agent = await enrolled(h, s.secret, 'OLD-NAME');
    expect((await report(h, agent.token, 'OLD-NAME')).status).toBe(202);
    const renamed = await report(h, agent.token, 'NEW-NAME');
    expect([renamed.status, await errorCode(renamed)]).toEqual([409, 'agent-bound-to-another-machine']);

    const rebound = await json(h, `/api/v1/agents/${agent.agentId}/rebind`, { machine: 'NEW-NAME' });
    expect(rebound.status).toBe(200);
    expect(await rebound.json()).toMatchObject({ hostname: 'NEW-NAME', machine: null });
    expect((await report(h, agent.token, 'NEW-NAME')).status).toBe(202);
    expect((await report(h, agent.token, 'OLD-NAME')).status).toBe(409);
    const audit = h.hub.deps.db.prepare("SELECT actor, before, after FROM audit_log WHERE entity = 'agent' AND action = 'rebind'").get() as { actor: string; before: string; after: string };
    expect({ actor: audit.actor, before: JSON.parse(audit.before), after: JSON.parse(audit.after) }).toEqual({
      actor: 'admin', before: { hostname: 'OLD-NAME', machine: 'old-name' }, after: { hostname: 'NEW-NAME', machine: null, revokedAgent: null },
    });
  });

  it('hands a re-imaged machine to its new agent and revokes the old one', async () => {
    const first = await enrolled(h, (await newSecret(h, { label: 'before re-image' })).secret, 'IMAGED-PC');
    expect((await report(h, first.token, 'IMAGED-PC')).status).toBe(202);
    const second = await enrolled(h, (await newSecret(h, { label: 'after re-image' })).secret, 'IMAGED-PC');
    const claimed = await report(h, second.token, 'IMAGED-PC');
    expect([claimed.status, await errorCode(claimed)]).toEqual([409, 'machine-bound-to-another-agent']);

    const r = runCli(['admin', 'rebind-agent', second.agentId, '--machine', 'IMAGED-PC', '--data-dir', h.hub.dir], { env: storeEnv(h.hub) });
    expect([r.code, r.stdout]).toEqual([0, `agent ${second.agentId} now reports IMAGED-PC; agent ${first.agentId}, which reported it before, is revoked\n`]);
    expect((await report(h, second.token, 'IMAGED-PC')).status).toBe(202);
    expect((await report(h, first.token, 'IMAGED-PC')).status).toBe(401);
    expect(count(h, "SELECT count(*) AS n FROM assets WHERE identity = 'imaged-pc'")).toBe(1);
  });

  it('refuses a revoked agent, an unknown one, and a name with a control character', async () => {
    const agent = await enrolled(h, (await newSecret(h, { label: 'gone' })).secret, 'GONE-PC');
    await json(h, `/api/v1/agents/${agent.agentId}/revoke`, {});
    const revoked = await json(h, `/api/v1/agents/${agent.agentId}/rebind`, { machine: 'OTHER' });
    expect([revoked.status, await errorCode(revoked)]).toEqual([409, 'agent-revoked']);
    expect((await json(h, '/api/v1/agents/9999/rebind', { machine: 'OTHER' })).status).toBe(404);
    const bad = await json(h, `/api/v1/agents/${agent.agentId}/rebind`, { machine: 'PC\u202e41' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('machine');
  });
});
