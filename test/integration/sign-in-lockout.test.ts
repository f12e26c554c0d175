/** Sign-in throttling on a real SQLite file: the per-username lock-out, the per-address limit, the audit entry, restarts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { prepareHub } from '../../src/hub/start-hub.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { createTestHub, startTestHub, TEST_ADMIN_PASSWORD, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let clock: Date;
let hub: TestHub;
let app: ReturnType<typeof createApp>;

const minutesLater = (minutes: number) => new Date(clock.getTime() + minutes * 60_000);
const signIn = (username: string, password: string, target = app) =>
  target.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

/** Fails `times` sign-ins for the name and returns each status. */
async function fail(username: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(username, `wrong password ${i}`)).status);
  return statuses;
}

// Each test runs a handful of scrypt checks (~0.1 s alone, several times that on a busy two-core machine).
describe('the per-username lock-out', { timeout: 90_000 }, () => {
  beforeEach(async () => {
    clock = TEST_NOW;
    hub = await createTestHub({}, () => clock);
    app = createApp(hub.deps);
  });
  afterEach(() => hub.close());

  it('locks an account at the fifth failure within 15 minutes and says until when', async () => {
    expect(await fail('admin', 4)).toEqual([401, 401, 401, 401]);
    const fifth = await signIn('admin', 'still wrong');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('900');
    expect(await errorOf(fifth)).toEqual({ code: 'sign-in-locked', message: expect.stringContaining('locked until 2026-11-23 12:15:00 UTC') });
  });

  it('refuses the right password while the account is locked', async () => {
    await fail('admin', 5);
    clock = minutesLater(14);
    const res = await signIn('admin', TEST_ADMIN_PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await errorOf(res)).code).toBe('sign-in-locked');
  });

  it('lets the right password in once the 15 minutes are over', async () => {
    await fail('admin', 5);
    clock = minutesLater(15);
    expect((await signIn('admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
  });

  it('does not lock for failures spread wider than the window', async () => {
    await fail('admin', 4);
    clock = minutesLater(16);
    expect(await fail('admin', 4)).toEqual([401, 401, 401, 401]);
  });

  it('starts the count again after a successful sign-in', async () => {
    await fail('admin', 4);
    expect((await signIn('admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    expect(await fail('admin', 4)).toEqual([401, 401, 401, 401]);
    expect((await signIn('admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
  });

  it('counts a burst of parallel guesses one by one', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn('admin', `parallel guess ${i}`)));
    expect(statuses.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    // Only five guesses were ever checked; the rest were refused before their password was looked at.
    expect(hub.deps.db.prepare('SELECT count(*) AS n FROM sign_in_failures').get()).toEqual({ n: 5 });
  });

  it('locks a name that is not a user exactly as it locks a real one', async () => {
    const unknown = await fail('no-such-person', 5);
    const known = await fail('admin', 5);
    expect(unknown).toEqual(known);
    const [a, b] = [await errorOf(await signIn('no-such-person', 'x')), await errorOf(await signIn('admin', 'x'))];
    expect(a).toEqual(b);
  });

  it('answers an unknown name as slowly as a wrong password, so timing does not tell which names exist', async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      await signIn(username, 'a wrong password');
      return performance.now() - started;
    };
    const known = Math.min(await timed('admin'), await timed('admin'));
    const unknown = Math.min(await timed('nobody-here'), await timed('nobody-here'));
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it('writes the lock-out to the audit log as a user entry, keeping the chain whole', async () => {
    await fail('Admin', 5);
    const rows = hub.deps.db.prepare("SELECT actor, action, entity_id, after FROM audit_log WHERE entity = 'user'").all() as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'system', action: 'lock-out', entity_id: 'Admin' });
    expect(JSON.parse(rows[0]?.after ?? '{}')).toEqual({ lockedUntil: '2026-11-23T12:15:00.000Z', failures: 5, withinMinutes: 15, client: 'in-process' });
    expect(verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
  });

  it('keeps the lock-out when the hub restarts on the same data directory', async () => {
    await fail('admin', 5);
    hub.deps.db.close();
    const restarted = await prepareHub(hub.deps.config, () => clock);
    try {
      const res = await signIn('admin', TEST_ADMIN_PASSWORD, createApp(restarted.deps));
      expect(res.status).toBe(429);
      expect((await errorOf(res)).code).toBe('sign-in-locked');
    } finally {
      restarted.deps.db.close();
    }
  });

  it('shows the lock-out on the sign-in page', async () => {
    const post = (password: string) =>
      app.request('http://localhost/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ username: 'admin', password, next: '/' }).toString(),
      });
    for (let i = 0; i < 4; i++) expect((await post('wrong')).status).toBe(401);
    const locked = await post('wrong');
    expect(locked.status).toBe(429);
    const page = await locked.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('This account is locked after 5 failed sign-ins within 15 minutes; it is locked until 2026-11-23 12:15:00 UTC.');
    expect((await post(TEST_ADMIN_PASSWORD)).status).toBe(429);
  });
});

describe('the per-address limit', () => {
  // Twenty-odd scrypt checks: over the default timeout on a busy two-core machine.
  it('refuses an address after 20 failures across many names, even with a right password, and only that address', { timeout: 120_000 }, async () => {
    clock = TEST_NOW;
    const listening = await startTestHub({}, () => clock);
    try {
      const over = (username: string, password: string) =>
        fetch(`${listening.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await over(`sprayed-name-${i}`, 'Winter2026!')).status);
      expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
      expect(statuses[19]).toBe(429);
      const refused = await over('admin', TEST_ADMIN_PASSWORD);
      expect(refused.status).toBe(429);
      expect(await errorOf(refused)).toEqual({ code: 'sign-in-throttled', message: expect.stringContaining('try again after 2026-11-23 12:15:00 UTC') });
      // Another address (here: an in-process request on the same database) is not held back.
      expect((await signIn('admin', TEST_ADMIN_PASSWORD, createApp(listening.deps))).status).toBe(200);
      clock = minutesLater(15);
      expect((await over('admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    } finally {
      await listening.close();
    }
  });
});
