/** Trusts for tests of an ICS hub: the first (id 1, TRUST) comes with every hub; more are added here. */
import { createApp } from '../../src/hub/app.js';
import type { Db } from '../../src/store/db.js';
import { FIRST_ORGANISATION_ID, insertOrganisation } from '../../src/store/organisations.js';
import type { Role } from '../../src/store/users.js';
import { signInUsers } from './sign-in-users.js';
import { createTestHub, type TestHub } from './test-hub.js';

export const FIRST_TRUST = FIRST_ORGANISATION_ID;

/** Adds a trust and returns its id. */
export function addTrust(db: Db, code: string, name = `${code} NHS Trust`): number {
  return insertOrganisation(db, { code, name }).id;
}

type People = readonly [string, Role][];

/**
 * A test hub of two trusts (the first, and RYY) with these people signed in:
 * each list's to its trust, `icsWide` to none. Their session cookies by name,
 * admin's among them.
 */
export async function twoTrustHub(people: { first?: People; second?: People; icsWide?: People }, secondName?: string) {
  const hub: TestHub = await createTestHub();
  const app = createApp(hub.deps);
  const second = addTrust(hub.deps.db, 'RYY', secondName);
  const cookies = await signInUsers(app, hub, [
    ...(people.first ?? []).map(([name, role]): [string, Role, number] => [name, role, FIRST_TRUST]),
    ...(people.second ?? []).map(([name, role]): [string, Role, number] => [name, role, second]),
    ...(people.icsWide ?? []),
  ]);
  return { hub, app, second, cookies };
}
