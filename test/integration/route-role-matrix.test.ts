/**
 * Every route × every kind of caller: the access policy, written out once, and
 * proved against the real app on a seeded demo estate, with real ids in every
 * path. A route missing from POLICY fails the test, so a new route cannot ship
 * without someone deciding who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { hashPassword } from '../../src/auth/password.js';
import { hashToken } from '../../src/auth/tokens.js';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { insertNotification } from '../../src/store/notifications.js';
import { findSession } from '../../src/store/sessions.js';
import { insertUser, type Role } from '../../src/store/users.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

type Caller = 'anonymous' | 'agent' | Role;
const CALLERS: readonly Caller[] = ['anonymous', 'agent', 'admin', 'security-lead', 'cso', 'board'];
const PEOPLE: readonly Caller[] = ['admin', 'security-lead', 'cso', 'board'];
const EVERYONE: readonly Caller[] = CALLERS;
const TRIAGE: readonly Caller[] = ['admin', 'security-lead'];
const CSO_WRITE: readonly Caller[] = ['admin', 'security-lead', 'cso'];

/** Who may call each route. Anyone else must be refused (401, 403, or sent to sign in). */
const POLICY: Record<string, readonly Caller[]> = {
  'GET /healthz': EVERYONE,
  // Or a scraper's bearer token (ESTATEWATCH_METRICS_TOKEN, test/integration/metrics.test.ts).
  'GET /metrics': ['admin'],
  'GET /static/app.css': EVERYONE,
  'GET /static/copy.js': EVERYONE,
  'GET /favicon.svg': EVERYONE,
  'GET /login': EVERYONE,
  'POST /login': EVERYONE,
  'POST /api/v1/session': EVERYONE,
  'DELETE /api/v1/session': EVERYONE,
  'POST /api/v1/agents/enrol': EVERYONE,
  'POST /api/v1/reports': ['agent'],
  'POST /logout': PEOPLE,
  'GET /account/password': PEOPLE,
  'POST /account/password': PEOPLE,
  'POST /api/v1/account/password': PEOPLE,
  'POST /account/profile': PEOPLE,
  'GET /': PEOPLE,
  'GET /assets': PEOPLE,
  'GET /assets/:id': PEOPLE,
  'GET /software': PEOPLE,
  'GET /data': PEOPLE,
  'GET /unmatched': PEOPLE,
  'GET /api/v1/estate/summary': PEOPLE,
  'GET /api/v1/estate/assets': PEOPLE,
  'GET /api/v1/estate/assets/:id': PEOPLE,
  'GET /api/v1/estate/software': PEOPLE,
  'GET /api/v1/estate/unmatched': PEOPLE,
  'GET /admin/enrolment': ['admin'],
  'POST /admin/enrolment': ['admin'],
  'POST /api/v1/enrolment-secrets': ['admin'],
  'GET /api/v1/agents': ['admin'],
  'POST /api/v1/agents/:id/revoke': ['admin'],
  'POST /api/v1/agents/:id/approve': ['admin'],
  'POST /api/v1/agents/:id/rebind': ['admin'],
  'GET /api/v1/enrolment-secrets': ['admin'],
  'POST /api/v1/enrolment-secrets/:id/revoke': ['admin'],
  'POST /admin/enrolment/secrets/:id/revoke': ['admin'],
  'GET /admin/agents': ['admin'],
  'POST /admin/agents/:id/approve': ['admin'],
  'POST /admin/agents/:id/revoke': ['admin'],
  'POST /admin/agents/:id/rebind': ['admin'],
  'GET /import': TRIAGE,
  'POST /import': TRIAGE,
  'POST /api/v1/imports/:format': TRIAGE,
  'GET /alerts': PEOPLE,
  'GET /alerts/:id': PEOPLE,
  'GET /api/v1/alerts': PEOPLE,
  'GET /api/v1/alerts/:id': PEOPLE,
  'POST /api/v1/alerts/bulk': [...TRIAGE, 'cso'],
  'POST /alerts/bulk': [...TRIAGE, 'cso'],
  'POST /api/v1/alerts/:id/acknowledge': TRIAGE,
  'POST /api/v1/alerts/:id/assign': TRIAGE,
  'POST /api/v1/alerts/:id/notes': [...TRIAGE, 'cso'],
  'POST /api/v1/alerts/:id/resolve': TRIAGE,
  'POST /api/v1/alerts/:id/suppress': TRIAGE,
  'POST /api/v1/alerts/:id/reopen': TRIAGE,
  'GET /api/v1/cyber-alerts': PEOPLE,
  'GET /api/v1/cyber-alerts/:reference': PEOPLE,
  'POST /api/v1/cyber-alerts': TRIAGE,
  'GET /api/v1/cyber-alerts/:reference/summary': PEOPLE,
  'POST /api/v1/cyber-alerts/:reference/acknowledge': TRIAGE,
  'POST /api/v1/cyber-alerts/:reference/decision': TRIAGE,
  'POST /api/v1/cyber-alerts/:reference/updates': TRIAGE,
  'POST /api/v1/cyber-alerts/:reference/close': TRIAGE,
  'GET /cyber-alerts': PEOPLE,
  'GET /cyber-alerts/:reference': PEOPLE,
  'GET /cyber-alerts/:reference/summary': PEOPLE,
  'GET /cyber-alerts/new': TRIAGE,
  'POST /cyber-alerts/new/paste': TRIAGE,
  'POST /cyber-alerts/new/form': TRIAGE,
  'POST /cyber-alerts/:reference/acknowledge': TRIAGE,
  'POST /cyber-alerts/:reference/decision': TRIAGE,
  'POST /cyber-alerts/:reference/updates': TRIAGE,
  'POST /cyber-alerts/:reference/close': TRIAGE,
  'POST /cyber-alerts/:reference/raise-hazard': CSO_WRITE,
  'POST /alerts/:id/acknowledge': TRIAGE,
  'POST /alerts/:id/assign': TRIAGE,
  'POST /alerts/:id/notes': [...TRIAGE, 'cso'],
  'POST /alerts/:id/resolve': TRIAGE,
  'POST /alerts/:id/suppress': TRIAGE,
  'POST /alerts/:id/reopen': TRIAGE,
  'GET /exceptions': PEOPLE,
  'GET /exceptions/:id': PEOPLE,
  'GET /api/v1/exceptions': PEOPLE,
  'GET /api/v1/exceptions/:id': PEOPLE,
  'POST /exceptions': [...TRIAGE, 'cso'],
  'POST /api/v1/exceptions': [...TRIAGE, 'cso'],
  'POST /exceptions/:id/sign-off': ['cso'],
  'POST /exceptions/:id/reject': ['cso'],
  'POST /api/v1/exceptions/:id/sign-off': ['cso'],
  'POST /api/v1/exceptions/:id/reject': ['cso'],
  'POST /exceptions/:id/revoke': ['admin', 'cso'],
  'POST /api/v1/exceptions/:id/revoke': ['admin', 'cso'],
  'GET /notifications': PEOPLE,
  'POST /notifications/:id/read': PEOPLE,
  'GET /api/v1/notifications': PEOPLE,
  'POST /api/v1/notifications/:id/read': PEOPLE,
  'GET /hazards': PEOPLE,
  'GET /hazards/:id': PEOPLE,
  'GET /hazards/print': PEOPLE,
  'GET /actions': PEOPLE,
  'GET /actions/:id': PEOPLE,
  'GET /api/v1/hazards': PEOPLE,
  'GET /api/v1/hazards/:id': PEOPLE,
  'GET /api/v1/actions': PEOPLE,
  'GET /api/v1/actions.csv': PEOPLE,
  'GET /api/v1/alerts.csv': PEOPLE,
  'GET /api/v1/hazards.csv': PEOPLE,
  'GET /api/v1/exceptions.csv': PEOPLE,
  'GET /api/v1/devices.csv': PEOPLE,
  'GET /api/v1/estate/unmatched.csv': PEOPLE,
  'GET /api/v1/estate/assets.csv': PEOPLE,
  'GET /api/v1/estate/software.csv': PEOPLE,
  'GET /api/v1/actions/:id': PEOPLE,
  'POST /api/v1/hazards/:id/residual-risk': ['cso'],
  'POST /hazards/:id/residual-risk': ['cso'],
  'POST /api/v1/hazards': CSO_WRITE,
  'PATCH /api/v1/hazards/:id': CSO_WRITE,
  'POST /api/v1/hazards/:id/status': CSO_WRITE,
  'POST /api/v1/hazards/:id/links': CSO_WRITE,
  'POST /api/v1/alerts/:id/raise-hazard': CSO_WRITE,
  'POST /api/v1/actions': CSO_WRITE,
  'PATCH /api/v1/actions/:id': CSO_WRITE,
  'POST /api/v1/actions/:id/status': CSO_WRITE,
  'POST /api/v1/actions/:id/notes': CSO_WRITE,
  'POST /hazards': CSO_WRITE,
  'POST /hazards/:id/edit': CSO_WRITE,
  'POST /hazards/:id/status': CSO_WRITE,
  'POST /hazards/:id/links': CSO_WRITE,
  'POST /hazards/:id/actions': CSO_WRITE,
  'POST /alerts/:id/raise-hazard': CSO_WRITE,
  'POST /actions': CSO_WRITE,
  'POST /actions/:id/edit': CSO_WRITE,
  'POST /actions/:id/status': CSO_WRITE,
  'POST /actions/:id/notes': CSO_WRITE,
  'GET /devices': PEOPLE,
  'GET /devices/:id': PEOPLE,
  'POST /devices': CSO_WRITE,
  'POST /devices/:id/edit': CSO_WRITE,
  'POST /devices/:id/status': CSO_WRITE,
  'POST /devices/:id/retain': ['cso'],
  'GET /devices/import': CSO_WRITE,
  'POST /devices/import': CSO_WRITE,
  'GET /api/v1/devices': PEOPLE,
  'GET /api/v1/devices/:id': PEOPLE,
  'POST /api/v1/devices': CSO_WRITE,
  'PATCH /api/v1/devices/:id': CSO_WRITE,
  'POST /api/v1/devices/:id/status': CSO_WRITE,
  'POST /api/v1/devices/import': CSO_WRITE,
  'POST /api/v1/devices/:id/retain': ['cso'],
  'GET /board-reports': PEOPLE,
  'POST /board-reports': PEOPLE,
  'GET /board-reports/:month': PEOPLE,
  'GET /board-reports/:month/pdf': PEOPLE,
  'GET /board-reports/:month/evidence/:list': PEOPLE,
  'GET /api/v1/board-reports': PEOPLE,
  'POST /api/v1/board-reports': PEOPLE,
  'GET /api/v1/board-reports/:month': PEOPLE,
  'GET /api/v1/board-reports/:month/evidence/:list': PEOPLE,
  // The same, naming a trust (the hub's one trust, TRUST, here).
  'GET /trusts/:code/board-reports': PEOPLE,
  'POST /trusts/:code/board-reports': PEOPLE,
  'GET /trusts/:code/board-reports/:month': PEOPLE,
  'GET /trusts/:code/board-reports/:month/pdf': PEOPLE,
  'GET /trusts/:code/board-reports/:month/evidence/:list': PEOPLE,
  'GET /api/v1/trusts/:code/board-reports': PEOPLE,
  'POST /api/v1/trusts/:code/board-reports': PEOPLE,
  'GET /api/v1/trusts/:code/board-reports/:month': PEOPLE,
  'GET /api/v1/trusts/:code/board-reports/:month/evidence/:list': PEOPLE,
};

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let agentToken: string;
let enrolSecret: string;
const sessions: Partial<Record<Role, { cookie: string; csrf: string }>> = {};
/** A real id for each resource with `:id` routes; a new resource must be added here before its routes can be called. */
const ids: Record<string, number> = {};
const MONTH = '2026-11';

