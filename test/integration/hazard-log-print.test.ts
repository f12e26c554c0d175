/**
 * The printed hazard log a safety case quotes: every hazard in full (DCB0160
 * fields, both risks on the matrix, who rated the residual risk, actions, the
 * trail in words) under the trust's name and the print date; a trust's person
 * prints their trust's log only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  const second = addTrust(hub.deps.db, 'RYY', 'Second NHS Trust');
  cookies = await signInUsers(app, hub, [['cso', 'cso', FIRST_TRUST], ['cso2', 'cso', FIRST_TRUST], ['cso-two', 'cso', second]]);
  const post = (path: string, body: unknown, user: string) => app.request(path, { method: 'POST', headers: { cookie: cookies[user] as string, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const fax = (await (await post('/api/v1/hazards', { title: 'Referrals by fax on ward 7', description: 'Referrals sent by fax may be lost or misdirected', causes: 'A fax machine is the only route to two GP practices', effect: 'A referral is not received', potentialHarm: 'Delayed treatment', existingControls: 'Phone follow-up', initialSeverity: 4, initialLikelihood: 3 }, 'cso')).json()) as { id: number };
  await post(`/api/v1/hazards/${fax.id}/residual-risk`, { severity: 4, likelihood: 1 }, 'cso2');
  await post('/api/v1/actions', { title: 'Move the two practices to NHSmail', dueDate: '2027-01-31', hazardId: fax.id }, 'cso');
  await post('/api/v1/hazards', { title: 'Trust two: PACS on Server 2012 R2', description: 'An unsupported server holds images', initialSeverity: 3, initialLikelihood: 3 }, 'cso-two');
});
afterAll(() => hub.close());

const page = async (path: string, user = 'cso') => {
  const res = await app.request(path, { headers: { cookie: cookies[user] as string } });
  expect(res.status).toBe(200);
  return res.text();
};

describe('the printed hazard log', () => {
  it('holds every DCB0160 field, both risks, the residual rating, actions and trail, under the trust and the print date', async () => {
    const html = await page('/hazards/print');
    expect(html).toContain('<dd>This trust (TRUST)</dd>');
    expect(html).toMatch(/<dt>Printed<\/dt><dd>23 Nov 2026, 12:00 UTC by cso<\/dd>/);
    for (const text of ['Referrals sent by fax may be lost or misdirected', 'A fax machine is the only route to two GP practices', 'A referral is not received', 'Delayed treatment', 'Phone follow-up']) expect(html).toContain(text);
    expect(html).toContain('id="risk-matrix"');
    expect(html).toMatch(/rated by cso2/);
    expect(html).toContain('Move the two practices to NHSmail');
    expect(html).toContain('<td>rated the residual risk</td>');
    expect(html).not.toContain('Trust two: PACS');
  });

  it("prints another trust's log for its own people only, and the hazards page links the print", async () => {
    const theirs = await page('/hazards/print', 'cso-two');
    expect(theirs).toContain('Trust two: PACS');
    expect(theirs).toContain('Second NHS Trust (RYY)');
    expect(theirs).not.toContain('Referrals by fax');
    expect(await page('/hazards?status=open')).toContain('<a href="/hazards/print?status=open" id="print-log">');
  });
});
