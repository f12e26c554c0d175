/**
 * Sign-in throttling on a real database and real HTTP from two real client
 * addresses (127.0.0.1 and 127.0.0.2): the address limit, the pause of one
 * account from one address, the slowdown of an account under attack (never a
 * lock-out), the change-password form's guesses, `admin unlock`, restarts,
 * and the client address behind a trusted reverse proxy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../src/auth/sign-in-throttle.js';
import { hashToken } from '../../src/auth/tokens.js';
import { findSession } from '../../src/store/sessions.js';
import type { Config } from '../../src/config.js';
import { listen } from '../../src/hub/server.js';
import { prepareHub } from '../../src/hub/start-hub.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { runCli } from '../helpers/cli.js';
import { fromAddress } from '../helpers/from-address.js';
import { startTestHub, storeEnv, TEST_ADMIN_PASSWORD, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const ATTACKER = '127.0.0.1';
const OWNER = '127.0.0.2';

let clock: Date;
let hub: ListeningTestHub;

const minutesLater = (minutes: number) => new Date(clock.getTime() + minutes * 60_000);
const json = { 'content-type': 'application/json' };

function signIn(address: string, username: string, password: string, headers: Record<string, string> = {}) {
  return fromAddress(address, `${hub.url}/api/v1/session`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ username, password }) });
}

const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;
const failures = (sql = 'SELECT count(*) AS n FROM sign_in_failures') => (hub.deps.db.prepare(sql).get() as { n: number }).n;

/** Fails `times` sign-ins from the address and returns each status. */
async function fail(address: string, username: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(address, username, `wrong password ${i}`)).status);
  return statuses;
}

async function startHub(overrides: Partial<Config> = {}) {
  clock = TEST_NOW;
  hub = await startTestHub(overrides, () => clock);
}

