/**
 * A stored cyber alert as the API gives it: each trust's response with its
 * clocks, and the "known exploited" mark, worked out for the moment asked. Pure.
 */
import type { CyberAlertRow } from '../store/cyber-alerts.js';
import type { CyberResponseRow } from '../store/cyber-alert-responses.js';
import { acknowledgementDue, cyberResponseView, type CyberResponseView } from './cyber-response-view.js';
import { knownExploited, type KnownExploited } from './known-exploited.js';
import type { KevCatalogue } from './read-kev.js';

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
  /** From a file in rules/cyber-alerts/, or added on the hub (by `addedBy`). */
  origin: 'file' | 'hub';
  addedBy: string | null;
  /** Over the trusts in the reader's scope (one for a trust's person). */
  acknowledgement: {
    /** Publication day (00:00 UTC) + 48 hours. */
    due: string;
    trusts: number;
    acknowledged: number;
    /** Trusts not acknowledged and past due. */
    overdue: number;
    /** Trusts that acknowledged after it was due. */
    late: number;
  };
  /** Each trust in the reader's scope, by ODS code. */
  responses: CyberResponseView[];
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

/** `responses` are this alert's, one per trust in the reader's scope. */
export function cyberAlertView(row: CyberAlertRow, responses: readonly CyberResponseRow[], now: Date, kev: KevCatalogue | null | undefined): CyberAlertView {
  const views = responses.map((r) => cyberResponseView(r, now));
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
    origin: row.origin,
    addedBy: row.addedBy,
    acknowledgement: {
      due: acknowledgementDue(row.published),
      trusts: views.length,
      acknowledged: views.filter((v) => v.acknowledgement.at !== null).length,
      overdue: views.filter((v) => v.acknowledgement.overdue).length,
      late: views.filter((v) => v.acknowledgement.late).length,
    },
    responses: views,
    remediatedAt: row.remediatedAt,
    knownExploited: kev ? knownExploited(row, kev) : null,
  };
}

/** Known-exploited alerts first (attackers already use them), then as the store listed them. */
export function knownExploitedFirst(views: readonly CyberAlertView[]): CyberAlertView[] {
  return views.map((v, i) => ({ v, i })).sort((a, b) => Number(b.v.knownExploited !== null) - Number(a.v.knownExploited !== null) || a.i - b.i).map(({ v }) => v);
}
