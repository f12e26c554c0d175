import type { Db } from '../store/db.js';
import { listOrganisations, type Organisation } from '../store/organisations.js';
import { CliError } from './cli-error.js';

/**
 * The trust an --organisation flag names, or the only one there is when it is
 * left out; with several trusts and no flag, the error says which flags to give.
 */
export function organisationFlag(db: Db, code: string | undefined, flags = '--organisation <code>'): Organisation {
  const all = listOrganisations(db);
  if (code === undefined) {
    if (all.length === 1 && all[0]) return all[0];
    throw new CliError(`this hub has ${all.length} organisations (${all.map((o) => o.code).join(', ')}): give ${flags}`, 2, true);
  }
  const found = all.find((o) => o.code === code);
  if (!found) throw new CliError(`no organisation ${code} (see estatewatch admin list-organisations)`);
  return found;
}
