/**
 * The summary's patch-currency counts (issue 22 point 4), beside the status
 * counts and never mixed into them: of the items whose status counts as
 * supported, how many are current, behind, or cannot be told. Operating
 * systems are counted per machine (assets.os_patch_*, off the assets_os_patch
 * index); software per install, from the kept counts as the status counts are.
 * Distribution packages are left out: they follow their OS and have no patch
 * verdict of their own.
 */
import { COUNTS_AS_SUPPORTED } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, type Dialect } from './dialect.js';
import { EFFECTIVE_STATUS } from './estate-queries.js';
import { bindTrust, forTrust, readerKind, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';
import { KEPT_ASSET_COUNTS, VERDICT_SUMS, VERSION_COUNTS } from './version-counts.js';

export interface PatchCounts {
  current: number;
  behind: number;
  /** No patch verdict: the data has no newest version for the release, or the version cannot be set against it. */
  cannotTell: number;
}

export interface PatchSummary {
  /** Machines whose OS counts as supported, by the OS's patch currency on that machine. */
  os: PatchCounts;
  /** Installs of software judged on its own whose status there counts as supported. */
  software: PatchCounts;
}

const SUPPORTED = `(${COUNTS_AS_SUPPORTED.map((s) => `'${s}'`).join(', ')})`;

/** Machines by their OS's patch state, of those whose OS counts as supported; PostgreSQL from its kept counts (KEPT_ASSET_COUNTS). */
const OS_BY_PATCH = (org: OrgScope, d: Dialect) =>
  d === 'sqlite'
    ? `SELECT c.state, sum(c.n) AS n FROM (SELECT os_id, os_patch_state AS state, count(*) AS n FROM assets
    WHERE ${forTrust(org, 'organisation_id')} GROUP BY os_id, os_patch_state) c JOIN os_versions o ON o.id = c.os_id WHERE o.status IN ${SUPPORTED} GROUP BY c.state`
    : `SELECT NULLIF(c.os_patch_state, '') AS state, sum(c.assets) AS n FROM ${KEPT_ASSET_COUNTS} JOIN os_versions o ON o.id = c.os_id
    WHERE ${forTrust(org, 'c.organisation_id')} AND o.status IN ${SUPPORTED} GROUP BY 1`;

/**
 * As UNKNOWN_BY_REASON (estate-queries.ts): a standalone version's own installs (on PostgreSQL
 * from the sums kept per trust and verdict, VERDICT_SUMS), a part of the OS's per OS, as the OS
 * can make its status worse. Built on first use: estate-queries.ts, which this reads
 * EFFECTIVE_STATUS from, imports this file.
 */
const softwareByPatch = (reader: 'ics' | 'trust', d: Dialect) => {
  const k = VERSION_COUNTS[reader];
  const v = VERDICT_SUMS[reader];
  const standalone =
    d === 'sqlite'
      ? `SELECT s.patch_state AS state, ${k.installs} AS n FROM ${k.versions} WHERE ${k.scope}s.os_link = 'none' AND s.status IN ${SUPPORTED} AND ${k.installs} > 0`
      : `SELECT NULLIF(c.patch_state, '') AS state, c.installs AS n FROM ${v.verdicts} WHERE ${v.scope}c.os_link = 'none' AND c.status IN ${SUPPORTED} AND c.installs <> 0`;
  return `SELECT state, sum(n) AS n FROM (
      ${standalone}
      UNION ALL
      SELECT s.patch_state, c.installs FROM ${k.perOs} JOIN software s ON s.id = c.software_id JOIN os_versions o ON o.id = c.os_id
        WHERE ${k.scope}c.installs > 0 AND s.os_link = 'capped' AND ${EFFECTIVE_STATUS} IN ${SUPPORTED}) AS u GROUP BY state`;
};

function toCounts(rows: readonly { state: string | null; n: number }[]): PatchCounts {
  const counts: PatchCounts = { current: 0, behind: 0, cannotTell: 0 };
  for (const r of rows) counts[r.state === 'current' || r.state === 'behind' ? r.state : 'cannotTell'] += Number(r.n);
  return counts;
}

/** Of one trust, or (null) of every trust on the hub. */
export function patchSummary(db: Db, org: OrgScope): PatchSummary {
  const scope = bindTrust(org);
  return {
    os: toCounts(stmt(db, OS_BY_PATCH(org, dialectOf(db))).all(scope) as { state: string | null; n: number }[]),
    software: toCounts(stmt(db, softwareByPatch(readerKind(org), dialectOf(db))).all(scope) as { state: string | null; n: number }[]),
  };
}
