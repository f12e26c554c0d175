/**
 * A hub with something on every main page, for the accessibility and layout
 * checks: the demo estate and its fax and pager register, a board report, a
 * hazard with an action, a pending exception, an enrolled agent. Returns the
 * pages to check, each with a name for failure messages.
 */
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { assetIdOf } from './insert-test-alert.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from './test-hub.js';

export const REPORT_MONTH = '2026-11';
const HOST = 'WARD7-PC014';

export interface AuditedEstate {
  hub: ListeningTestHub;
  /** Every main page a signed-in admin reaches, by path. */
  pages: string[];
}

/** The first row's id from a JSON list on the hub's API. */
async function firstId(hub: ListeningTestHub, cookie: string, path: string): Promise<number> {
  const res = await fetch(`${hub.url}${path}`, { headers: { cookie } });
  const { rows } = (await res.json()) as { rows: { id: number }[] };
  if (!rows[0]) throw new Error(`${path} lists nothing`);
  return rows[0].id;
}

/** Posts JSON as the signed-in admin and returns the created record's id. */
async function create(hub: ListeningTestHub, cookie: string, path: string, body: unknown): Promise<number> {
  const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

export async function startAuditedEstate(): Promise<AuditedEstate> {
  const hub = await startTestHub();
  seedDemoEstate(hub.deps);
  seedDemoRegister(hub.deps);
  generateBoardReport(hub.deps, 1, REPORT_MONTH, 'admin');
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'ward 7', createdBy: null, by: 'cli', uses: 5, organisationId: 1, now: TEST_NOW, days: 1 });
  enrolAgent(hub.deps.db, { secret, hostname: HOST, now: TEST_NOW, approvalRequired: false });
  const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  const assetId = assetIdOf(hub.deps.db, HOST);
  const hazard = await create(hub, cookie, '/api/v1/hazards', { title: 'Referrals lost on the Ward 7 fax', description: 'A referral faxed to a dead line is never seen', initialSeverity: 4, initialLikelihood: 3, organisation: 'TRUST' });
  const action = await create(hub, cookie, '/api/v1/actions', { title: 'Move Ward 7 referrals to NHSmail', dueDate: '2026-12-18', hazardId: hazard, controlsHazard: true });
  const exception = await create(hub, cookie, '/api/v1/exceptions', {
    title: 'Ward 7 PC on Windows 7',
    justification: 'The ward’s dictation software is certified on Windows 7 only; its replacement arrives in January.',
    compensatingControls: 'isolated VLAN, no internet, USB disabled',
    expiresOn: '2027-03-31',
    assetIds: [assetId],
    ruleIds: ['unsupported-os'],
  });
  const alert = await firstId(hub, cookie, '/api/v1/alerts');
  const device = await firstId(hub, cookie, '/api/v1/devices');
  const pages = [
    '/', '/assets', `/assets/${assetId}`, '/software', '/unmatched', '/data',
    '/alerts', `/alerts/${alert}`, '/hazards', `/hazards/${hazard}`, '/actions',
    '/exceptions', `/exceptions/${exception}`, '/devices', `/devices/${device}`,
    '/board-reports', `/board-reports/${REPORT_MONTH}`, '/notifications',
    '/admin/agents', '/admin/enrolment', '/account/password',
    `/actions/${action}`, '/hazards/print', '/import', '/devices/import', `/board-reports/${REPORT_MONTH}/evidence/assets`,
    '/cyber-alerts', '/cyber-alerts/LOCAL-2026-001', '/cyber-alerts/new', '/cyber-alerts/LOCAL-2026-001/summary?organisation=TRUST',
  ];
  return { hub, pages };
}
