/** Trusts for tests of an ICS hub: the first (id 1, TRUST) comes with every hub; more are added here. */
import { createApp } from '../../src/hub/app.js';
import type { Db } from '../../src/store/db.js';
import { FIRST_ORGANISATION_ID, insertOrganisation } from '../../src/store/organisations.js';
import type { Role } from '../../src/store/users.js';
import { hoursBefore, insertTestAlert } from './insert-test-alert.js';
import { signInUsers } from './sign-in-users.js';
import { createTestHub, TEST_NOW, type TestHub } from './test-hub.js';

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

/**
 * The demo estate (seeded, trust one's) split between two trusts: PACS-SRV01
 * and PHARM-PC02, with what was found on them, become trust two's (RYY), and
 * each trust gets one live alert, DW-SQL01's and PACS-SRV01's. The ids a test
 * of trust scope needs.
 */
export function splitDemoEstate(db: Db) {
  const two = addTrust(db, 'RYY');
  db.prepare("UPDATE assets SET organisation_id = ? WHERE hostname IN ('PACS-SRV01', 'PHARM-PC02')").run(two);
  const faxTwo = (db.prepare("SELECT d.id FROM devices d JOIN assets s ON s.id = d.asset_id WHERE s.hostname = 'PHARM-PC02' AND d.kind = 'fax'").get() as { id: number }).id;
  const raisedAt = hoursBefore(TEST_NOW, 6);
  const alertOne = insertTestAlert(db, { hostname: 'DW-SQL01', severity: 'high', raisedAt, title: 'DW-SQL01 runs SQL Server 2012' });
  const alertTwo = insertTestAlert(db, { hostname: 'PACS-SRV01', severity: 'critical', raisedAt, title: 'PACS-SRV01 runs Server 2012 R2' });
  db.prepare('UPDATE alerts SET organisation_id = ? WHERE id = ?').run(two, alertTwo);
  return { two, faxTwo, alertOne, alertTwo };
}
