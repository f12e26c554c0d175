/**
 * The rows behind every figure in the board report, frozen by each day's
 * snapshot. A figure links to one list filtered on equal column values, so
 * an auditor sees exactly the rows that were counted, as of that day (of
 * alerts, the exact count and a bounded sample of the rows: alert-sample.ts).
 */
import type { SupportStatus } from '../lifecycle/verdict.js';
import type { ExceptionRow, UnknownTitleRow } from '../store/posture-capture.js';
import type { CyberAlertEvidence, CyberMachineEvidence, CyberResponseEvidence } from './cyber-evidence.js';

export type YesNo = 'yes' | 'no';

/** Every registered asset, with the class it counts in (worst item wins). */
export interface AssetEvidence {
  assetId: number;
  hostname: string;
  os: string;
  osStatus: SupportStatus;
  /** Worst of the OS and every installed item: unsupported, extended-support, unknown, ending-soon, supported. */
  posture: SupportStatus;
  /** yes: posture supported or ending-soon, so it counts in the headline (headline-measures.ts). */
  supportedOnly: YesNo;
  /** yes: the OS alone is supported or ending soon: the measure beside the headline. Absent from snapshots taken before it was recorded. */
  osSupported?: YesNo;
  /** What decided the posture, in words. */
  because: string;
  /** Named in a risk-accepted exception in force (signed off by the CSO, not expired). */
  acceptedRisk: YesNo;
  lastSeenAt: string;
  /** Reported (by agent or import) in the 7 days before the snapshot. */
  reporting: YesNo;
  source: 'agent' | 'import';
  /**
   * yes: its OS, or a program judged on its own, is behind the newest version the data knows for
   * its release (patch currency, lifecycle/judge-patch.ts). Absent from snapshots taken before it was recorded.
   */
  behind?: YesNo;
  /** A Windows machine: how long a newer cumulative update had been out on the snapshot day; '' for any other OS. Absent before it was recorded. */
  windowsPatch?: WindowsPatchAge | '';
}

/** A Windows machine's patch age: current, behind by how long, or cannot tell (a build the update list lacks, Windows 8.1 and older). */
export const WINDOWS_PATCH_AGES = ['current', 'behind up to 30 days', 'behind 31–60 days', 'behind 61–90 days', 'behind over 90 days', 'cannot tell'] as const;
export type WindowsPatchAge = (typeof WINDOWS_PATCH_AGES)[number];

/** An OS or software item that is unsupported, on extended support, or ending within six months. */
export interface ItemEvidence {
  assetId: number;
  hostname: string;
  kind: 'os' | 'software';
  /** The product and release as people name it, e.g. "Microsoft Windows 7 SP1"; what the top lists group by. */
  product: string;
  name: string;
  version: string;
  status: SupportStatus;
  eol: string | null;
  extendedSupportEnd: string | null;
  /** Security support ends after the snapshot day and within six months of it. */
  endingWithin6Months: YesNo;
}

export const ALERT_AGES = ['0–2 days', '3–7 days', '8–30 days', 'over 30 days'] as const;
export type AlertAge = (typeof ALERT_AGES)[number];

/** Alerts live at the snapshot, and those resolved earlier in its month. */
export interface AlertEvidence {
  alertId: number;
  rule: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  title: string;
  hostname: string;
  /** open (open or acknowledged), suppressed, or resolved-this-month. */
  state: 'open' | 'suppressed' | 'resolved-this-month';
  status: string;
  raisedAt: string;
  age: AlertAge;
  acknowledgedAt: string;
  resolvedAt: string;
  /** Hours from raised to resolved, for resolved alerts. */
  hoursToResolve: number | null;
}

/** CSO actions not yet finished, and those finished earlier in the snapshot's month. */
export interface ActionEvidence {
  actionId: number;
  title: string;
  owner: string;
  dueDate: string;
  status: string;
  /** yes: not done yet (open or in progress). */
  open: YesNo;
  /** open (not yet due), overdue, or done-this-month. */
  state: 'open' | 'overdue' | 'done-this-month';
  hazardId: number | null;
}

/** Risk-accepted exceptions in force at the snapshot, as the store reads them (hosts never null). */
export type ExceptionEvidence = Omit<ExceptionRow, 'hosts'> & { hosts: string };

