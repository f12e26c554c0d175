/**
 * Hostile agents on real HTTP: a stolen token naming another machine, a token
 * replayed after revocation, a token naming another trust's machine (full
 * report and delta), a flood of invented names and of reports. Each attack is
 * refused, stores nothing (every table of the estate compared before and
 * after), and the security lead of the agent's trust is told.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { revokeAgentToken } from '../../src/auth/revoke-agent.js';
import { DELTA_SCHEMA_V1 } from '../../src/contract/delta.js';
import { inventoryHash } from '../../src/contract/inventory-hash.js';
import type { Report } from '../../src/contract/report.js';
import { sampleReport } from '../helpers/reports.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

/** Where a successful attack would leave a mark. */
const ESTATE_TABLES = ['assets', 'software', 'installs', 'install_history', 'devices', 'report_receipts', 'alerts'];

let hub: ListeningTestHub;
let second: number;

const count = (table: string) => (hub.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const snapshot = () => Object.fromEntries(ESTATE_TABLES.map((t) => [t, count(t)]));
const lastSeen = (identity: string) => hub.deps.db.prepare('SELECT last_seen_at AS at, inventory_hash AS hash FROM assets WHERE identity = ?').get(identity) as { at: string; hash: string };

function enrol(hostname: string, organisationId = FIRST_TRUST): { agentId: number; token: string } {
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: hostname, createdBy: null, by: 'cli', uses: 1, organisationId, now: TEST_NOW, days: 1 });
  const agent = enrolAgent(hub.deps.db, { secret, hostname, now: TEST_NOW, approvalRequired: false });
  if (!agent) throw new Error('enrolment failed');
  return agent;
}

