/** The board figures and their wording from hand-made evidence: no database, a fixed day. */
import { describe, expect, it } from 'vitest';
import { narrate } from '../../../src/report/narrate.js';
import type { AssetEvidence, DeviceEvidence, ItemEvidence, PostureEvidence } from '../../../src/report/posture-evidence.js';
import { evidenceRows, frozenFromRows } from '../../../src/report/frozen-evidence.js';
import { computeFigures } from '../../../src/report/posture-figures.js';
import type { KeyFigures } from '../../../src/report/key-figures.js';

const DAY = '2026-10-31';

function asset(id: number, posture: AssetEvidence['posture'], more: Partial<AssetEvidence> = {}): AssetEvidence {
  const supportedOnly = posture === 'supported' || posture === 'ending-soon' ? 'yes' : 'no';
  return {
    assetId: id, hostname: `PC${id}`, os: 'Windows 11', osStatus: 'supported', posture, supportedOnly, because: '', acceptedRisk: 'no',
    lastSeenAt: '2026-10-30T09:00:00Z', reporting: 'yes', source: 'agent', ...more,
  };
}

function item(assetId: number, product: string, status: ItemEvidence['status'], eol: string, more: Partial<ItemEvidence> = {}): ItemEvidence {
  return { assetId, hostname: `PC${assetId}`, kind: 'software', product, name: product, version: '1', status, eol, extendedSupportEnd: null, endingWithin6Months: 'no', ...more };
}

function device(id: number, kind: 'fax' | 'pager', more: Partial<DeviceEvidence> = {}): DeviceEvidence {
  return { source: 'register', id, kind, name: `${kind} ${id}`, site: 'Main', location: '', status: 'in-use', plannedRemovalOn: '', retainedByPolicy: 'no', removalOverdue: 'no', ...more };
}

const evidence: PostureEvidence = {
  assets: [
    asset(1, 'supported'), asset(2, 'ending-soon'), asset(3, 'unknown'), asset(4, 'unsupported', { osStatus: 'unsupported', acceptedRisk: 'yes' }),
    asset(5, 'unsupported', { reporting: 'no', source: 'import' }),
  ],
  items: [
    item(4, 'Windows 7 SP1', 'unsupported', '2020-01-14', { kind: 'os' }),
    item(5, 'Adobe Reader XI', 'unsupported', '2017-10-15'),
    item(4, 'Adobe Reader XI', 'unsupported', '2017-10-15'),
    item(5, 'Office 2016', 'unsupported', '2025-10-14'),
    item(2, 'Windows 11 23H2', 'ending-soon', '2026-11-11', { kind: 'os', endingWithin6Months: 'yes' }),
    item(1, 'Java 21', 'supported', '2027-01-31', { endingWithin6Months: 'yes' }),
  ],
  alerts: [
    { alertId: 1, rule: 'r', severity: 'high', title: 't', hostname: 'PC4', state: 'open', status: 'open', raisedAt: '2026-10-01T00:00:00Z', age: '8–30 days', acknowledgedAt: '', resolvedAt: '', hoursToResolve: null },
    { alertId: 2, rule: 'r', severity: 'high', title: 't', hostname: 'PC5', state: 'resolved-this-month', status: 'resolved', raisedAt: '2026-10-01T00:00:00Z', age: '0–2 days', acknowledgedAt: '', resolvedAt: '2026-10-02T00:00:00Z', hoursToResolve: 24 },
    { alertId: 3, rule: 'r', severity: 'low', title: 't', hostname: 'PC3', state: 'resolved-this-month', status: 'resolved', raisedAt: '2026-10-01T00:00:00Z', age: '3–7 days', acknowledgedAt: '', resolvedAt: '2026-10-04T00:00:00Z', hoursToResolve: 72 },
  ],
  actions: [
    { actionId: 1, title: 'a', owner: 'cso', dueDate: '2026-10-01', status: 'open', open: 'yes', state: 'overdue', hazardId: null },
    { actionId: 2, title: 'b', owner: 'cso', dueDate: '2026-12-01', status: 'in-progress', open: 'yes', state: 'open', hazardId: null },
    { actionId: 3, title: 'c', owner: 'cso', dueDate: '2026-10-20', status: 'done', open: 'no', state: 'done-this-month', hazardId: null },
  ],
  exceptions: [{ exceptionId: 1, title: 'CT console', expiresOn: '2027-06-30', signedOffBy: 'dr.cso', signedOffAt: '2026-10-05T10:00:00Z', assets: 1, hosts: 'PC4' }],
  devices: [
    device(1, 'fax', { plannedRemovalOn: '2026-09-30', removalOverdue: 'yes' }),
    device(2, 'fax', { plannedRemovalOn: '2027-01-15' }),
    device(3, 'pager', { retainedByPolicy: 'yes' }),
    device(4, 'pager', { plannedRemovalOn: '2026-11-30' }),
    { ...device(99, 'fax'), source: 'agent' },
  ],
  unknown: [
    { name: 'Medway PAS Client', vendor: 'System C', source: 'registry', reason: 'unrecognised', versions: 2, installs: 7 },
    { name: 'Ward Board', vendor: '', source: 'registry', reason: 'unrecognised', versions: 1, installs: 2 },
    { name: 'Realtek High Definition Audio Driver', vendor: 'Realtek', source: 'registry', reason: 'no-published-lifecycle', versions: 1, installs: 3 },
  ],
};

