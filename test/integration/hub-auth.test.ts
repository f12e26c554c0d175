/** People's routes in-process (createApp(...).request): sign-in, roles, validation, headers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import { createApp } from '../../src/hub/app.js';
import { insertUser, type Role } from '../../src/store/users.js';
import { runCli } from '../helpers/cli.js';
import { createTestHub, storeEnv, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
const cookies: Partial<Record<Role, string>> = {};

async function signIn(username: string, password: string) {
  return app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  const board = await hashPassword('board-password-123');
  insertUser(hub.deps.db, { username: 'chair', passwordHash: board, role: 'board', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  for (const [role, user, pw] of [['admin', 'admin', hub.adminPassword], ['board', 'chair', 'board-password-123']] as const) {
    const res = await signIn(user, pw);
    expect(res.status).toBe(200);
    cookies[role] = res.headers.get('set-cookie')?.split(';')[0];
  }
});
afterAll(() => hub.close());

describe('sign-in', () => {
  it('refuses a wrong password and an unknown user alike with 401', async () => {
    expect((await signIn('admin', 'wrong')).status).toBe(401);
    expect((await signIn('nobody', 'wrong')).status).toBe(401);
  });

  it('sets an HttpOnly SameSite session cookie and stores only its hash', async () => {
    const res = await signIn('admin', hub.adminPassword);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // A lifetime, not a date: the browser's clock need not agree with the hub's (12 hours by default).
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Expires=/);
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    const rows = JSON.stringify(hub.deps.db.prepare('SELECT * FROM sessions').all());
    expect(token.length).toBeGreaterThan(20);
    expect(rows).not.toContain(token);
  });

  it('stores the admin password as a scrypt hash', () => {
    const row = hub.deps.db.prepare("SELECT password_hash FROM users WHERE username = 'admin'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$65536\$8\$1\$/);
    expect(row.password_hash).not.toContain(hub.adminPassword);
  });
});

describe('roles and access', () => {
  it('answers the API with 401 and redirects pages to sign-in when nobody is signed in', async () => {
    expect((await app.request('/api/v1/estate/summary')).status).toBe(401);
    const page = await app.request('/assets');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Fassets');
    expect((await app.request('/')).status).toBe(302);
  });

  it('lets every role read the estate', async () => {
    for (const cookie of Object.values(cookies)) {
      const res = await app.request('/api/v1/estate/summary', { headers: { cookie: cookie as string } });
      expect(res.status).toBe(200);
    }
  });

  it('lets only an admin create enrolment secrets', async () => {
    const req = (cookie: string) => app.request('/api/v1/enrolment-secrets', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'ward PCs' }) });
    expect((await req(cookies.board as string)).status).toBe(403);
    const res = await req(cookies.admin as string);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ secret: expect.stringMatching(/^ewe_/) });
    expect((await app.request('/admin/enrolment', { headers: { cookie: cookies.board as string } })).status).toBe(403);
  });

  it('refuses a signed-in form post without its session token', async () => {
    const res = await app.request('/admin/enrolment', {
      method: 'POST',
      headers: { cookie: cookies.admin as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'label=x',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a form post from another origin', async () => {
    const res = await app.request('http://localhost/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: 'username=admin&password=x',
    });
    expect(res.status).toBe(403);
  });
});

describe('validation and headers', () => {
  it('rejects a bad filter with 400 naming the parameter', async () => {
    const res = await app.request('/api/v1/estate/assets?osStatus=fine&pageSize=9999', { headers: { cookie: cookies.admin as string } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['osStatus', 'pageSize']);
  });

  it('answers an unknown asset with 404', async () => {
    expect((await app.request('/api/v1/estate/assets/999', { headers: { cookie: cookies.admin as string } })).status).toBe(404);
  });

  it('marks what a signed-in person is shown no-store, and leaves the sign-in page cacheable', async () => {
    for (const path of ['/api/v1/estate/summary', '/', '/admin/enrolment']) {
      const res = await app.request(path, { headers: { cookie: cookies.admin as string } });
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await app.request('/login')).headers.get('cache-control')).toBeNull();
  });

  it('sets a strict content security policy and frame protection on pages', async () => {
    const res = await app.request('/login');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('the one-time admin password', () => {
  let fresh: TestHub;
  let freshApp: ReturnType<typeof createApp>;
  let cookie: string;
  const change = (body: unknown) =>
    freshApp.request('/api/v1/account/password', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    fresh = await createTestHub({}, undefined, { oneTimeAdminPassword: true });
    freshApp = createApp(fresh.deps);
    const res = await freshApp.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: fresh.adminPassword }) });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  });
  afterAll(() => fresh.close());

  it('opens nothing but the password change until it is replaced', async () => {
    const api = await freshApp.request('/api/v1/estate/summary', { headers: { cookie } });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('password-change-required');
    const page = await freshApp.request('/assets', { headers: { cookie } });
    expect(page.headers.get('location')).toBe('/account/password');
    expect((await freshApp.request('/account/password', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a wrong current password, a short or unchanged new one', async () => {
    expect((await change({ currentPassword: 'wrong', newPassword: 'a long enough passphrase' })).status).toBe(401);
    const short = await change({ currentPassword: fresh.adminPassword, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe('newPassword');
    expect((await change({ currentPassword: fresh.adminPassword, newPassword: fresh.adminPassword })).status).toBe(400);
  });

  it('lets the admin in once changed, and the old password no longer works', async () => {
    expect((await change({ currentPassword: fresh.adminPassword, newPassword: 'a long enough passphrase' })).status).toBe(204);
    expect((await freshApp.request('/api/v1/estate/summary', { headers: { cookie } })).status).toBe(200);
    const old = await freshApp.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: fresh.adminPassword }) });
    expect(old.status).toBe(401);
  });
});

describe('sessions after a password change or reset', () => {
  const summary = (cookie: string) => app.request('/api/v1/estate/summary', { headers: { cookie } });
  const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

  beforeAll(async () => {
    insertUser(hub.deps.db, { username: 'lead', passwordHash: await hashPassword('lead-password-1234'), role: 'security-lead', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  });

  it('ends every other session of the person, a stolen one included, and keeps the one that made the change', async () => {
    const mine = cookieOf(await signIn('lead', 'lead-password-1234'));
    const stolen = cookieOf(await signIn('lead', 'lead-password-1234'));
    expect((await summary(stolen)).status).toBe(200);
    const changed = await app.request('/api/v1/account/password', { method: 'POST', headers: { cookie: mine, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: 'lead-password-1234', newPassword: 'lead-password-5678' }) });
    expect(changed.status).toBe(204);
    expect((await summary(stolen)).status).toBe(401);
    expect((await summary(mine)).status).toBe(200);
  });

  it('ends all of them on `admin reset-password`', async () => {
    const before = cookieOf(await signIn('lead', 'lead-password-5678'));
    expect((await summary(before)).status).toBe(200);
    const r = runCli(['admin', 'reset-password', 'lead', '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 sessions of lead ended/);
    expect((await summary(before)).status).toBe(401);
  });
});
