/** The fax/pager trajectory from the status history and the planned removal dates, in a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceTrajectory, monthEnds } from '../../src/devices/trajectory.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await createTestHub();
  const db = hub.deps.db;
  const add = (name: string, site: string, planned: string | null, history: [string, string][]) => {
    const [lastAt, lastStatus] = history.at(-1) as [string, string];
    const gone = lastStatus === 'decommissioned';
    const id = db.prepare(`INSERT INTO registered_devices (kind, name, site, status, planned_removal_on, decommissioned_at, decommission_reason, created_at, updated_at)
        VALUES ('fax', ?, ?, ?, ?, ?, ?, '2025-01-01', '2025-01-01') RETURNING id`).pluck().get(name, site, lastStatus, planned, gone ? lastAt : null, gone ? 'moved to NHSmail' : null);
    for (const [at, status] of history) db.prepare('INSERT INTO device_status_history (device_id, status, at) VALUES (?, ?, ?)').run(id, status, `${at}T09:00:00Z`);
  };
  add('Ward 7 fax', 'St Mary', '2026-12-31', [['2025-01-10', 'in-use']]);
  add('Ward 12 fax', 'St Mary', '2027-03-31', [['2025-01-10', 'in-use'], ['2026-02-01', 'replacement-planned']]);
  add('Pharmacy fax', 'Royal', null, [['2025-01-10', 'in-use']]);
  add('Old ED fax', 'St Mary', '2026-05-31', [['2025-01-10', 'in-use'], ['2026-05-20', 'decommissioned']]);
});
afterAll(() => hub.close());

describe('deviceTrajectory', () => {
  it('lists month ends around today', () => {
    expect(monthEnds('2026-11-23', 2, 1)).toEqual(['2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
  });

  it('counts what was in use at each month end from the history, then what the plan leaves', () => {
    const t = deviceTrajectory(hub.deps.db, null, { kind: 'fax' }, '2026-11-23', 7, 5);
    const at = (day: string) => t.points.find((p) => p.at === day);
    expect(at('2026-04-30')).toEqual({ at: '2026-04-30', count: 4, planned: false });
    expect(at('2026-05-31')).toEqual({ at: '2026-05-31', count: 3, planned: false });
    expect(at('2026-11-23')).toEqual({ at: '2026-11-23', count: 3, planned: false });
    expect(at('2026-12-31')).toEqual({ at: '2026-12-31', count: 2, planned: true });
    expect(at('2027-03-31')).toEqual({ at: '2027-03-31', count: 1, planned: true });
    expect(t.target).toBe('2020-03-31');
  });

  it('narrows to one site', () => {
    const t = deviceTrajectory(hub.deps.db, null, { kind: 'fax', site: 'royal' }, '2026-11-23', 1, 1);
    expect(t.points.map((p) => [p.at, p.count])).toEqual([['2026-10-31', 1], ['2026-11-23', 1], ['2026-11-30', 1], ['2026-12-31', 1]]);
  });
});

describe('where the trajectory starts and what a missed target leaves', () => {
  it('starts at the register’s first record of such a device: no month end before it is drawn as a zero nobody counted', () => {
    const t = deviceTrajectory(hub.deps.db, null, { kind: 'fax' }, '2026-11-23', 30, 1);
    const measured = t.points.filter((p) => !p.planned);
    expect(measured[0]).toEqual({ at: '2025-01-31', count: 4, planned: false });
    expect(measured.at(-1)).toEqual({ at: '2026-11-23', count: 3, planned: false });
    expect(measured.every((p) => p.count > 0)).toBe(true);
  });

  it('shows only today, then the plan, for a kind the register has no history of', () => {
    const t = deviceTrajectory(hub.deps.db, null, { kind: 'fax', site: 'nowhere' }, '2026-11-23', 12, 1);
    expect(t.points).toEqual([{ at: '2026-11-23', count: 0, planned: false }, { at: '2026-11-30', count: 0, planned: true }, { at: '2026-12-31', count: 0, planned: true }]);
    expect(t.stillInUse).toBe(0);
  });

  it('counts the devices in use now that the national target covers', () => {
    expect(deviceTrajectory(hub.deps.db, null, { kind: 'fax' }, '2026-11-23', 1, 1).stillInUse).toBe(3);
  });
});

describe('the plan', () => {
  it('keeps a device whose planned removal date has already been missed', () => {
    hub.deps.db.prepare(`INSERT INTO registered_devices (kind, name, site, status, planned_removal_on, created_at, updated_at)
        VALUES ('pager', 'Late pager', 'St Mary', 'in-use', '2021-12-31', '2025-01-01', '2025-01-01')`).run();
    const t = deviceTrajectory(hub.deps.db, null, { kind: 'pager' }, '2026-11-23', 0, 2);
    expect(t.points.filter((p) => p.planned).map((p) => p.count)).toEqual([1, 1, 1]);
  });

  it('leaves a crash bleep kept by signed-off policy out of what a missed target leaves', () => {
    hub.deps.db.prepare(`INSERT INTO registered_devices (kind, name, site, status, retained_by_policy, created_at, updated_at)
        VALUES ('pager', 'Crash bleep', 'St Mary', 'in-use', 1, '2025-01-01', '2025-01-01')`).run();
    expect(deviceTrajectory(hub.deps.db, null, { kind: 'pager' }, '2026-11-23', 0, 1).stillInUse).toBe(1);
  });
});
