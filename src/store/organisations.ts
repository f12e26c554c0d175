/**
 * The trusts that share a hub (migration 0018). A person's scope is their
 * trust's id, or null when they hold an ICS-wide role and see every trust.
 */
import type { Db } from './db.js';
import { insertReturningId, stmt } from './statements.js';

export interface Organisation {
  id: number;
  /** NHS ODS code, e.g. RXX */
  code: string;
  name: string;
}

/** The trust every hub starts with (migration 0018), which a single-trust hub's records all belong to. */
export const FIRST_ORGANISATION_ID = 1;

/** Which trusts' records a reader sees: one trust's id, or null for all of them (an ICS-wide reader). */
export type OrgScope = number | null;

/** The SQL test for "this row is in scope", for a query bound with `@org` (an OrgScope). */
export const inScope = (column: string) => `(@org IS NULL OR ${column} = @org)`;

/**
 * The same test as two statement texts, for the estate's large tables: an
 * ICS-wide reader's keeps the plan it had before trusts (`@org IS NULL OR …`
 * would be planned without the indexes), a trust's reads that trust's rows.
 * Bind with bindTrust.
 */
export const forTrust = (org: OrgScope, column: string) => (org === null ? 'TRUE' : `${column} = @org`);

/** Which of a query's two statement texts (an ICS-wide reader's, a trust's) serves this reader. */
export const readerKind = (org: OrgScope): 'ics' | 'trust' => (org === null ? 'ics' : 'trust');

/** better-sqlite3 refuses named parameters the statement does not use. */
export const bindTrust = (org: OrgScope): { org?: number } => (org === null ? {} : { org });

export function listOrganisations(db: Db): Organisation[] {
  return stmt(db, 'SELECT id, code, name FROM organisations ORDER BY code').all() as Organisation[];
}

export function findOrganisationByCode(db: Db, code: string): Organisation | undefined {
  return stmt(db, 'SELECT id, code, name FROM organisations WHERE code = ?').get(code) as Organisation | undefined;
}

export function findOrganisation(db: Db, id: number): Organisation | undefined {
  return stmt(db, 'SELECT id, code, name FROM organisations WHERE id = ?').get(id) as Organisation | undefined;
}

export function insertOrganisation(db: Db, o: Omit<Organisation, 'id'>): Organisation {
  return { id: insertReturningId(db, 'INSERT INTO organisations (code, name) VALUES (?, ?)', o.code, o.name), ...o };
}

export function updateOrganisation(db: Db, o: Organisation): void {
  stmt(db, 'UPDATE organisations SET code = ?, name = ? WHERE id = ?').run(o.code, o.name, o.id);
}

/**
 * Whose board figures a snapshot or report is (migration 0019): a trust's id,
 * or WHOLE_HUB for every trust together, the ICS board's.
 */
export type ReportOwner = number;
export const WHOLE_HUB: ReportOwner = 0;

/** The trusts a report owner's figures cover. */
export const ownerScope = (owner: ReportOwner): OrgScope => (owner === WHOLE_HUB ? null : owner);

/**
 * Whose snapshots the hub takes each day and whose reports each month: every
 * trust's, and the whole hub's when it holds several (with one, the trust's
 * report is the whole hub's).
 */
export function reportOwners(db: Db): ReportOwner[] {
  const trusts = listOrganisations(db).map((o) => o.id);
  return trusts.length > 1 ? [WHOLE_HUB, ...trusts] : trusts;
}

/** The hub's main report: the whole hub's when it holds several trusts, else its one trust's. */
export const mainReportOwner = (db: Db): ReportOwner => reportOwners(db)[0] ?? FIRST_ORGANISATION_ID;
