/**
 * The unknown-software-spread condition's count of machines per trust and
 * program (store/alert-findings.ts findUnknownSoftwareSpread), read from the
 * kept per-trust version counts, against every install counted one by one:
 * after machines carrying two versions of one program, a count that only the
 * double-counted versions lift over the threshold, changed reports and a
 * version given a verdict. (An asset's trust never changes, and no asset is
 * deleted: the kept per-trust counts follow the installs, migration 0040.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/contract/report.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { findUnknownSoftwareSpread, type SpreadingProgram } from '../../src/store/alert-findings.js';
import { updateSoftwareVerdicts, type SoftwareKey } from '../../src/store/software.js';
import { inTransaction } from '../../src/store/statements.js';
import { demoReports } from '../../src/demo/demo-estate.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

const MIN_ASSETS = 3;
let hub: TestHub;
let second: number;

/** The condition's answer, its versions as a sorted list (their order is the store's). */
function kept(): SpreadingProgram[] {
  return findUnknownSoftwareSpread(hub.deps.db, MIN_ASSETS).map((p) => ({ ...p, assets: Number(p.assets), versions: sortedList(p.versions) }));
}

/** Every install of an unjudged version read and its machines counted distinct: what the kept counts must agree with. */
function countedOneByOne(): SpreadingProgram[] {
  const rows = hub.deps.db
    .prepare(`SELECT a.organisation_id AS organisationId, s.name, count(DISTINCT i.asset_id) AS assets, s.version
      FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE s.os_link <> 'follows' AND s.status = 'unknown'
      GROUP BY a.organisation_id, s.name, s.version`)
    .all() as { organisationId: number; name: string; assets: number | string; version: string }[];
  const machines = hub.deps.db
    .prepare(`SELECT a.organisation_id AS organisationId, s.name, count(DISTINCT i.asset_id) AS assets
      FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE s.os_link <> 'follows' AND s.status = 'unknown'
      GROUP BY a.organisation_id, s.name`)
    .all() as { organisationId: number; name: string; assets: number | string }[];
  return machines
    .filter((m) => Number(m.assets) >= MIN_ASSETS)
    .map((m) => ({
      organisationId: m.organisationId,
      name: m.name,
      assets: Number(m.assets),
      versions: sortedList(rows.filter((r) => r.organisationId === m.organisationId && r.name === m.name).map((r) => r.version).join(',')),
    }));
}

const sortedList = (list: string) => list.split(',').sort().join(',');
const byTrustAndName = (a: SpreadingProgram, b: SpreadingProgram) => a.organisationId - b.organisationId || a.name.localeCompare(b.name);

function expectCountsExact(): void {
  expect(kept().sort(byTrustAndName)).toEqual(countedOneByOne().sort(byTrustAndName));
}

/** A machine of `trust` carrying exactly these versions of bespoke programs no rule knows. */
function machine(hostname: string, trust: number, software: [name: string, version: string][]): void {
  const base = demoReports(TEST_NOW)[0]!;
  const report: Report = { ...base, host: { ...base.host, hostname, fqdn: undefined }, software: software.map(([name, version]) => ({ name, version, source: 'registry' as const, vendor: 'Ward Systems Ltd' })), devices: [] };
  ingestReport(hub.deps, report, { agentId: null, organisationId: trust, idempotencyKey: `${hostname}-${JSON.stringify(software)}` });
}

const spreadOf = (name: string, trust: number) => kept().find((p) => p.name === name && p.organisationId === trust);

beforeAll(async () => {
  hub = await createTestHub();
  second = addTrust(hub.deps.db, 'RYY');
  // WardTrack on four machines of the first trust, in two versions, one machine carrying both: three machines, four installs.
  machine('WT-1', FIRST_TRUST, [['WardTrack Client', '1.0']]);
  machine('WT-2', FIRST_TRUST, [['WardTrack Client', '1.0']]);
  machine('WT-3', FIRST_TRUST, [['WardTrack Client', '2.0'], ['WardTrack Client', '1.0']]);
  // BedBoard: two machines carrying both of its versions, so four installs but two machines, under the threshold of three.
  machine('BB-1', FIRST_TRUST, [['BedBoard', '5.1'], ['BedBoard', '5.2']]);
  machine('BB-2', FIRST_TRUST, [['BedBoard', '5.1'], ['BedBoard', '5.2']]);
  // The second trust: WardTrack on two machines (under the threshold there, whatever the first trust has) and BedBoard on three, one version each.
  machine('RYY-WT-1', second, [['WardTrack Client', '2.0']]);
  machine('RYY-WT-2', second, [['WardTrack Client', '1.0']]);
  for (const n of [1, 2, 3]) machine(`RYY-BB-${n}`, second, [['BedBoard', '5.1']]);
});
afterAll(() => hub.close());

describe('unknown software spread', () => {
  it('counts a machine carrying two versions of a program once, in its own trust', () => {
    expect(spreadOf('WardTrack Client', FIRST_TRUST)).toEqual({ organisationId: FIRST_TRUST, name: 'WardTrack Client', assets: 3, versions: '1.0,2.0' });
    expect(spreadOf('BedBoard', second)).toEqual({ organisationId: second, name: 'BedBoard', assets: 3, versions: '5.1' });
    // Four installs of BedBoard in the first trust, on two machines: not spreading.
    expect(spreadOf('BedBoard', FIRST_TRUST)).toBeUndefined();
    expect(spreadOf('WardTrack Client', second)).toBeUndefined();
    expectCountsExact();
  });

  it('follows a new machine, changed reports and a version given a verdict', () => {
    const db = hub.deps.db;
    // A third WardTrack machine for the second trust, carrying both versions.
    machine('RYY-WT-3', second, [['WardTrack Client', '2.0'], ['WardTrack Client', '1.0']]);
    expect(spreadOf('WardTrack Client', second)).toEqual({ organisationId: second, name: 'WardTrack Client', assets: 3, versions: '1.0,2.0' });
    expectCountsExact();

    // WT-3 drops 1.0 (still three machines), then WT-2 drops WardTrack (two).
    machine('WT-3', FIRST_TRUST, [['WardTrack Client', '2.0']]);
    expect(spreadOf('WardTrack Client', FIRST_TRUST)?.assets).toBe(3);
    machine('WT-2', FIRST_TRUST, [['Theatre Scheduler', '4']]);
    expect(spreadOf('WardTrack Client', FIRST_TRUST)).toBeUndefined();
    expectCountsExact();

    // BedBoard 5.2 judged: the first trust's BedBoard machines carry one unjudged version each now.
    const bedBoard52 = db.prepare("SELECT id, name, version, vendor, source FROM software WHERE name = 'BedBoard' AND version = '5.2'").all() as (SoftwareKey & { id: number })[];
    expect(inTransaction(db, () => updateSoftwareVerdicts(db, bedBoard52, (s) => ({ ...hub.deps.evaluator.software(s), status: 'supported', reason: "the supplier's support statement" })))).toBe(1);
    machine('BB-3', FIRST_TRUST, [['BedBoard', '5.1']]);
    expect(spreadOf('BedBoard', FIRST_TRUST)).toEqual({ organisationId: FIRST_TRUST, name: 'BedBoard', assets: 3, versions: '5.1' });
    expectCountsExact();

    machine('RYY-BB-1', second, [['Theatre Scheduler', '4']]);
    expect(spreadOf('BedBoard', second)).toBeUndefined();
    expectCountsExact();
  });
});
