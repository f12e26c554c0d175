/**
 * The estate's support measures counted by the test itself, from the raw
 * tables (assets, their OS, their installs and each version's own verdict),
 * not from the kept counts, the carried-status bits or any function a page
 * calls: an independent answer to check the pages and the report against.
 * A distribution package follows its OS; a part of the OS is never better
 * than it; anything else is judged on its own (lifecycle/verdict-on-asset.ts).
 */
import type { Db } from '../../src/store/db.js';

export interface EstateByHand {
  assets: number;
  /** The OS and every install supported or ending soon. */
  supportedOnly: number;
  /** The OS alone supported or ending soon. */
  supportedOs: number;
  /** The OS or any install unsupported. */
  withUnsupported: number;
  /** Assets whose OS is unsupported. */
  unsupportedOs: number;
  /** Installs whose status on their asset is unknown, by why (a reason stored before there were reasons reads as unrecognised). */
  unknownInstallsByReason: Record<string, number>;
}

const SUPPORTED = "('supported', 'ending-soon')";
/** Installs judged on their own or capped by the OS: on an asset whose OS is fine, each keeps its own status. */
const OWN_VERDICT = (status: string) =>
  `EXISTS (SELECT 1 FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = a.id AND s.os_link <> 'follows' AND s.status ${status})`;

export function countEstateByHand(db: Db): EstateByHand {
  const n = (where: string) => (db.prepare(`SELECT count(*) AS n FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE ${where}`).get() as { n: number }).n;
  return {
    assets: n('TRUE'),
    supportedOnly: n(`o.status IN ${SUPPORTED} AND NOT ${OWN_VERDICT(`NOT IN ${SUPPORTED}`)}`),
    supportedOs: n(`o.status IN ${SUPPORTED}`),
    withUnsupported: n(`o.status = 'unsupported' OR ${OWN_VERDICT("= 'unsupported'")}`),
    unsupportedOs: n("o.status = 'unsupported'"),
    unknownInstallsByReason: unknownInstallsByReason(db),
  };
}

/** An unknown version keeps its own reason; a package following an unknown OS takes the OS's. */
function unknownInstallsByReason(db: Db): Record<string, number> {
  const rows = db.prepare(`SELECT reason, count(*) AS n FROM (
      SELECT coalesce(CASE WHEN s.os_link = 'follows' THEN o.unknown_reason ELSE s.unknown_reason END, 'unrecognised') AS reason
      FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
      WHERE (s.os_link = 'follows' AND o.status = 'unknown') OR (s.os_link <> 'follows' AND s.status = 'unknown')) AS u GROUP BY reason`).all() as { reason: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
}