// Each test runs a few dozen scrypt checks (~0.1 s alone, several times that on a busy two-core machine), some slowed on purpose.
describe('an account under attack from one address', { timeout: 120_000 }, () => {
  beforeEach(() => startHub());
  afterEach(() => hub.close());

  it('is paused for that address at the fifth failure, and says until when', async () => {
    expect(await fail(ATTACKER, 'admin', 4)).toEqual([401, 401, 401, 401]);
    const fifth = await signIn(ATTACKER, 'admin', 'still wrong');
    expect(fifth.status).toBe(429);
    expect(fifth.headers['retry-after']).toBe('900');
    expect(errorOf(fifth.body)).toEqual({ code: 'sign-in-paused', message: expect.stringContaining('from your address is paused') });
    expect(errorOf(fifth.body).message).toContain('try again after 2026-11-23 12:15:00 UTC');
    const right = await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD);
    expect([right.status, right.headers['set-cookie']]).toEqual([429, undefined]);
  });

  it('is not locked: its owner at another address signs in with the right password, slowed, while the guesser stays paused', async () => {
    await fail(ATTACKER, 'admin', 5);
    const started = performance.now();
    const owner = await signIn(OWNER, 'admin', TEST_ADMIN_PASSWORD);
    const took = performance.now() - started;
    expect(owner.status).toBe(200);
    expect(String(owner.headers['set-cookie'])).toMatch(/^ew_session=ews_/);
    // Five failures: the account's answers are held at least one step, right password included.
    expect(took).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.slowStepMs - 20);
    expect((await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(429);
  });

  it('tells the security lead and the audit log once, when the account comes under attack', async () => {
    await fail(ATTACKER, 'Admin', 6);
    const rows = hub.deps.db.prepare("SELECT actor, action, entity_id, after FROM audit_log WHERE entity = 'user'").all() as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'system', action: 'sign-in-slowed', entity_id: 'Admin' });
    expect(JSON.parse(rows[0]?.after ?? '{}')).toEqual({ failures: 5, withinMinutes: 15, client: ATTACKER });
    const note = hub.deps.db.prepare("SELECT text FROM notifications WHERE recipient_role = 'security-lead'").all() as { text: string }[];
    expect(note).toEqual([{ text: expect.stringContaining('5 failed sign-ins for "Admin" within 15 minutes, the last from 127.0.0.1') }]);
    expect(verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
  });

  it('counts a burst of parallel guesses from one address one by one', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(ATTACKER, 'admin', `parallel guess ${i}`)));
    expect(statuses.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    // Only five guesses were ever checked; the rest were refused before their password was looked at.
    expect(failures()).toBe(5);
  });

  it('treats a name that is not a user exactly as a real one', async () => {
    const unknown = await fail(ATTACKER, 'no-such-person', 5);
    const known = await fail(OWNER, 'admin', 5);
    expect(unknown).toEqual(known);
    const [a, b] = [await signIn(ATTACKER, 'no-such-person', 'x'), await signIn(OWNER, 'admin', 'x')];
    expect([a.status, errorOf(a.body).code]).toEqual([b.status, errorOf(b.body).code]);
  });

  it('ends the pause after the window, and does not pause failures spread wider than it', async () => {
    await fail(ATTACKER, 'admin', 4);
    clock = minutesLater(16);
    expect(await fail(ATTACKER, 'admin', 4)).toEqual([401, 401, 401, 401]);
    clock = minutesLater(16);
    expect((await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
  });

  it('keeps counting across a restart on the same data directory', async () => {
    await fail(ATTACKER, 'admin', 5);
    await hub.server.close();
    hub.deps.db.close();
    const restarted = await prepareHub(hub.deps.config, () => clock);
    const server = await listen(restarted.deps);
    try {
      const res = await fromAddress(ATTACKER, `${server.url}/api/v1/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }) });
      expect([res.status, errorOf(res.body).code]).toEqual([429, 'sign-in-paused']);
    } finally {
      await server.close();
      restarted.deps.db.close();
      hub = { ...hub, close: async () => undefined };
    }
  });

  it('is lifted by `estatewatch admin unlock <username>`, audited', async () => {
    await fail(ATTACKER, 'admin', 5);
    const r = runCli(['admin', 'unlock', 'admin', '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect([r.code, r.stdout]).toEqual([0, 'admin: 5 failed sign-ins forgotten\n']);
    expect((await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    expect(hub.deps.db.prepare("SELECT actor, action, entity, entity_id FROM audit_log WHERE action = 'unlock'").get()).toEqual({ actor: 'cli', action: 'unlock', entity: 'user', entity_id: 'admin' });
  });
});

describe('the per-address limit', { timeout: 180_000 }, () => {
  beforeEach(() => startHub());
  afterEach(() => hub.close());

  it('refuses an address after 20 failures across many names, even with a right password, and only that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(ATTACKER, `sprayed-name-${i}`, 'Winter2026!')).status);
    expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
    expect(statuses[19]).toBe(429);
    const refused = await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD);
    expect(refused.status).toBe(429);
    expect(errorOf(refused.body)).toEqual({ code: 'sign-in-throttled', message: expect.stringContaining('try again after 2026-11-23 12:15:00 UTC') });
    expect((await signIn(OWNER, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(200);

    const r = runCli(['admin', 'unlock', '--address', ATTACKER, '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect([r.code, r.stdout]).toEqual([0, `${ATTACKER}: 20 failed sign-ins forgotten\n`]);
    expect((await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    const bad = runCli(['admin', 'unlock', '--address', 'not-an-ip', '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('an IP address')]);
  });

  it('cannot be escaped by writing X-Forwarded-For when the hub trusts no proxy', async () => {
    for (let i = 0; i < 5; i++) await signIn(ATTACKER, 'admin', `guess ${i}`, { 'x-forwarded-for': `198.51.100.${i}` });
    expect(failures(`SELECT count(*) AS n FROM sign_in_failures WHERE client = '${ATTACKER}'`)).toBe(5);
    expect((await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429);
  });
});

describe('the change-password form', { timeout: 120_000 }, () => {
  beforeEach(() => startHub());
  afterEach(() => hub.close());

  it('counts wrong current passwords as failed sign-ins: a stolen session cannot guess without limit', async () => {
    const signedIn = await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
    const change = (current: string) =>
      fromAddress(ATTACKER, `${hub.url}/api/v1/account/password`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ currentPassword: current, newPassword: 'a brand new passphrase' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await change(`guess number ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Even the right one is not checked now, so a guesser learns nothing more.
    const right = await change(TEST_ADMIN_PASSWORD);
    expect([right.status, errorOf(right.body).code]).toEqual([429, 'sign-in-paused']);
    expect(failures()).toBe(5);
  });
});

describe('behind a trusted reverse proxy', { timeout: 60_000 }, () => {
  beforeEach(() => startHub({ trustedProxy: [ATTACKER] }));
  afterEach(() => hub.close());

  it('counts failures against the client X-Forwarded-For names, and its session cookie is Secure and __Host-', async () => {
    const viaProxy = { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' };
    expect((await signIn(ATTACKER, 'admin', 'wrong', viaProxy)).status).toBe(401);
    // The rightmost address the proxy appended is the client; the one to its left is the client's own word.
    expect(hub.deps.db.prepare('SELECT client FROM sign_in_failures').all()).toEqual([{ client: '198.51.100.7' }]);

    const ok = await signIn(ATTACKER, 'admin', TEST_ADMIN_PASSWORD, viaProxy);
    expect(ok.status).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-ew_session=ews_[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);

    const session = cookie.split(';')[0] ?? '';
    const host = new URL(hub.url).host;
    const page = await fromAddress(ATTACKER, `${hub.url}/`, { headers: { cookie: session, host } });
    expect(page.status).toBe(200);
    // The browser's https origin passes the form check, through the proxy.
    const csrf = findSession(hub.deps.db, hashToken(session.split('=')[1] ?? ''), TEST_NOW.toISOString())?.csrfToken ?? '';
    const logout = (origin: string) =>
      fromAddress(ATTACKER, `${hub.url}/logout`, { method: 'POST', headers: { cookie: session, origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf }).toString() });
    expect((await logout(`http://${host}`)).status).toBe(403);
    const out = await logout(`https://${host}`);
    expect(out.status).toBe(303);
    expect(String(out.headers['set-cookie'])).toMatch(/^__Host-ew_session=;/);
  });

  it('ignores X-Forwarded-For from any other address, and answers it over plain HTTP with a plain cookie', async () => {
    expect((await signIn(OWNER, 'admin', 'wrong', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(401);
    expect(hub.deps.db.prepare('SELECT client FROM sign_in_failures').all()).toEqual([{ client: OWNER }]);
    const ok = await signIn(OWNER, 'admin', TEST_ADMIN_PASSWORD);
    expect(String(ok.headers['set-cookie'])).toMatch(/^ew_session=/);
    expect(String(ok.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('refuses a trustedProxy setting that is not IP addresses, naming the variable', () => {
    const r = runCli(['admin', 'list-organisations', '--data-dir', hub.dir], { env: { ...storeEnv(hub), ESTATEWATCH_TRUSTED_PROXY: '127.0.0.1, proxy.trust.nhs.uk' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('ESTATEWATCH_TRUSTED_PROXY');
  });
});
