/**
 * The rows behind the board report's cyber-alert figures (issue 23 point 5),
 * frozen by each snapshot beside the posture lists: the alerts that bear on the
 * month, each trust's response to them, and each machine they affect or that
 * was fixed in the month. Only alerts that bear on the month are kept: received
 * in it, with a machine in scope still affected, or with one fixed in it.
 */
import type { CyberResponseStage } from '../cyber/cyber-response-view.js';
import type { YesNo } from './posture-evidence.js';

/** How an alert reached the hub in the snapshot's month: published in it, or published earlier and added in it; else earlier. */
export type CyberReceived = 'published this month' | 'added this month' | 'earlier';

export interface CyberAlertEvidence {
  reference: string;
  title: string;
  severity: string;
  /** The publication day the alert gives. */
  published: string;
  /** When the hub first stored it. */
  addedAt: string;
  received: CyberReceived;
  /** One of its CVEs is in the KEV catalogue the hub had in force when the snapshot was taken. */
  knownExploited: YesNo;
  /** Its CVEs found in that catalogue, comma-separated; '' when none (or no catalogue). */
  kevCves: string;
  /** Machines in scope still carrying an affected install. */
  affectedMachines: number;
  /** yes: a machine in scope is still affected. */
  open: YesNo;
}

/** By its 48-hour target: within it, after it, or not yet acknowledged when the snapshot was taken. */
export type CyberAcknowledged = 'within 48 hours' | 'late' | 'not yet';

/** When a trust's last affected machine left the list: in the snapshot's month, before it, or not (still affected, or none ever was). */
export type CyberRemediated = 'this month' | 'before this month' | 'no';

/** One trust's response to one of those alerts (every trust in scope has one, acknowledged or not). */
export interface CyberResponseEvidence {
  reference: string;
  title: string;
  severity: string;
  knownExploited: YesNo;
  /** The trust's ODS code. */
  organisation: string;
  published: string;
  /** yes: the alert was published in the snapshot's month, so its 48-hour target is this month's to meet. */
  publishedThisMonth: YesNo;
  /** Publication day 00:00 UTC + 48 hours (cyber/cyber-response-view.ts). */
  acknowledgementDue: string;
  acknowledgedAt: string;
  acknowledged: CyberAcknowledged;
  stage: CyberResponseStage;
  /** This trust's machines still affected. */
  affectedMachines: number;
  /** yes: one of this trust's machines is still affected. */
  open: YesNo;
  /** The oldest `since` among this trust's installs still affected; '' when none is. */
  affectedSince: string;
  /** Whole days from affectedSince (on the trust's clock) to the snapshot day; null when none is affected. */
  ageDays: number | null;
  /** Whole days from publication to the snapshot day. */
  daysSincePublished: number;
  remediatedAt: string;
  remediated: CyberRemediated;
}

/** A machine an alert affects, or one whose last affected install left the list in the snapshot's month. */
export interface CyberMachineEvidence {
  reference: string;
  organisation: string;
  assetId: number;
  hostname: string;
  state: 'affected' | 'remediated this month';
  affectedSince: string;
  remediatedAt: string;
}
