/** Per-list documents decode to the evidence they were made from, and the hash seals every list. */
import { describe, expect, it } from 'vitest';
import { decodeEvidence, encodeEvidence, hashEvidence } from '../../../src/report/evidence-codec.js';
import { evidenceRows, frozenFromRows, type FrozenEvidence } from '../../../src/report/frozen-evidence.js';
import { EVIDENCE_LISTS, type PostureEvidence } from '../../../src/report/posture-evidence.js';
import { computeFigures } from '../../../src/report/posture-figures.js';

const DAY = '2026-10-31';
const asset = (assetId: number, hostname: string) => ({
  assetId, hostname, os: 'Windows 10', osStatus: 'unsupported' as const, posture: 'unsupported' as const, supportedOnly: 'no' as const, osSupported: 'no' as const,
  because: 'operating system Windows 10 is unsupported', acceptedRisk: 'no' as const, lastSeenAt: '2026-10-30T09:00:00.000Z', reporting: 'yes' as const, source: 'agent' as const,
  behind: 'yes' as const, windowsPatch: 'behind over 90 days' as const,
});
const item = (assetId: number, hostname: string, kind: 'os' | 'software', name: string) => ({
  assetId, hostname, kind, product: name, name, version: '1', status: 'unsupported' as const, eol: '2025-10-14', extendedSupportEnd: null, endingWithin6Months: 'no' as const,
});

const rows: PostureEvidence = {
  assets: [asset(2, 'A-PC'), asset(1, 'B-PC')],
  items: [item(2, 'A-PC', 'os', 'Windows 10'), item(2, 'A-PC', 'software', 'Reader XI'), item(1, 'B-PC', 'os', 'Windows 10'), item(1, 'B-PC', 'software', 'Flash')],
  alerts: [{ alertId: 9, rule: 'r', severity: 'high', title: 't', hostname: 'A-PC', state: 'resolved-this-month', status: 'resolved', raisedAt: '2026-10-01T00:00:00.000Z', age: '0–2 days', acknowledgedAt: '', resolvedAt: '2026-10-01T05:00:00.000Z', hoursToResolve: 5 }],
  actions: [{ actionId: 1, title: 'a', owner: 'cso', dueDate: '2026-10-01', status: 'open', open: 'yes', state: 'overdue', hazardId: null }],
  exceptions: [{ exceptionId: 1, title: 'CT', expiresOn: '2027-06-30', signedOffBy: 'dr.cso', signedOffAt: '2026-10-05T10:00:00Z', assets: 1, hosts: 'A-PC' }],
  devices: [{ source: 'register', id: 1, kind: 'fax', name: 'fax 1', site: 'Main', location: '', status: 'in-use', plannedRemovalOn: '', retainedByPolicy: 'no', removalOverdue: 'no' }],
  unknown: [
    { name: 'Medway PAS Client', vendor: 'System C', source: 'registry', reason: 'unrecognised', versions: 2, installs: 7 },
    { name: 'Realtek High Definition Audio Driver', vendor: 'Realtek', source: 'registry', reason: 'no-published-lifecycle', versions: 1, installs: 3 },
  ],
  cyberAlerts: [{ reference: 'CC-1', title: 'Firefox', severity: 'critical', published: '2026-10-09', addedAt: '2026-10-09T08:00:00.000Z', received: 'published this month', knownExploited: 'no', kevCves: '', affectedMachines: 1, open: 'yes' }],
  cyberResponses: [{
    reference: 'CC-1', title: 'Firefox', severity: 'critical', knownExploited: 'no', organisation: 'RXX', published: '2026-10-09', publishedThisMonth: 'yes', acknowledgementDue: '2026-10-11T00:00:00.000Z',
    acknowledgedAt: '2026-10-10T09:00:00.000Z', acknowledged: 'within 48 hours', stage: 'acknowledged', affectedMachines: 1, open: 'yes', affectedSince: '2026-10-09T08:00:00.000Z', ageDays: 22,
    daysSincePublished: 22, remediatedAt: '', remediated: 'no',
  }],
  cyberMachines: [{ reference: 'CC-1', organisation: 'RXX', assetId: 2, hostname: 'A-PC', state: 'affected', affectedSince: '2026-10-09T08:00:00.000Z', remediatedAt: '' }],
};
const frozen = frozenFromRows(rows);
const documents = encodeEvidence(frozen);
const decoded = decodeEvidence(documents.map((d) => ({ list: d.list, json: d.json.toString() }))) as FrozenEvidence;

describe('evidence documents', () => {
  it('holds one document per list, in list order', () => {
    expect(documents.map((d) => d.list)).toEqual(EVIDENCE_LISTS);
  });

  it('decodes to the same figures and the same rows for every list', () => {
    expect(JSON.stringify(computeFigures(decoded, DAY))).toBe(JSON.stringify(computeFigures(frozen, DAY)));
    for (const list of EVIDENCE_LISTS) expect(evidenceRows(decoded, list, {})).toEqual(evidenceRows(frozen, list, {}));
    expect(evidenceRows(decoded, 'items', {}).rows).toEqual(rows.items);
  });

  it('changes the hash when any list changes', () => {
    const changed = documents.map((d) => (d.list === 'devices' ? { ...d, json: Buffer.from(d.json.toString().replace('fax 1', 'fax 2')) } : d));
    expect(hashEvidence(changed)).not.toBe(hashEvidence(documents));
  });

  it('reads a snapshot taken before per-list storage from its one document', () => {
    const whole = decodeEvidence([{ list: 'all', json: JSON.stringify(rows) }]) as FrozenEvidence;
    expect(JSON.stringify(computeFigures(whole, DAY))).toBe(JSON.stringify(computeFigures(frozen, DAY)));
  });
});
