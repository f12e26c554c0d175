/**
 * The board's cyber-alert figures in words (issue 23 point 5), defined once
 * for the report page, its PDF and docs/board-report.md. Honest when there is
 * nothing: a month without cyber alerts says so rather than dropping the section.
 */
import type { CyberFigures } from './cyber-figures.js';
import { count, longMonth } from './plain-english.js';

/** What "received" counts. */
export const CYBER_RECEIVED_DEFINITION =
  'Received counts the NHS cyber alerts published in the month (by the publication day the alert gives), and states apart those published earlier that reached this hub in the month.';

/** What "acknowledged within 48 hours" counts. */
export const CYBER_ACKNOWLEDGED_DEFINITION =
  'Acknowledged within 48 hours counts, of the responses due for alerts published in the month (one for each alert and each trust), those acknowledged by 48 hours from the start of the publication day (UTC), the national target; "not yet" is still unacknowledged when the snapshot was taken.';

/** What "remediated" and "still open" count. */
export const CYBER_REMEDIATED_DEFINITION =
  'Remediated counts the alerts (for each trust) whose last affected machine left the list in the month, and the machines whose last affected install did (a machine fixed for two alerts counts twice). Still open lists each alert with a machine still affected when the snapshot was taken, with its age from the oldest still-affected install and from publication.';

/** The narrative's sentence; null for a snapshot that did not record cyber alerts. */
export function cyberSentence(c: CyberFigures | undefined, month: string): string | null {
  if (!c) return null;
  const published = c.received.published.value;
  const added = c.received.addedLater.value;
  const open = c.open.alerts.value;
  if (!published && !added && !open && !c.remediated.responses.value && !c.remediated.machines.value) {
    return `No NHS cyber alert was received in ${longMonth(month)}, and none is open on any machine.`;
  }
  const addedText = added ? ` (and ${count(added, 'alert')} published earlier reached the hub)` : '';
  const received = `Cyber alerts: ${published ? count(published, 'alert') : 'none'} published in ${longMonth(month)}${addedText}`;
  return `${received}; ${acknowledgedText(c)}; ${remediatedText(c)}; ${openText(c)}.`;
}

function acknowledgedText(c: CyberFigures): string {
  const { due, withinTarget, notYet } = c.acknowledgement;
  if (!due.value) return 'no acknowledgement fell due this month';
  return `${withinTarget.value} of ${count(due.value, 'response')} acknowledged within 48 hours${notYet.value ? `, ${notYet.value} not yet acknowledged` : ''}`;
}

function remediatedText(c: CyberFigures): string {
  const { responses, machines } = c.remediated;
  return `${responses.value} remediated this month (${count(machines.value, 'machine')} fixed)`;
}

function openText(c: CyberFigures): string {
  const { alerts, machines } = c.open;
  return alerts.value ? `${count(alerts.value, 'alert')} still open on ${count(machines.value, 'machine')}` : 'none still open';
}