async function send(token: string, body: unknown): Promise<{ status: number; code?: string; retryAfter: string | null }> {
  const res = await fetch(`${hub.url}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const code = res.ok ? undefined : (JSON.parse(text) as { error: { code: string } }).error.code;
  return { status: res.status, code, retryAfter: res.headers.get('retry-after') };
}

const report = (hostname: string, extra: Partial<Report> = {}): Report => sampleReport({ host: { hostname }, collectedAt: '2026-11-23T11:00:00Z', ...extra });

/** A no-change delta on the inventory the hub holds for `identity`, as the machine's own agent would send. */
function noChangeDelta(of: Report, identity: string) {
  const { hash } = lastSeen(identity);
  return { schema: DELTA_SCHEMA_V1, base: hash, inventoryHash: hash, host: of.host, os: of.os, collectedAt: '2026-11-23T11:30:00Z', agent: of.agent, software: { added: [], removed: [] }, devices: { added: [], removed: [] } };
}

/** Notifications to the security leads of `organisationId`, newest first. */
const toldTo = (organisationId: number) =>
  (hub.deps.db.prepare("SELECT text FROM notifications WHERE recipient_role = 'security-lead' AND organisation_id = ? ORDER BY id DESC").all(organisationId) as { text: string }[]).map((n) => n.text);

/** Runs an attack and checks it stored nothing and told the agent's trust's security lead something new. */
async function expectRefusedAndTold(organisationId: number, attack: () => Promise<{ status: number; code?: string }>): Promise<{ status: number; code?: string; told: string }> {
  const before = snapshot();
  const heard = toldTo(organisationId).length;
  const answer = await attack();
  expect(snapshot()).toEqual(before);
  const told = toldTo(organisationId);
  expect(told.length).toBe(heard + 1);
  return { ...answer, told: told[0] ?? '' };
}

const ward14 = report('WARD7-PC014');
const ward15 = report('WARD7-PC015');
const otherTrusts = report('RYY-PC001');
let owner14: { agentId: number; token: string };

beforeAll(async () => {
  hub = await startTestHub({ agentNewNamesPerDay: 2_000, agentReportsPerHour: 12 });
  second = addTrust(hub.deps.db, 'RYY');
  owner14 = enrol('WARD7-PC014');
  expect((await send(owner14.token, ward14)).status).toBe(202);
  expect((await send(enrol('WARD7-PC015').token, ward15)).status).toBe(202);
  expect((await send(enrol('RYY-PC001', second).token, otherTrusts)).status).toBe(202);
});
afterAll(() => hub.close());

describe('a hostile agent', () => {
  it('with a stolen token cannot rewrite another machine of its trust, by full report or by delta', async () => {
    const stolen = enrol('PC-X');
    const wiped = { ...ward14, os: { ...ward14.os, name: 'Microsoft Windows 11 Enterprise', version: '10.0.26100' }, software: [] };
    const seen = lastSeen('ward7-pc014');
    const full = await expectRefusedAndTold(FIRST_TRUST, () => send(stolen.token, wiped));
    expect([full.status, full.code]).toEqual([409, 'machine-bound-to-another-agent']);
    expect(full.told).toMatch(/Agent #\d+ claimed machine ward7-pc014 and was refused/);
    expect(lastSeen('ward7-pc014')).toEqual(seen);
    expect(hub.deps.db.prepare("SELECT count(*) AS n FROM alerts a JOIN assets s ON s.id = a.asset_id WHERE s.identity = 'ward7-pc014' AND a.status = 'resolved'").get()).toEqual({ n: 0 });

    // The same agent's delta on that machine's exact inventory: refused too, and told no more within the hour.
    const before = snapshot();
    const delta = await send(stolen.token, noChangeDelta(ward14, 'ward7-pc014'));
    expect([delta.status, delta.code]).toEqual([409, 'machine-bound-to-another-agent']);
    expect(snapshot()).toEqual(before);
    expect(lastSeen('ward7-pc014')).toEqual(seen);
  });

  it("bound to its machine, cannot move to another one, nor claim one it did not enrol as", async () => {
    const moved = await expectRefusedAndTold(FIRST_TRUST, () => send(owner14.token, ward15));
    expect([moved.status, moved.code]).toEqual([409, 'machine-bound-to-another-agent']);
    const fresh = enrol('WARD7-PC099');
    const unclaimed = await expectRefusedAndTold(FIRST_TRUST, () => send(fresh.token, report('WARD7-PC100')));
    expect([unclaimed.status, unclaimed.code]).toEqual([409, 'agent-enrolled-as-another-machine']);
  });

  it("cannot report another trust's machine, by full report or delta, and the refusal tells nothing of it", async () => {
    const intruder = enrol('RYY-PC001');
    const seen = lastSeen('ryy-pc001');
    const full = await expectRefusedAndTold(FIRST_TRUST, () => send(intruder.token, otherTrusts));
    expect([full.status, full.code]).toEqual([409, 'machine-unavailable']);
    expect(toldTo(second)).toEqual([]);
    const other = enrol('RYY-PC001');
    const exact = await send(other.token, noChangeDelta(otherTrusts, 'ryy-pc001'));
    const made_up = await send(other.token, { ...noChangeDelta(otherTrusts, 'ryy-pc001'), base: '0'.repeat(64), inventoryHash: '0'.repeat(64) });
    // The same answer whether or not the delta names the other trust's real inventory: no oracle.
    expect([exact.status, exact.code]).toEqual([409, 'machine-unavailable']);
    expect(made_up).toEqual(exact);
    expect(lastSeen('ryy-pc001')).toEqual(seen);
  });

  it('with a revoked token is refused, and its replays store nothing', async () => {
    const victim = enrol('WARD7-PC200');
    const replay = report('WARD7-PC200');
    expect((await send(victim.token, replay)).status).toBe(202);
    revokeAgentToken(hub.deps.db, victim.agentId, null, 'admin', TEST_NOW);
    const refused = await expectRefusedAndTold(FIRST_TRUST, () => send(victim.token, { ...replay, collectedAt: '2026-11-23T11:45:00Z', software: [] }));
    expect([refused.status, refused.code]).toEqual([401, 'agent-revoked']);
    expect(refused.told).toMatch(/token was used after it was revoked/);
    const before = snapshot();
    for (let i = 0; i < 5; i++) expect((await send(victim.token, replay)).status).toBe(401);
    expect(snapshot()).toEqual(before);
    expect(toldTo(FIRST_TRUST).filter((t) => t.includes(`Agent #${victim.agentId}'s token`))).toHaveLength(1);
  });

  it('cannot fill the disk with invented names: a report over its new-name budget is refused whole', async () => {
    const flooder = enrol('FLOOD-PC01');
    const names = Array.from({ length: 2_500 }, (_, i) => ({ name: `Invented tool ${i} ${randomUUID()}`, version: '1.0', source: 'registry' as const }));
    const flood = await expectRefusedAndTold(FIRST_TRUST, () => send(flooder.token, report('FLOOD-PC01', { software: names })));
    expect([flood.status, flood.code]).toEqual([429, 'agent-over-budget']);
    expect(flood.told).toMatch(/would add 25\d\d software versions new to the hub; this agent may add 2000 more today/);
    // Within the budget, the machine's real report is taken, and counts against it.
    expect((await send(flooder.token, report('FLOOD-PC01', { software: names.slice(0, 1_500) }))).status).toBe(202);
    const again = await send(flooder.token, report('FLOOD-PC01', { software: names.slice(1_000, 2_100), collectedAt: '2026-11-23T11:50:00Z' }));
    expect([again.status, again.code, again.retryAfter]).toEqual([429, 'agent-over-budget', '3600']);
    expect(hub.deps.db.prepare("SELECT count(*) AS n FROM software WHERE name LIKE 'Invented tool %'").get()).toEqual({ n: 1_500 });
  });

  it('cannot flood the hub with reports: over its hourly count it is refused before its body is read', async () => {
    const chatty = enrol('CHATTY-PC01');
    for (let i = 0; i < 12; i++) expect((await send(chatty.token, report('CHATTY-PC01', { collectedAt: `2026-11-23T11:${String(i).padStart(2, '0')}:00Z` }))).status).toBe(202);
    const over = await expectRefusedAndTold(FIRST_TRUST, () => send(chatty.token, report('CHATTY-PC01', { collectedAt: '2026-11-23T11:59:00Z' })));
    expect([over.status, over.code]).toEqual([429, 'agent-over-budget']);
    expect(Number((await send(chatty.token, report('CHATTY-PC01'))).retryAfter)).toBe(3600);
  });

  it("leaves the owner's agent reporting its own machine throughout", async () => {
    const next = { ...ward14, collectedAt: '2026-11-23T11:58:00Z' };
    expect((await send(owner14.token, next)).status).toBe(202);
    expect(inventoryHash(next)).toBe(lastSeen('ward7-pc014').hash);
  });
});
