/**
 * The OS's patch currency on each machine (assets.os_patch_*, migration 0033):
 * a distinct OS's verdict is judged without the build a machine reports, so the
 * patch currency that depends on it (a Windows cumulative update) is kept on the
 * asset, written at ingest and rewritten by re-evaluation once per distinct OS
 * and build (lifecycle/os-patch-on-asset.ts decides it).
 */
import type { PatchCurrency } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, perDialect, sameValue, type Dialect } from './dialect.js';
import { stmt } from './statements.js';
import { ASSET_OS_PATCH_COLUMN_NAMES, patchParams, rowToPatch, PATCH_COLUMNS_OF, type PatchRow } from './verdict-columns.js';

export interface OsBuild {
  osId: number;
  family: string;
  build: string | null;
  /** The distinct OS's own patch verdict, judged without the build. */
  osPatch: PatchCurrency | null;
}

/** Every distinct OS and build the estate's machines report, off the assets_os_build index. */
export function listOsBuilds(db: Db): OsBuild[] {
  const rows = stmt(db, `SELECT b.os_id, b.os_build, o.family, ${PATCH_COLUMNS_OF('o')}
      FROM (SELECT DISTINCT os_id, os_build FROM assets) b JOIN os_versions o ON o.id = b.os_id`).all() as (PatchRow & { os_id: number; os_build: string | null; family: string })[];
  return rows.map((r) => ({ osId: r.os_id, family: r.family, build: r.os_build, osPatch: rowToPatch(r) }));
}

const OS_PATCH_SET = ASSET_OS_PATCH_COLUMN_NAMES.map((c) => `${c} = @${c}`).join(', ');
const osPatchUnchanged = (d: Dialect) => ASSET_OS_PATCH_COLUMN_NAMES.map((c) => sameValue(d, c, `@${c}`)).join(' AND ');
const SET_BUILD_PATCH = perDialect((d) => `UPDATE assets SET ${OS_PATCH_SET} WHERE os_id = @osId AND os_build = @build AND NOT (${osPatchUnchanged(d)})`);
const SET_NO_BUILD_PATCH = perDialect((d) => `UPDATE assets SET ${OS_PATCH_SET} WHERE os_id = @osId AND os_build IS NULL AND NOT (${osPatchUnchanged(d)})`);

/**
 * Sets the OS patch currency of every machine on this OS and build, leaving
 * alone those it would not change: on PostgreSQL an update writes a new copy
 * of each row, and re-evaluation runs at least daily over every build.
 */
export function setOsBuildPatch(db: Db, b: Pick<OsBuild, 'osId' | 'build'>, patch: PatchCurrency | null): void {
  const params = patchParams(patch);
  const values = Object.fromEntries(ASSET_OS_PATCH_COLUMN_NAMES.map((c, i) => [c, params[i] ?? null]));
  const d = dialectOf(db);
  if (b.build === null) stmt(db, SET_NO_BUILD_PATCH[d]).run({ ...values, osId: b.osId });
  else stmt(db, SET_BUILD_PATCH[d]).run({ ...values, osId: b.osId, build: b.build });
}

/** The distinct OS's own patch verdict, for an asset written at ingest. */
export function osVersionPatch(db: Db, osId: number): PatchCurrency | null {
  const r = stmt(db, `SELECT ${PATCH_COLUMNS_OF('o')} FROM os_versions o WHERE o.id = ?`).get(osId) as PatchRow | undefined;
  return r ? rowToPatch(r) : null;
}
