/**
 * Which trust a new record (an enrolment secret, a hazard, an action, an
 * exception, a registered device, an import) belongs to when a person makes it.
 */
import { z } from 'zod';
import type { Db } from '../store/db.js';
import { findOrganisationByCode, listOrganisations, type OrgScope } from '../store/organisations.js';
import type { User } from '../store/users.js';
import { forbidden, HubError } from './errors.js';

/** How people name a trust: its NHS ODS code. */
export const OrganisationCodeSchema = z.string().regex(/^[A-Z0-9]{3,10}$/, 'an organisation code is its NHS ODS code: 3-10 capital letters and digits, e.g. RXX');

/**
 * A trust's person makes records for their own trust; naming another is
 * refused. An ICS-wide person names the trust by its ODS code, which may be
 * left out only while the hub has a single trust.
 */
export function owningOrganisation(db: Db, user: Pick<User, 'organisationId'>, code: string | undefined): number {
  if (code !== undefined) return namedTrust(db, user, code, 'act for');
  if (user.organisationId !== null) return user.organisationId;
  const all = listOrganisations(db);
  if (all.length === 1 && all[0]) return all[0].id;
  throw new HubError(400, 'organisation-required', `you see ${all.length} trusts: say which one this is for (organisation: one of ${all.map((o) => o.code).join(', ')})`, [
    { path: 'organisation', message: 'required for an ICS-wide person' },
  ]);
}

/**
 * Which trusts a read covers: a trust's person sees their own (naming another
 * is refused); an ICS-wide person sees the one they name (?organisation=RXX),
 * or every trust.
 */
export function readingScope(db: Db, user: User, code: string | undefined): OrgScope {
  return code === undefined ? user.organisationId : namedTrust(db, user, code, 'see');
}

/** The trust a person names: their own (another is 403 for a trust's person), or any that exists for an ICS-wide one (else 400). */
function namedTrust(db: Db, user: Pick<User, 'organisationId'>, code: string, verb: string): number {
  const named = findOrganisationByCode(db, code);
  if (user.organisationId !== null) {
    if (named?.id !== user.organisationId) throw forbidden(`you work for one trust and cannot ${verb} ${code}`);
    return user.organisationId;
  }
  if (!named) throw new HubError(400, 'unknown-organisation', `no organisation ${code}`, [{ path: 'organisation', message: `no organisation ${code}` }]);
  return named.id;
}