beforeAll(async () => {
  // No Chromium: rendering a PDF takes seconds and proves nothing about access; past the door the route answers 503.
  hub = await createTestHub({ chromiumPath: '/nonexistent/chromium' });
  app = createApp(hub.deps);
  const hash = await hashPassword('a long enough passphrase');
  for (const role of ['security-lead', 'cso', 'board'] as const) {
    insertUser(hub.deps.db, { username: `${role}-user`, passwordHash: hash, role, mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  }
  await signInEveryone();
  enrolSecret = createEnrolmentSecret(hub.deps.db, { label: 'matrix', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 }).secret;
  agentToken = enrolAgent(hub.deps.db, { secret: enrolSecret, hostname: 'matrix-host', now: TEST_NOW, approvalRequired: false })?.token ?? '';
  await seedRecords();
});
afterAll(() => hub.close());

/** The demo estate and register, this month's board report, and one of each clinical-safety record, made as the admin would. */
async function seedRecords(): Promise<void> {
  const { db } = hub.deps;
  seedDemoEstate(hub.deps);
  seedDemoRegister(hub.deps);
  generateBoardReport(hub.deps, 1, MONTH, 'system');
  const first = (table: string) => (db.prepare(`SELECT min(id) AS id FROM ${table}`).get() as { id: number | null }).id ?? 0;
  Object.assign(ids, { assets: first('assets'), alerts: first('alerts'), devices: first('registered_devices') });
  // A spare agent: revoking the matrix agent's own token would refuse its reports for the rest of the run.
  ids.agents = enrolAgent(db, { secret: enrolSecret, hostname: 'matrix-spare', now: TEST_NOW, approvalRequired: false })?.agentId ?? 0;
  // A spare secret likewise, for the revoke routes of the API and the page.
  ids.secrets = createEnrolmentSecret(db, { label: 'spare', createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: TEST_NOW, days: 1 }).id;
  ids['enrolment-secrets'] = ids.secrets;
  ids.hazards = await createAsAdmin('/api/v1/hazards', { title: 'Fax on ward 7', description: 'Referrals sent by fax may be lost', initialSeverity: 3, initialLikelihood: 3 });
  ids.actions = await createAsAdmin('/api/v1/actions', { title: 'Replace the ward 7 fax', dueDate: '2026-12-31' });
  ids.exceptions = await createAsAdmin('/api/v1/exceptions', {
    title: 'PACS server stays on 2012 R2', justification: 'The PACS vendor supports no newer OS yet', compensatingControls: 'isolated VLAN, no internet, USB disabled',
    expiresOn: '2027-03-31', assetIds: [ids.assets], ruleIds: [hub.deps.alertRules[0]?.id ?? ''],
  });
  ids.notifications = insertNotification(db, { at: TEST_NOW.toISOString(), text: 'matrix', recipientRole: 'admin' });
  const missing = Object.entries(ids).filter(([, id]) => !id);
  if (missing.length) throw new Error(`no seeded record for ${missing.map(([k]) => k).join(', ')}`);
}

async function createAsAdmin(path: string, body: unknown): Promise<number> {
  const session = sessions.admin;
  const res = await app.request(path, { method: 'POST', headers: { cookie: session?.cookie ?? '', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`seeding ${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

async function signInEveryone(): Promise<void> {
  for (const [role, username, password] of [['admin', 'admin', hub.adminPassword], ...(['security-lead', 'cso', 'board'] as const).map((r) => [r, `${r}-user`, 'a long enough passphrase'])] as [Role, string, string][]) {
    const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const session = findSession(hub.deps.db, hashToken(cookie.split('=')[1] ?? ''), TEST_NOW.toISOString());
    sessions[role] = { cookie, csrf: session?.csrfToken ?? '' };
  }
}

function routes(): string[] {
  const seen = new Set<string>();
  for (const r of app.routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path}`);
  return [...seen];
}

const PARAMS: Record<string, string> = { format: 'osquery', month: MONTH, list: 'assets', code: 'TRUST', reference: 'LOCAL-2026-001' };

/** The route's path with real values: `:id` takes the id seeded for the resource named just before it. */
function fillPath(pattern: string): string {
  return pattern.replace(/(?:\/([\w-]+))?\/:(\w+)/g, (_, resource: string | undefined, param: string) => {
    const value = param === 'id' ? ids[resource ?? ''] : PARAMS[param];
    if (value === undefined) throw new Error(`no value for :${param} in ${pattern}; seed one in the matrix test`);
    return `${resource ? `/${resource}` : ''}/${value}`;
  });
}

/** Bodies that get a caller past the route's own credential check (enrolment secret, sign-in). */
function bodyFor(route: string): string {
  if (route === 'POST /api/v1/agents/enrol') return JSON.stringify({ secret: enrolSecret, hostname: 'matrix-host-2' });
  if (route === 'POST /api/v1/session') return JSON.stringify({ username: 'admin', password: hub.adminPassword });
  return '{}';
}

async function call(route: string, caller: Caller): Promise<Response> {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = fillPath(pattern);
  const page = !path.startsWith('/api/') && method === 'POST';
  const headers: Record<string, string> = { origin: 'http://localhost' };
  const session = caller !== 'anonymous' && caller !== 'agent' ? sessions[caller] : undefined;
  if (session) headers.cookie = session.cookie;
  if (caller === 'agent') headers.authorization = `Bearer ${agentToken}`;
  let body: string | undefined;
  if (method !== 'GET') {
    if (page) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const fields: Record<string, string> = { csrf: session?.csrf ?? '' };
      if (route === 'POST /login') Object.assign(fields, { username: 'admin', password: hub.adminPassword });
      body = new URLSearchParams(fields).toString();
    } else {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = `matrix-${Math.random().toString(36).slice(2)}`;
      body = bodyFor(route);
    }
  }
  return app.request(`http://localhost${path}`, { method, headers, body });
}

/** Refused: 401, 403, or sent to sign in. A 400/404/409 means the caller got past the door. */
function refused(res: Response): boolean {
  const location = res.headers.get('location') ?? '';
  return res.status === 401 || res.status === 403 || (res.status === 302 && location.startsWith('/login'));
}

describe('route × role matrix', () => {
  it('has a decided policy for every route the app serves', () => {
    expect(routes().filter((r) => !(r in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((r) => !routes().includes(r))).toEqual([]);
  });

  // Every route for six callers, a dozen scrypt sign-ins among them: over the default timeout on a busy two-core machine.
  it('lets in exactly the callers the policy names, on every route', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    // Signing out ends the caller's session, so those two go last.
    const signOut = (r: string) => (r === 'DELETE /api/v1/session' || r === 'POST /logout' ? 1 : 0);
    for (const route of routes().sort((a, b) => signOut(a) - signOut(b))) {
      if (signOut(route)) await signInEveryone();
      for (const caller of CALLERS) {
        const res = await call(route, caller);
        const allowed = POLICY[route]?.includes(caller) ?? false;
        if (allowed === refused(res)) wrong.push(`${route} as ${caller}: ${res.status} ${res.headers.get('location') ?? ''} (policy: ${allowed ? 'allow' : 'refuse'})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
