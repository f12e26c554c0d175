import type { Context } from 'hono';
import type { HubEnv } from '../hub/deps.js';
import { currentSession } from '../hub/middleware/session.js';
import { listOrganisations, type Organisation } from '../store/organisations.js';

/**
 * The trusts a page names (a Trust column) and offers on its forms: every
 * trust for an ICS-wide person on a hub of several, none otherwise (a trust's
 * person sees only their own trust's records, so the column would say nothing).
 */
export function trustsShown(c: Context<HubEnv>): Organisation[] {
  const all = listOrganisations(c.var.deps.db);
  return currentSession(c).user.organisationId === null && all.length > 1 ? all : [];
}
