/**
 * Whose board reports a request reads (migration 0019): the URL may name a
 * trust (/trusts/RXX/board-reports/…); otherwise a trust's person reads their
 * trust's, and an ICS-wide person the hub's main report: the whole hub's when
 * it holds several trusts, else the one trust's.
 */
import type { Db } from '../store/db.js';
import { listOrganisations, WHOLE_HUB, type Organisation, type ReportOwner } from '../store/organisations.js';
import { notFound } from './errors.js';

export interface ReportView {
  owner: ReportOwner;
  /** What report paths start with: '' or '/trusts/<code>', so links name the trust whatever the reader's default. */
  prefix: string;
  /** Whose report it is, for the heading; null on a single-trust hub, where it goes without saying. */
  heading: string | null;
  /** Whose report it is, always: the trust's name, or the ICS's trusts together (what a printed page is headed with). */
  name: string;
  /** The hub's trusts, to name the whole hub's report's columns. */
  trusts: Organisation[];
}

/**
 * `reader`: the reader's trust, or null for an ICS-wide reader (and the CLI).
 * Another trust's reports are not found for a trust's person, as its other records are not.
 */
export function reportView(db: Db, reader: number | null, code: string | undefined): ReportView {
  const trusts = listOrganisations(db);
  const several = trusts.length > 1;
  const named = code === undefined ? undefined : trusts.find((o) => o.code === code);
  if (code !== undefined && (!named || (reader !== null && named.id !== reader))) throw notFound(`trust ${code}`);
  const trust = named ?? trusts.find((o) => o.id === reader);
  if (trust) return { owner: trust.id, prefix: several ? `/trusts/${trust.code}` : '', heading: several ? `${trust.name} (${trust.code})` : null, name: trust.name, trusts };
  const ics = `All ${trusts.length} trusts of the ICS`;
  if (several) return { owner: WHOLE_HUB, prefix: '', heading: ics, name: ics, trusts };
  const only = trusts[0] as Organisation;
  return { owner: only.id, prefix: '', heading: null, name: only.name, trusts };
}
