/**
 * Each evidence column as a reader sees it: its name in words, and its value
 * readable (instants on the trust's clock, days as dates) and, where the row
 * names a record that has a page, linked to that page as it is now. The
 * columns themselves, and what a filter may name, stay the snapshot's own
 * (report/posture-evidence.ts EVIDENCE_COLUMNS).
 */
import type { EVIDENCE_COLUMNS, EvidenceList } from '../../../report/posture-evidence.js';
import { dateTimeText, shortDate } from '../../../report/plain-english.js';

/** How a column's value is shown: as it is, as an instant or a day, or linked to a record's page. */
type Shown = 'text' | 'instant' | 'day' | 'asset' | 'host' | 'hosts' | 'alert' | 'action' | 'hazard' | 'exception' | 'device' | 'cyberAlert';

interface Column {
  label: string;
  shown?: Shown;
  /** May hold one long unbroken word (a machine's full name, a build number): it wraps anywhere rather than push the table past the window. */
  long?: true;
}

export const EVIDENCE_COLUMN_TEXT: { readonly [L in EvidenceList]: Readonly<Record<(typeof EVIDENCE_COLUMNS)[L][number], Column>> } = {
  assets: {
    assetId: { label: 'Asset no.' }, hostname: { label: 'Host', shown: 'asset', long: true }, os: { label: 'Operating system' }, osStatus: { label: 'OS status' },
    posture: { label: 'Worst item' }, supportedOnly: { label: 'Only supported software' }, osSupported: { label: 'Supported OS' }, because: { label: 'Because' },
    acceptedRisk: { label: 'Risk accepted' }, lastSeenAt: { label: 'Last seen', shown: 'instant' }, reporting: { label: 'Reported in last 7 days' }, source: { label: 'Source' },
    behind: { label: 'Behind on patches' }, windowsPatch: { label: 'Windows update' },
  },
  items: {
    assetId: { label: 'Asset no.' }, hostname: { label: 'Host', shown: 'asset', long: true }, kind: { label: 'Kind' }, product: { label: 'Product and release' }, name: { label: 'Name' },
    version: { label: 'Version', long: true }, status: { label: 'Status' }, eol: { label: 'Security support ends', shown: 'day' }, extendedSupportEnd: { label: 'Extended support ends', shown: 'day' },
    endingWithin6Months: { label: 'Ends within 6 months' },
  },
  alerts: {
    alertId: { label: 'Alert', shown: 'alert' }, rule: { label: 'Rule', long: true }, severity: { label: 'Severity' }, title: { label: 'Title' }, hostname: { label: 'Host', shown: 'host', long: true },
    state: { label: 'State' }, status: { label: 'Status' }, raisedAt: { label: 'Raised', shown: 'instant' }, age: { label: 'Age' },
    acknowledgedAt: { label: 'Acknowledged', shown: 'instant' }, resolvedAt: { label: 'Resolved', shown: 'instant' }, hoursToResolve: { label: 'Hours to resolve' },
  },
  actions: {
    actionId: { label: 'Action', shown: 'action' }, title: { label: 'Title' }, owner: { label: 'Owner' }, dueDate: { label: 'Due', shown: 'day' }, status: { label: 'Status' },
    open: { label: 'Open' }, state: { label: 'State' }, hazardId: { label: 'Hazard', shown: 'hazard' },
  },
  exceptions: {
    exceptionId: { label: 'Exception', shown: 'exception' }, title: { label: 'Title' }, expiresOn: { label: 'Expires', shown: 'day' }, signedOffBy: { label: 'Signed off by' },
    signedOffAt: { label: 'Signed off', shown: 'instant' }, assets: { label: 'Assets' }, hosts: { label: 'Hosts', shown: 'hosts', long: true },
  },
  devices: {
    source: { label: 'Source' }, id: { label: 'Record', shown: 'device' }, kind: { label: 'Kind' }, name: { label: 'Name' }, site: { label: 'Site' }, location: { label: 'Location' },
    status: { label: 'Status' }, plannedRemovalOn: { label: 'Planned removal', shown: 'day' }, retainedByPolicy: { label: 'Kept by policy' }, removalOverdue: { label: 'Past planned removal' },
  },
  unknown: {
    name: { label: 'Program' }, vendor: { label: 'Vendor' }, source: { label: 'Found in' }, reason: { label: 'Why unknown' }, versions: { label: 'Versions' }, installs: { label: 'Installs' },
  },
  cyberAlerts: {
    reference: { label: 'Reference', shown: 'cyberAlert' }, title: { label: 'Title' }, severity: { label: 'Severity' }, published: { label: 'Published', shown: 'day' }, addedAt: { label: 'Added to the hub', shown: 'instant' },
    received: { label: 'Received' }, knownExploited: { label: 'Known exploited' }, kevCves: { label: 'Known exploited CVEs' }, affectedMachines: { label: 'Machines affected' }, open: { label: 'Still open' },
  },
  cyberResponses: {
    reference: { label: 'Reference', shown: 'cyberAlert' }, title: { label: 'Title' }, severity: { label: 'Severity' }, knownExploited: { label: 'Known exploited' }, organisation: { label: 'Trust' },
    published: { label: 'Published', shown: 'day' }, publishedThisMonth: { label: 'Published this month' }, acknowledgementDue: { label: 'Acknowledgement due', shown: 'instant' },
    acknowledgedAt: { label: 'Acknowledged', shown: 'instant' }, acknowledged: { label: 'Acknowledged by target' }, stage: { label: 'Stage' }, affectedMachines: { label: 'Machines affected' },
    open: { label: 'Still open' }, affectedSince: { label: 'Affected since', shown: 'instant' }, ageDays: { label: 'Days affected' }, daysSincePublished: { label: 'Days since published' },
    remediatedAt: { label: 'Remediated', shown: 'instant' }, remediated: { label: 'Remediated when' },
  },
  cyberMachines: {
    reference: { label: 'Reference', shown: 'cyberAlert' }, organisation: { label: 'Trust' }, assetId: { label: 'Asset no.' }, hostname: { label: 'Host', shown: 'asset', long: true }, state: { label: 'State' },
    affectedSince: { label: 'Affected since', shown: 'instant' }, remediatedAt: { label: 'Remediated', shown: 'instant' },
  },
};