/** Faxes and pagers still in use: the register's, and faxes agents found that may not be registered. */
export interface DeviceEvidence {
  source: 'register' | 'agent';
  /** Register id, or the asset's id for an agent-found device. */
  id: number;
  kind: 'fax' | 'pager';
  name: string;
  site: string;
  location: string;
  status: string;
  plannedRemovalOn: string;
  /** A crash bleep kept by policy, signed off by the CSO. */
  retainedByPolicy: YesNo;
  /** Its planned removal date has passed and it is still in use. */
  removalOverdue: YesNo;
}

/**
 * Software judged on its own (not a distribution package or a part of the OS,
 * which follow the OS) that is unknown, by title and why: what the board's
 * "unknown, by reason" figures count. Snapshots taken before it existed have none.
 */
export type UnknownEvidence = UnknownTitleRow;

/** Every list as rows in full: how a snapshot taken before 0010 stored its evidence, in one document (frozen-evidence.ts reads it). */
export interface PostureEvidence {
  assets: AssetEvidence[];
  items: ItemEvidence[];
  alerts: AlertEvidence[];
  actions: ActionEvidence[];
  exceptions: ExceptionEvidence[];
  devices: DeviceEvidence[];
  unknown: UnknownEvidence[];
  /** The cyber-alert lists (cyber-evidence.ts): never in a whole-snapshot document, which predates them. */
  cyberAlerts?: CyberAlertEvidence[];
  cyberResponses?: CyberResponseEvidence[];
  cyberMachines?: CyberMachineEvidence[];
}

export type EvidenceList = keyof PostureEvidence;
/** One row of a list. */
export type EvidenceRow<L extends EvidenceList> = NonNullable<PostureEvidence[L]>[number];
export const EVIDENCE_LISTS: readonly EvidenceList[] = ['assets', 'items', 'alerts', 'actions', 'exceptions', 'devices', 'unknown', 'cyberAlerts', 'cyberResponses', 'cyberMachines'];
/** Lists added after snapshots were first taken: an older snapshot lacks them, which is no pruning. */
export const LATER_LISTS: readonly EvidenceList[] = ['unknown', 'cyberAlerts', 'cyberResponses', 'cyberMachines'];

/** Each list's columns in the order people read them: the evidence tables' headers, and what a filter may name. */
export const EVIDENCE_COLUMNS: { readonly [L in EvidenceList]: readonly (keyof EvidenceRow<L> & string)[] } = {
  assets: ['assetId', 'hostname', 'os', 'osStatus', 'posture', 'supportedOnly', 'osSupported', 'because', 'acceptedRisk', 'lastSeenAt', 'reporting', 'source', 'behind', 'windowsPatch'],
  items: ['assetId', 'hostname', 'kind', 'product', 'name', 'version', 'status', 'eol', 'extendedSupportEnd', 'endingWithin6Months'],
  alerts: ['alertId', 'rule', 'severity', 'title', 'hostname', 'state', 'status', 'raisedAt', 'age', 'acknowledgedAt', 'resolvedAt', 'hoursToResolve'],
  actions: ['actionId', 'title', 'owner', 'dueDate', 'status', 'open', 'state', 'hazardId'],
  exceptions: ['exceptionId', 'title', 'expiresOn', 'signedOffBy', 'signedOffAt', 'assets', 'hosts'],
  devices: ['source', 'id', 'kind', 'name', 'site', 'location', 'status', 'plannedRemovalOn', 'retainedByPolicy', 'removalOverdue'],
  unknown: ['name', 'vendor', 'source', 'reason', 'versions', 'installs'],
  cyberAlerts: ['reference', 'title', 'severity', 'published', 'addedAt', 'received', 'knownExploited', 'kevCves', 'affectedMachines', 'open'],
  cyberResponses: [
    'reference', 'title', 'severity', 'knownExploited', 'organisation', 'published', 'publishedThisMonth', 'acknowledgementDue', 'acknowledgedAt', 'acknowledged',
    'stage', 'affectedMachines', 'open', 'affectedSince', 'ageDays', 'daysSincePublished', 'remediatedAt', 'remediated',
  ],
  cyberMachines: ['reference', 'organisation', 'assetId', 'hostname', 'state', 'affectedSince', 'remediatedAt'],
};
