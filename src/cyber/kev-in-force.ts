/**
 * Which KEV catalogue a hub marks with: of the file ESTATEWATCH_KEV_FILE names
 * and the one `estatewatch data update` stored, the newer version; the file on
 * a tie, as the operator configured it.
 */
import type { Db } from '../store/db.js';
import { latestKevCatalogue } from '../store/kev-catalogues.js';
import { compareKevVersions } from './compare-kev-versions.js';
import { parseKev, readKev, type KevCatalogue } from './read-kev.js';

/** The newest stored catalogue, checked again as it is read. */
export function storedKev(db: Db): KevCatalogue | null {
  const row = latestKevCatalogue(db);
  return row ? parseKev(row.origin, row.catalogue, row.id) : null;
}

export function newerKev(fromFile: KevCatalogue | null, stored: KevCatalogue | null): KevCatalogue | null {
  if (!fromFile || !stored) return fromFile ?? stored;
  return compareKevVersions(stored.version, fromFile.version) > 0 ? stored : fromFile;
}

/** Reads the setting's file (RulesError when it cannot be) and the stored catalogue. */
export function kevInForce(db: Db, kevFile: string | undefined): KevCatalogue | null {
  return newerKev(kevFile ? readKev(kevFile) : null, storedKev(db));
}
