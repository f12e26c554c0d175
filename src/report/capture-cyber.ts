/**
 * Freezes the cyber alerts that bear on a snapshot's month (cyber-evidence.ts):
 * read inside the snapshot's transaction, so the figures count the alerts,
 * responses and machines as they stood at that moment.
 */
import { cyberResponseView } from '../cyber/cyber-response-view.js';
import { knownExploited } from '../cyber/known-exploited.js';
import type { KevCatalogue } from '../cyber/read-kev.js';
import { daysBetween } from '../lifecycle/status-from-dates.js';
import { listAllCyberResponses, type CyberResponseRow } from '../store/cyber-alert-responses.js';
import { listCyberAlerts, type CyberAlertRow } from '../store/cyber-alerts.js';
import { listCyberMachinesSince, type CyberMachineCaptureRow } from '../store/cyber-board-capture.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import type { CyberAcknowledged, CyberAlertEvidence, CyberMachineEvidence, CyberReceived, CyberResponseEvidence } from './cyber-evidence.js';
import type { FrozenEvidence } from './frozen-evidence.js';
import type { YesNo } from './posture-evidence.js';
import { localDay, monthOf } from './trust-calendar.js';

/** Where the snapshot stands: its local day, the instant its month began, its moment, and the trust's clock. */
export interface CyberCaptureMoment {
  day: string;
  monthStart: string;
  now: Date;
  timeZone: string;
}

type CyberLists = Required<Pick<FrozenEvidence, 'cyberAlerts' | 'cyberResponses' | 'cyberMachines'>>;

const yes = (b: boolean): YesNo => (b ? 'yes' : 'no');

export function captureCyber(db: Db, org: OrgScope, at: CyberCaptureMoment, kev: KevCatalogue | null): CyberLists {
  const machines = listCyberMachinesSince(db, org, at.monthStart);
  const touched = new Set(machines.map((m) => m.cyberAlertId));
  const alerts = listCyberAlerts(db, org).filter((a) => touched.has(a.id) || receivedIn(a, at) !== 'earlier').reverse();
  const kept = new Map(alerts.map((a) => [a.id, alertEvidence(a, at, kev)]));
  const responses = listAllCyberResponses(db, org).flatMap((r) => {
    const alert = kept.get(r.cyberAlertId);
    return alert ? [responseEvidence(r, alert, machines, at)] : [];
  });
  return { cyberAlerts: [...kept.values()], cyberResponses: responses, cyberMachines: machines.map(machineEvidence) };
}

function receivedIn(a: Pick<CyberAlertRow, 'published' | 'addedAt'>, at: CyberCaptureMoment): CyberReceived {
  if (monthOf(a.published) === monthOf(at.day)) return 'published this month';
  return a.addedAt >= at.monthStart ? 'added this month' : 'earlier';
}

function alertEvidence(a: CyberAlertRow, at: CyberCaptureMoment, kev: KevCatalogue | null): CyberAlertEvidence {
  const exploited = kev ? knownExploited(a, kev) : null;
  return {
    reference: a.reference, title: a.title, severity: a.severity, published: a.published, addedAt: a.addedAt, received: receivedIn(a, at),
    knownExploited: yes(exploited !== null), kevCves: exploited?.cves.map((c) => c.cve).join(', ') ?? '',
    affectedMachines: a.affectedMachines, open: yes(a.affectedMachines > 0),
  };
}

function responseEvidence(r: CyberResponseRow, alert: CyberAlertEvidence, machines: readonly CyberMachineCaptureRow[], at: CyberCaptureMoment): CyberResponseEvidence {
  const view = cyberResponseView(r, at.now);
  const since = oldestAffected(machines.filter((m) => m.reference === r.reference && m.organisation === r.organisation));
  return {
    reference: r.reference, title: alert.title, severity: alert.severity, knownExploited: alert.knownExploited, organisation: r.organisation,
    published: r.published, publishedThisMonth: yes(alert.received === 'published this month'),
    acknowledgementDue: view.acknowledgement.due, acknowledgedAt: r.acknowledgedAt ?? '', acknowledged: acknowledgedBy(view.acknowledgement),
    stage: view.stage, affectedMachines: r.affectedMachines, open: yes(r.affectedMachines > 0),
    affectedSince: since ?? '', ageDays: since === null ? null : daysBetween(localDay(new Date(since), at.timeZone), at.day),
    daysSincePublished: daysBetween(r.published, at.day),
    remediatedAt: r.lastRemediatedAt ?? '', remediated: r.lastRemediatedAt === null ? 'no' : r.lastRemediatedAt >= at.monthStart ? 'this month' : 'before this month',
  };
}

function acknowledgedBy(a: { at: string | null; late: boolean }): CyberAcknowledged {
  if (a.at === null) return 'not yet';
  return a.late ? 'late' : 'within 48 hours';
}

/** The oldest `since` among machines still affected; null when none is. */
function oldestAffected(machines: readonly CyberMachineCaptureRow[]): string | null {
  const since = machines.flatMap((m) => (m.affectedSince === null ? [] : [m.affectedSince])).sort();
  return since[0] ?? null;
}

function machineEvidence(m: CyberMachineCaptureRow): CyberMachineEvidence {
  return {
    reference: m.reference, organisation: m.organisation, assetId: m.assetId, hostname: m.hostname,
    state: m.remediatedAt === null ? 'affected' : 'remediated this month', affectedSince: m.affectedSince ?? '', remediatedAt: m.remediatedAt ?? '',
  };
}
