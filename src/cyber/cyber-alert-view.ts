/**
 * A stored cyber alert as the API gives it: the 48-hour acknowledgement clock
 * and the "known exploited" mark worked out for the moment asked. Pure.
 */
import type { CyberAlertRow } from '../store/cyber-alerts.js';
import { knownExploited, type KnownExploited } from './known-exploited.js';
import type { KevCatalogue } from './read-kev.js';

/** NHS England's target: acknowledge a high-severity alert within 48 hours of its publication. */
export const ACKNOWLEDGE_WITHIN_HOURS = 48;

export interface CyberAlertView {
  reference: string;
  title: string;
  severity: string;
  published: string;
  cves: string[];
  remedy: string;
  link: string;
  /** Machines still carrying an affected install, in the reader's scope. */
  affectedMachines: number;
  /** Machines that carried one and no longer do, in the reader's scope. */
  remediatedMachines: number;
  acknowledgement: {
    acknowledged: boolean;
    at: string | null;
    by: string | null;
    /** Publication day (00:00 UTC) + 48 hours: the file gives a day, not a time, so the clock starts at its beginning. */
    due: string;
    /** Not acknowledged and past due. */
    overdue: boolean;
    /** Acknowledged after it was due. */
    late: boolean;
  };
  /** When the last affected machine left the list (hub-wide); null while any is affected, or none ever was. */
  remediatedAt: string | null;
  /** From the KEV catalogue: null when none is configured or none of its CVEs is listed. */
  knownExploited: KnownExploited | null;
}

/** What the reader needs to know about the catalogue behind `knownExploited`. */
export function kevStatus(kev: KevCatalogue | null | undefined): { configured: boolean; version: string | null; note: string | null } {
  return kev
    ? { configured: true, version: kev.version, note: null }
    : { configured: false, version: null, note: 'no Known Exploited Vulnerabilities catalogue is configured (ESTATEWATCH_KEV_FILE), so no alert is marked known exploited' };
}

export function cyberAlertView(row: CyberAlertRow, now: Date, kev: KevCatalogue | null | undefined): CyberAlertView {
  const due = new Date(Date.parse(`${row.published}T00:00:00Z`) + ACKNOWLEDGE_WITHIN_HOURS * 3600_000).toISOString();
  const at = row.acknowledgedAt;
  return {
    reference: row.reference,
    title: row.title,
    severity: row.severity,
    published: row.published,
    cves: row.cves,
    remedy: row.definition.remedy,
    link: row.definition.link,
    affectedMachines: row.affectedMachines,
    remediatedMachines: row.remediatedMachines,
    acknowledgement: { acknowledged: at !== null, at, by: row.acknowledgedBy, due, overdue: at === null && now.toISOString() > due, late: at !== null && at > due },
    remediatedAt: row.remediatedAt,
    knownExploited: kev ? knownExploited(row, kev) : null,
  };
}
