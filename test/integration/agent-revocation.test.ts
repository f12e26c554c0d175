/** Listing agents and revoking their tokens, through the API and the CLI, on a real hub database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { createApp } from '../../src/hub/app.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { runCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/reports.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, storeEnv, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;
const agents: { id: number; token: string }[] = [];

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  cookies = await signInUsers(app, hub, [['chair', 'board']]);
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'ward PCs', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 7 });
  for (const hostname of ['WARD7-PC014', 'WARD7-PC015', 'WARD7-PC016']) {
    const enrolled = enrolAgent(hub.deps.db, { secret, hostname, now: TEST_NOW, approvalRequired: false });
    if (!enrolled) throw new Error('enrolment failed');
    agents.push({ id: enrolled.agentId, token: enrolled.token });
  }
});
afterAll(() => hub.close());

const agent = (i: number) => agents[i] as { id: number; token: string };
const asAdmin = (path: string, method = 'GET', cookie = cookies.admin as string) => app.request(path, { method, headers: { cookie, 'content-type': 'application/json' } });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const report = (token: string, hostname: string) =>
  app.request('/api/v1/reports', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `revocation-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify(sampleReport({ host: { ...sampleReport().host, hostname } })),
  });
/**
 * What people did to an agent: not its enrolment (enrolment.test.ts) nor the
 * refusals of its revoked token (hostile-agents.test.ts).
 */
const auditOf = (id: number) =>
  hub.deps.db.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'agent' AND entity_id = ? AND action NOT IN ('enrol', 'refuse-report')").all(String(id)) as Record<string, string>[];
const tokenHashes = () => (hub.deps.db.prepare('SELECT token_hash FROM agents').all() as { token_hash: string }[]).map((r) => r.token_hash);

describe('GET /api/v1/agents', () => {
  it('lists every agent with its dates and never a token or its hash', async () => {
    expect((await report(agent(0).token, 'WARD7-PC014')).status).toBe(202);
    const res = await asAdmin('/api/v1/agents');
    expect(res.status).toBe(200);
    const text = await res.text();
    const { rows } = JSON.parse(text) as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => Object.keys(r).sort())).toEqual(Array(3).fill(['approvedAt', 'assetId', 'enrolledAt', 'hostname', 'id', 'lastReportAt', 'machine', 'organisation', 'organisationId', 'revokedAt', 'version']));
    const at = TEST_NOW.toISOString();
    expect(rows[0]).toEqual({
      id: agent(0).id, organisation: 'TRUST', organisationId: 1, hostname: 'WARD7-PC014', machine: 'ward7-pc014', assetId: expect.any(Number), version: '0.1.0',
      enrolledAt: at, approvedAt: at, lastReportAt: expect.any(String), revokedAt: null,
    });
    expect(rows[1]).toMatchObject({ hostname: 'WARD7-PC015', machine: null, assetId: null, version: null, lastReportAt: null, revokedAt: null });
    for (const secret of [...tokenHashes(), ...agents.map((a) => a.token)]) expect(text).not.toContain(secret);
  });

  it('is for admins only', async () => {
    expect((await asAdmin('/api/v1/agents', 'GET', cookies.chair)).status).toBe(403);
    expect((await app.request('/api/v1/agents')).status).toBe(401);
  });
});

describe('POST /api/v1/agents/:id/revoke', () => {
  it('revokes the token, audits it, and the agent is told to re-enrol at its next report', async () => {
    const res = await asAdmin(`/api/v1/agents/${agent(0).id}/revoke`, 'POST');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: agent(0).id, hostname: 'WARD7-PC014', revokedAt: TEST_NOW.toISOString() });
    const refused = await report(agent(0).token, 'WARD7-PC014');
    expect(refused.status).toBe(401);
    const error = await errorOf(refused);
    expect(error.code).toBe('agent-revoked');
    expect(error.message).toMatch(/token was revoked at 2026-11-23T12:00:00.000Z; re-enrol/);
    expect(auditOf(agent(0).id)).toEqual([{ actor: 'admin', action: 'revoke', after: JSON.stringify({ revokedAt: TEST_NOW.toISOString(), hostname: 'WARD7-PC014' }) }]);
    expect(verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
  });

  it('leaves other agents reporting', async () => {
    expect((await report(agent(1).token, 'WARD7-PC015')).status).toBe(202);
  });

  it('answers 409 for an agent already revoked, writing nothing more', async () => {
    const res = await asAdmin(`/api/v1/agents/${agent(0).id}/revoke`, 'POST');
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('already-revoked');
    expect(auditOf(agent(0).id)).toHaveLength(1);
  });

  it('answers 404 for an unknown agent and 400 for an id that is not one', async () => {
    expect((await asAdmin('/api/v1/agents/9999/revoke', 'POST')).status).toBe(404);
    expect((await asAdmin('/api/v1/agents/abc/revoke', 'POST')).status).toBe(400);
  });

  it('is for admins only', async () => {
    expect((await asAdmin(`/api/v1/agents/${agent(1).id}/revoke`, 'POST', cookies.chair)).status).toBe(403);
    expect((await report(agent(1).token, 'WARD7-PC015')).status).toBe(202);
  });
});

describe('estatewatch admin list-agents / revoke-agent', () => {
  const cli = (...args: string[]) => runCli(['admin', ...args, '--data-dir', hub.dir], { env: storeEnv(hub) });

  it('lists the agents without their tokens', () => {
    const r = cli('list-agents');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id\s+trust\s+enrolled as\s+reports\s+enrolled\s+approved\s+last report\s+revoked\n/);
    expect(r.stdout).toMatch(new RegExp(`\\n${agent(0).id}\\s+TRUST\\s+WARD7-PC014\\s+ward7-pc014\\s+\\S+\\s+\\S+\\s+\\S+\\s+2026-11-23T12:00:00.000Z\\n`));
    expect(r.stdout).toMatch(new RegExp(`\\n${agent(2).id}\\s+TRUST\\s+WARD7-PC016\\s+-\\s+2026-11-23T12:00:00.000Z\\s+2026-11-23T12:00:00.000Z\\s+-\\s+-\\n`));
    for (const secret of [...tokenHashes(), ...agents.map((a) => a.token)]) expect(r.stdout).not.toContain(secret);
  });

  it('revokes an agent, audited as the CLI, and its next report is refused', async () => {
    const r = cli('revoke-agent', String(agent(2).id));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`agent ${agent(2).id} (WARD7-PC016) revoked`);
    expect(auditOf(agent(2).id)).toMatchObject([{ actor: 'cli', action: 'revoke' }]);
    const refused = await report(agent(2).token, 'WARD7-PC016');
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('agent-revoked');
  });

  it('fails, naming why, for an agent already revoked, an unknown agent or a bad id', () => {
    const again = cli('revoke-agent', String(agent(2).id));
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('already revoked')]);
    const unknown = cli('revoke-agent', '9999');
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('no agent 9999')]);
    const bad = cli('revoke-agent', 'PC016');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('positive whole number')]);
  });
});
