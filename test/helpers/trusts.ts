/** Trusts for tests of an ICS hub: the first (id 1, TRUST) comes with every hub; more are added here. */
import type { Db } from '../../src/store/db.js';
import { FIRST_ORGANISATION_ID, insertOrganisation } from '../../src/store/organisations.js';

export const FIRST_TRUST = FIRST_ORGANISATION_ID;

/** Adds a trust and returns its id. */
export function addTrust(db: Db, code: string, name = `${code} NHS Trust`): number {
  return insertOrganisation(db, { code, name }).id;
}