const frozen = frozenFromRows(evidence);
const f = computeFigures(frozen, DAY);
const previous = (supportedPct: number) => ({ month: '2026-09', day: '2026-09-30', figures: { supportedPct } as KeyFigures });

describe('computeFigures', () => {
  it('counts each asset once in its worst class, and only supported or ending-soon assets in the headline', () => {
    expect(f.assets.total.value).toBe(5);
    expect(f.assets.supportedOnly.value).toBe(2);
    expect(f.assets.supportedPct).toBe(40);
    expect(f.assets.byPosture.unknown.value).toBe(1);
    expect(f.assets.unsupportedWithoutException.value).toBe(1);
  });

  it('counts unknown programs and their installs apart by why, each count linked to its rows', () => {
    const u = f.unknown;
    expect(u?.titles.unrecognised).toMatchObject({ value: 2, list: 'unknown', filter: { reason: 'unrecognised' } });
    expect(u?.installs.unrecognised).toBe(9);
    expect(u?.titles['no-published-lifecycle'].value).toBe(1);
    expect(u?.installs['no-published-lifecycle']).toBe(3);
    expect(u?.titles['data-stale'].value).toBe(0);
  });

  it('has no unknown figures for a snapshot taken before they were recorded, rather than zeros', () => {
    const { unknown: _, ...older } = evidence;
    expect(computeFigures({ ...frozenFromRows({ ...older, unknown: [] }), unknown: undefined }, DAY)).not.toHaveProperty('unknown');
  });

  it('ranks top products by installs and names where they are, in the assets list order', () => {
    expect(f.unsupportedSoftware.top.map((p) => [p.product, p.count.value, p.hosts])).toEqual([['Adobe Reader XI', 2, ['PC4', 'PC5']], ['Office 2016', 1, ['PC5']]]);
    expect(f.unsupportedSoftware.assets).toBe(2);
    expect(f.unsupportedOs.assets.value).toBe(1);
  });

  it('lists what ends in the next six months soonest first', () => {
    expect(f.endingSoon.products.map((p) => p.product)).toEqual(['Windows 11 23H2', 'Java 21']);
  });

  it('takes the mean time to resolve over alerts resolved this month only', () => {
    expect(f.alerts.open.value).toBe(1);
    expect(f.alerts.bySeverity.high.byAge['8–30 days'].value).toBe(1);
    expect(f.alerts.meanHoursToResolve).toBe(48);
  });

  it('counts open and overdue actions, and coverage by source', () => {
    expect([f.actions.open.value, f.actions.overdue.value, f.actions.doneThisMonth.value]).toEqual([2, 1, 1]);
    expect([f.coverage.reporting.value, f.coverage.reportingPct, f.coverage.byImport.value]).toEqual([4, 80, 0]);
  });

  it('plans fax and pager removals month by month, keeping retained bleeps and missed dates', () => {
    expect(f.devices.fax.inRegister.value).toBe(2);
    expect(f.devices.fax.foundByAgents.value).toBe(1);
    expect(f.devices.fax.plan.slice(0, 4)).toEqual([{ at: '2026-11-30', count: 2 }, { at: '2026-12-31', count: 2 }, { at: '2027-01-31', count: 1 }, { at: '2027-02-28', count: 1 }]);
    expect(f.devices.pager.plan[0]).toEqual({ at: '2026-11-30', count: 1 });
  });

  it('gives every figure the filter that selects exactly its rows', () => {
    for (const fig of [f.assets.supportedOnly, f.unsupportedOs.assets, f.alerts.resolvedThisMonth, f.devices.pager.retainedByPolicy, f.unsupportedSoftware.top[0]!.count]) {
      expect(evidenceRows(frozen, fig.list, fig.filter).rows).toHaveLength(fig.value);
    }
  });
});

describe('narrate', () => {
  it('says up, down or unchanged against the month before, or that there is nothing to compare', () => {
    expect(narrate(f, previous(37.5), DAY)[0]).toBe('40.0% of the estate (2 of 5 assets) runs only supported software, up 2.5 points on September 2026.');
    expect(narrate(f, previous(45), DAY)[0]).toContain('down 5.0 points on September 2026.');
    expect(narrate(f, previous(40), DAY)[0]).toContain('unchanged on September 2026.');
    expect(narrate(f, null, DAY)[0]).toContain('there is no figure for the month before to compare with.');
  });

  it('warns first when fewer than 90% of assets reported in the last week', () => {
    const last = narrate(f, null, DAY).at(-1);
    expect(last).toBe('Warning: coverage is low. 4 of 5 registered assets (80.0%) reported in the 7 days to 31 October 2026. Figures for the rest are out of date and may be worse than shown.');
  });

  it('says so plainly when nothing is registered', () => {
    const empty = computeFigures(frozenFromRows({ assets: [], items: [], alerts: [], actions: [], exceptions: [], devices: [], unknown: [] }), DAY);
    const text = narrate(empty, null, DAY);
    expect(text[0]).toBe('0.0% of the estate (0 of 0 assets) runs only supported software; there is no figure for the month before to compare with.');
    expect(text.at(-1)).toBe('Warning: no assets are registered, so every figure above is empty.');
  });

  it('names the fax past its planned date in the singular', () => {
    expect(narrate(f, null, DAY).find((s) => s.startsWith('Faxes'))).toBe(
      'Faxes: 2 remain in the register (national target: out of use by 31 March 2020), 1 past its planned removal date; agents also found 1 fax device. Pagers: 2 remain, 1 of them emergency bleeps kept by signed-off policy.',
    );
  });
});
