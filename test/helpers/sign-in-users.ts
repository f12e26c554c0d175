import { hashPassword } from '../../src/auth/password.js';
import type { createApp } from '../../src/hub/app.js';
import { insertUser, type Role } from '../../src/store/users.js';
import { TEST_NOW, type TestHub } from './test-hub.js';

const PASSWORD = 'a test password 123';

/**
 * Creates these users on the hub and signs them (and admin) in; returns each
 * one's session cookie by username. A user's third element is their trust's id;
 * without one they are ICS-wide (as admin is).
 */
export async function signInUsers(app: ReturnType<typeof createApp>, hub: TestHub, users: readonly ([string, Role] | [string, Role, number])[]): Promise<Record<string, string>> {
  const passwordHash = await hashPassword(PASSWORD);
  for (const [username, role, organisationId] of users) {
    insertUser(hub.deps.db, { username, passwordHash, role, mustChangePassword: false, organisationId: organisationId ?? null, now: TEST_NOW.toISOString() });
  }
  const cookies: Record<string, string> = {};
  for (const [username, password] of [['admin', hub.adminPassword], ...users.map(([u]) => [u, PASSWORD])] as [string, string][]) {
    const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    cookies[username] = res.headers.get('set-cookie')?.split(';')[0] as string;
  }
  return cookies;
}