const columnOf = (list: EvidenceList, column: string): Column => (EVIDENCE_COLUMN_TEXT[list] as Record<string, Column>)[column] ?? { label: column };

/** A column's name in words. */
export const columnLabel = (list: EvidenceList, column: string) => columnOf(list, column).label;

/** A host's machines in the assets list: the name a row gives may be an agent's or an import's spelling. */
const hostHref = (hostname: string) => `/assets?${new URLSearchParams({ q: hostname })}`;

/** What an alert about the estate as a whole gives as its host: no machine to link to. */
const NO_HOST = '(estate-wide)';

/** One cell of an evidence row, readable and linked. */
export function EvidenceCell({ list, column, row, timeZone }: { list: EvidenceList; column: string; row: Record<string, unknown>; timeZone: string }) {
  const { shown = 'text', long } = columnOf(list, column);
  return <td class={long && 'long'}>{cellContent(shown, row[column], row, timeZone)}</td>;
}

function cellContent(shown: Shown, v: unknown, row: Record<string, unknown>, timeZone: string) {
  if (v === null || v === undefined || v === '') return '—';
  const text = String(v);
  const link = (href: string, words = text) => <a href={href}>{words}</a>;
  switch (shown) {
    case 'instant': return dateTimeText(text, timeZone);
    case 'day': return shortDate(text);
    case 'asset': return link(`/assets/${String(row.assetId)}`);
    case 'host': return text === NO_HOST ? text : link(hostHref(text));
    case 'hosts': return text.split(', ').map((h, i) => <>{i > 0 && ', '}{link(hostHref(h), h)}</>);
    case 'alert': return link(`/alerts/${text}`, `#${text}`);
    case 'action': return link(`/actions/${text}`, `#${text}`);
    case 'hazard': return link(`/hazards/${text}`, `#${text}`);
    case 'exception': return link(`/exceptions/${text}`, `#${text}`);
    case 'cyberAlert': return link(`/cyber-alerts/${encodeURIComponent(text)}`);
    // An agent-found fax is the machine it was found on; a registered one, its register record.
    case 'device': return link(row.source === 'agent' ? `/assets/${text}` : `/devices/${text}`, `#${text}`);
    case 'text': return text;
  }
}
