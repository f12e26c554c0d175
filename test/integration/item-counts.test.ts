/**
 * The installs-by-status counts the summary reads (os_item_counts, kept by
 * triggers) against a count of every install, after the changes that move
 * them: new and changed reports, an OS upgrade, removed software, and new
 * verdicts from a rule or date change. Likewise each software version's
 * assets by status (software_installs, software_os_counts, and per trust
 * software_trust_counts), the statuses
 * each asset carries (assets.carries), its OS's rank (assets.os_rank), and
 * the counts the asset list's risk order sorts on (migration 0044: its
 * unsupported and ending-soon items, its faxes, modems and pagers), and the
 * summary's unknown installs by reason and software patch counts (on
 * PostgreSQL from each trust's standalone installs by verdict, migration 0050),
 * the unmatched queue's installs and versions per program (on PostgreSQL
 * from each trust's sums per program, migration 0052), and the summary's
 * machine counts (on PostgreSQL from each trust's kept counts, 0053).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReports } from '../../src/demo/demo-estate.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createEvaluator } from '../../src/estate/evaluator.js';
import { reevaluateEstate } from '../../src/estate/reevaluate-estate.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { CARRIED_BIT, EFFECTIVE_STATUS, estateSummary, ITEMS_WITH_STATUS, listSoftwareVersions, listUnmatched } from '../../src/store/estate-queries.js';
import { COUNTS_AS_SUPPORTED, SUPPORT_STATUSES, UNKNOWN_REASONS, type SupportStatus } from '../../src/lifecycle/verdict.js';
import type { Report } from '../../src/contract/report.js';
import { isSqlite } from '../../src/store/db.js';
import { updateSoftwareVerdicts, type SoftwareKey } from '../../src/store/software.js';
import { inTransaction } from '../../src/store/statements.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

let hub: TestHub;

/** Every install counted one by one: what the triggers must always agree with. */
function countedOneByOne(): Record<string, number> {
  const rows = hub.deps.db.prepare(`SELECT ${EFFECTIVE_STATUS} AS status, count(*) AS n FROM installs i JOIN software s ON s.id = i.software_id
      JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id GROUP BY 1`).all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Per-asset counts as kept, and as counted one by one. */
function perAsset(): { kept: unknown[]; counted: unknown[] } {
  const db = hub.deps.db;
  return {
    kept: db.prepare('SELECT asset_id, status, os_link, items FROM asset_item_counts WHERE items > 0 ORDER BY 1, 2, 3').all(),
    counted: db.prepare(`SELECT i.asset_id, s.status, s.os_link, count(*) AS items FROM installs i JOIN software s ON s.id = i.software_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(),
  };
}

/**
 * Each version's assets by status as the software page reads them (kept
 * counts), of the whole hub (null) or one trust, and as counted install by install.
 */
function versionsBothWays(org: number | null): { kept: unknown[]; counted: unknown[] } {
  const byKey = (a: { id: number; status: string }, b: { id: number; status: string }) => a.id - b.id || a.status.localeCompare(b.status);
  return {
    kept: listSoftwareVersions(hub.deps.db, org, { limit: 1_000_000, offset: 0 }).rows.map(({ id, status, assets }) => ({ id, status, assets })).sort(byKey),
    counted: hub.deps.db.prepare(`SELECT s.id, ${EFFECTIVE_STATUS} AS status, count(*) AS assets FROM installs i JOIN software s ON s.id = i.software_id
        JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id WHERE (@org IS NULL OR a.organisation_id = @org) GROUP BY 1, 2 ORDER BY 1, 2`).all({ org }),
  };
}

/** Each asset's carried statuses as kept (assets.carries), and as read off its OS and every install. */
function carriedBothWays(): { kept: unknown[]; counted: unknown[] } {
  const db = hub.deps.db;
  const statuses = db.prepare(`SELECT a.id, o.status FROM assets a JOIN os_versions o ON o.id = a.os_id
      UNION SELECT i.asset_id, ${EFFECTIVE_STATUS} FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id`)
    .all() as { id: number; status: SupportStatus }[];
  const counted = new Map<number, number>();
  for (const { id, status } of statuses) counted.set(id, (counted.get(id) ?? 0) | CARRIED_BIT[status]);
  return {
    kept: db.prepare('SELECT id, carries FROM assets ORDER BY id').all(),
    counted: [...counted].sort(([a], [b]) => a - b).map(([id, carries]) => ({ id, carries })),
  };
}

/** SQL: the faxes, modems and pagers attached to asset `a`, counted one by one (the classified kind wins). */
const LEGACY_DEVICES = "(SELECT count(*) FROM devices d WHERE d.asset_id = a.id AND coalesce(d.classified_kind, d.kind) IN ('fax', 'modem', 'pager'))";

/** Each asset's risk-order counts as kept (migration 0044), and as counted from its item counts and devices. */
function riskCountsBothWays(): { kept: unknown[]; counted: unknown[] } {
  const db = hub.deps.db;
  return {
    kept: db.prepare('SELECT id, unsupported_items AS unsupported, ending_soon_items AS "endingSoon", legacy_devices AS legacy FROM assets ORDER BY id').all(),
    counted: db.prepare(`SELECT a.id, ${ITEMS_WITH_STATUS("'unsupported'")} AS unsupported, ${ITEMS_WITH_STATUS("'ending-soon'")} AS "endingSoon", ${LEGACY_DEVICES} AS legacy
        FROM assets a JOIN os_versions o ON o.id = a.os_id ORDER BY a.id`).all(),
  };
}

const summarised = () => Object.fromEntries(Object.entries(estateSummary(hub.deps.db, null).installsByStatus).filter(([, n]) => n > 0));

/** Each trust's counts per OS (migration 0046), against its machines' own. */
function expectTrustCountsExact(): void {
  const db = hub.deps.db;
  expect(db.prepare('SELECT organisation_id, os_id, status, os_link, items FROM trust_item_counts WHERE items <> 0 ORDER BY 1, 2, 3, 4').all()).toEqual(
    db.prepare(`SELECT a.organisation_id, a.os_id, c.status, c.os_link, sum(c.items) AS items FROM asset_item_counts c JOIN assets a ON a.id = c.asset_id
        GROUP BY 1, 2, 3, 4 HAVING sum(c.items) <> 0 ORDER BY 1, 2, 3, 4`).all(),
  );
}

const SUPPORTED = `(${COUNTS_AS_SUPPORTED.map((st) => `'${st}'`).join(', ')})`;

/**
 * The summary's machine counts (of the hub and of each trust; on PostgreSQL from each trust's kept counts, migration
 * 0053), against the machines themselves: in all, by their OS's status, by the statuses they carry, and by their OS's
 * patch state where the OS counts as supported.
 */
function expectMachineCountsExact(): void {
  const db = hub.deps.db;
  for (const org of [null, FIRST_TRUST, second]) {
    const summary = estateSummary(db, org);
    const machines = `FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE (@org IS NULL OR a.organisation_id = @org)`;
    const count = (where: string) => Number((db.prepare(`SELECT count(*) AS n ${machines} AND ${where}`).get({ org }) as { n: number | string }).n);
    const byOs = Object.fromEntries(SUPPORT_STATUSES.map((st) => [st, count(`o.status = '${st}'`)]));
    const notSupported = SUPPORT_STATUSES.filter((st) => !COUNTS_AS_SUPPORTED.includes(st)).reduce((bits, st) => bits | CARRIED_BIT[st], 0);
    const patch = { current: count(`o.status IN ${SUPPORTED} AND a.os_patch_state = 'current'`), behind: count(`o.status IN ${SUPPORTED} AND a.os_patch_state = 'behind'`), cannotTell: count(`o.status IN ${SUPPORTED} AND a.os_patch_state IS NULL`) };
    expect(
      { all: summary.assets, byOs: summary.assetsByOsStatus, unsupported: summary.assetsWithUnsupported, supportedOnly: summary.assetsSupportedOnly, unknown: summary.assetsWithUnknown, patch: summary.patch.os },
      `machines of trust ${org}`,
    ).toEqual({
      all: count('TRUE'),
      byOs,
      unsupported: count(`(a.carries & ${CARRIED_BIT.unsupported}) <> 0`),
      supportedOnly: count(`(a.carries & ${notSupported}) = 0`),
      unknown: count(`(a.carries & ${CARRIED_BIT.unknown}) <> 0`),
      patch,
    });
  }
}

/**
 * The summary's unknown installs by reason and its software patch counts (of the whole hub, null, or one trust), as
 * the summary reads them (on PostgreSQL the standalone versions' sums kept per trust, migration 0050) and as counted
 * install by install.
 */
function summaryCountsBothWays(org: number | null): { kept: unknown; counted: unknown } {
  const db = hub.deps.db;
  const installs = `FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
      WHERE (@org IS NULL OR a.organisation_id = @org)`;
  const unknown = Object.fromEntries(UNKNOWN_REASONS.map((r) => [r, 0]));
  for (const r of db.prepare(`SELECT coalesce(CASE WHEN s.os_link = 'follows' THEN o.unknown_reason ELSE s.unknown_reason END, 'unrecognised') AS reason, count(*) AS n
      ${installs} AND ${EFFECTIVE_STATUS} = 'unknown' GROUP BY 1`).all({ org }) as { reason: string; n: number }[]) unknown[r.reason] = r.n;
  const patch = { current: 0, behind: 0, cannotTell: 0 };
  for (const r of db.prepare(`SELECT s.patch_state AS state, count(*) AS n ${installs} AND s.os_link <> 'follows' AND ${EFFECTIVE_STATUS} IN ${SUPPORTED} GROUP BY 1`)
    .all({ org }) as { state: string | null; n: number }[]) patch[r.state === 'current' || r.state === 'behind' ? r.state : 'cannotTell'] += r.n;
  const summary = estateSummary(db, org);
  return { kept: { unknown: summary.unknownInstallsByReason, patch: summary.patch.software }, counted: { unknown, patch } };
}

/**
 * The unmatched queue (of the whole hub, null, or one trust) as listed (on PostgreSQL from each trust's sums per program,
 * migration 0052), and as counted install by install: each program with its installs and unmatched versions.
 */
function unmatchedBothWays(org: number | null): { kept: unknown[]; counted: unknown[] } {
  const db = hub.deps.db;
  const listed = listUnmatched(db, org, { limit: 1_000_000, offset: 0 });
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  const rows = db
    .prepare(`SELECT s.name, s.vendor, s.source, s.version, count(*) AS installs FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id
      WHERE (@org IS NULL OR a.organisation_id = @org) AND s.os_link <> 'follows' AND s.status = 'unknown' AND (s.unknown_reason = 'unrecognised' OR s.unknown_reason IS NULL)
      GROUP BY s.name, s.vendor, s.source, s.version`)
    .all({ org }) as { name: string; vendor: string; source: string; version: string; installs: number | string }[];
  const programs = new Map<string, { key: string; installs: number; versions: string[] }>();
  for (const r of rows) {
    const key = JSON.stringify([r.name, r.vendor, r.source]);
    const p = programs.get(key) ?? programs.set(key, { key, installs: 0, versions: [] }).get(key)!;
    p.installs += Number(r.installs);
    p.versions.push(r.version);
  }
  return {
    kept: [listed.total, ...listed.rows.map((r) => ({ key: JSON.stringify([r.name, r.vendor, r.source]), installs: r.installs, versions: r.versions.split(',').sort() })).sort(byKey)],
    counted: [programs.size, ...[...programs.values()].map((p) => ({ ...p, versions: p.versions.sort() })).sort(byKey)],
  };
}

/** Every kept count (per OS, per asset, per version) agrees with counting the installs one by one. */
function expectEveryCountExact(): void {
  expect(summarised()).toEqual(countedOneByOne());
  const assets = perAsset();
  expect(assets.kept).toEqual(assets.counted);
  for (const org of [null, FIRST_TRUST, second]) {
    const versions = versionsBothWays(org);
    expect(versions.kept, `trust ${org}`).toEqual(versions.counted);
    const summary = summaryCountsBothWays(org);
    expect(summary.kept, `summary of trust ${org}`).toEqual(summary.counted);
    const unmatched = unmatchedBothWays(org);
    expect(unmatched.kept, `unmatched of trust ${org}`).toEqual(unmatched.counted);
  }
  const carried = carriedBothWays();
  expect(carried.kept).toEqual(carried.counted);
  const risk = riskCountsBothWays();
  expect(risk.kept).toEqual(risk.counted);
  expectTrustCountsExact();
  expectMachineCountsExact();
  // Each asset's copy of its OS's rank (assets.os_rank, migration 0014), which orders the asset list.
  expect(hub.deps.db.prepare('SELECT a.id, a.os_rank, r.rank FROM assets a JOIN os_status_ranks r ON r.id = a.os_id WHERE a.os_rank <> r.rank').all()).toEqual([]);
}

let second: number;

beforeAll(async () => {
  hub = await createTestHub();
  seedDemoEstate(hub.deps);
  // A second trust running some of the same software, so a trust's counts must leave the other's out.
  second = addTrust(hub.deps.db, 'RYY');
  for (const r of demoReports(TEST_NOW).slice(0, 3)) {
    ingestReport(hub.deps, { ...r, host: { ...r.host, hostname: `RYY-${r.host.hostname}`, fqdn: undefined } }, { agentId: null, organisationId: second, idempotencyKey: `ryy-${r.host.hostname}` });
  }
});
afterAll(() => hub.close());

describe('installs by status', () => {
  it('matches a count of every install after the demo estate is loaded', () => {
    expectEveryCountExact();
  });

  it('follows an OS upgrade, removed software and a new version', () => {
    const reports = demoReports(TEST_NOW);
    const ward7 = reports.find((r) => r.host.hostname === 'WARD7-PC014')!;
    const win11 = reports.find((r) => r.os.name.includes('Windows 11 Enterprise'))!;
    const software = [...ward7.software.slice(2), { name: 'Google Chrome', version: '142.0.7444.60', source: 'registry' as const }];
    ingestReport(hub.deps, { ...ward7, os: win11.os, software }, { agentId: null, organisationId: 1, idempotencyKey: 'ward7-rebuilt' });
    const ubuntu = reports.find((r) => r.os.name === 'Ubuntu')!;
    // The second trust's copy of the first demo host moves to another OS too (the trigger's path).
    const first = reports[0]!;
    ingestReport(hub.deps, { ...first, host: { ...first.host, hostname: `RYY-${first.host.hostname}`, fqdn: undefined }, os: win11.os }, { agentId: null, organisationId: second, idempotencyKey: 'ryy-rebuilt' });
    ingestReport(hub.deps, { ...ubuntu, software: ubuntu.software.slice(0, 40) }, { agentId: null, organisationId: 1, idempotencyKey: 'ubuntu-trimmed' });
    // A distribution no rule knows: its packages follow it, so they are unknown for the OS's reason.
    const unknownOs = { ...ubuntu.os, name: 'Estatewatch Test Linux', version: '1.0' };
    ingestReport(hub.deps, { ...ubuntu, host: { ...ubuntu.host, hostname: 'ODD-LINUX', fqdn: undefined }, os: unknownOs }, { agentId: null, organisationId: second, idempotencyKey: 'odd-linux' });
    expect(hub.deps.db.prepare("SELECT status FROM os_versions WHERE name = 'Estatewatch Test Linux'").pluck().get()).toBe('unknown');
    expectEveryCountExact();
  });

  it('follows new verdicts when the rules or the date change', () => {
    const later = createEvaluator(hub.deps.evaluator.rules, () => new Date('2031-06-01T00:00:00Z'), hub.deps.config.endingSoonDays);
    const before = summarised();
    expect(reevaluateEstate(hub.deps.db, later).skipped).toBe(false);
    expect(summarised()).not.toEqual(before);
    expectEveryCountExact();
  });

  it('follows a version becoming tied to its OS, or no longer tied, as a rule change would make it', () => {
    const db = hub.deps.db;
    const flip = db.prepare("UPDATE software SET os_link = ? WHERE id = (SELECT software_id FROM installs i JOIN software s ON s.id = i.software_id WHERE s.os_link = ? ORDER BY s.id LIMIT 1)");
    expect(flip.run('capped', 'none').changes).toBe(1);
    expect(flip.run('none', 'follows').changes).toBe(1);
    expectEveryCountExact();
  });

  it('follows many reports in one transaction: a host reported twice moving OS, a version re-tied to its OS, and a refused report rolled back', () => {
    const db = hub.deps.db;
    const reports = demoReports(TEST_NOW);
    const byName = (name: string) => reports.find((r) => r.os.name === name)!;
    // Programs only these hosts carry, so no other machine's count hides a count moved wrongly.
    const probe = (r: Report, suffix: string, item: Report['software'][number]) => ({ ...r, host: { ...r.host, hostname: `${r.host.hostname}-${suffix}`, fqdn: undefined }, software: [...r.software, item] });
    const a = probe(byName('Ubuntu'), 'TX', { name: 'estatewatch-tx-probe', version: '1.0-1', source: 'dpkg' });
    const tool = { name: 'estatewatch-tx-tool', version: '2.0', source: 'other' } as const;
    const b = probe(byName('Red Hat Enterprise Linux'), 'TX', tool);
    const pending = () => (isSqlite(db) ? 0 : Number((db.prepare('SELECT count(*) AS n FROM version_count_changes').get() as { n: number }).n));
    inTransaction(db, () => {
      ingestReport(hub.deps, b, { agentId: null, organisationId: second, idempotencyKey: 'tx-b' });
      // On PostgreSQL the counts wait for the commit (migration 0045); SQLite has moved them already.
      if (!isSqlite(db)) expect(pending()).toBeGreaterThan(0);
      // A rule change tying a version to its OS, while b's counts wait: its per-OS counts are rebuilt (the version trigger's path).
      const tied = db.prepare("SELECT id, name, version, vendor, source FROM software WHERE name = 'estatewatch-tx-tool'").all() as (SoftwareKey & { id: number })[];
      expect(updateSoftwareVerdicts(db, tied, (s) => ({ ...hub.deps.evaluator.software(s), osLink: 'capped' }))).toBe(1);
      // A host moves to another OS while its first report's counts wait: they move with it (the asset trigger's path).
      ingestReport(hub.deps, a, { agentId: null, organisationId: 1, idempotencyKey: 'tx-a' });
      ingestReport(hub.deps, { ...a, os: byName('Debian GNU/Linux').os, software: a.software.slice(3) }, { agentId: null, organisationId: 1, idempotencyKey: 'tx-a-moved' });
      expect(() =>
        inTransaction(db, () => {
          ingestReport(hub.deps, probe(byName('Red Hat Enterprise Linux'), 'TX-REFUSED', tool), { agentId: null, organisationId: 1, idempotencyKey: 'tx-refused' });
          throw new Error('refused after storing');
        }),
      ).toThrow('refused after storing');
      ingestReport(hub.deps, { ...b, software: b.software.slice(5) }, { agentId: null, organisationId: second, idempotencyKey: 'tx-b-trimmed' });
    });
    expect(pending()).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM assets WHERE hostname LIKE '%-TX-REFUSED'").get()).toEqual({ n: 0 });
    expectEveryCountExact();
  });

  it('follows a fax plugged in, a device the known list reclassifies, and the fax unplugged', () => {
    const db = hub.deps.db;
    const ward7 = demoReports(TEST_NOW).find((r) => r.host.hostname === 'WARD7-PC014')!;
    const withFax = [...ward7.devices, { kind: 'fax' as const, name: 'Brother FAX-2840', connection: 'usb' }, { kind: 'usb' as const, name: 'USB serial adaptor', connection: 'usb' }];
    ingestReport(hub.deps, { ...ward7, devices: withFax }, { agentId: null, organisationId: 1, idempotencyKey: 'ward7-fax-in' });
    expect(riskCountsBothWays().kept.some((r) => (r as { legacy: number }).legacy > 0)).toBe(true);
    expectEveryCountExact();
    // A known-device list naming the adaptor a modem (the ingest's upsert sets classified_kind): counted; then not.
    const reclassify = db.prepare("UPDATE devices SET classified_kind = ? WHERE name = 'USB serial adaptor'");
    expect(reclassify.run('modem').changes).toBe(1);
    expectEveryCountExact();
    expect(reclassify.run(null).changes).toBe(1);
    ingestReport(hub.deps, ward7, { agentId: null, organisationId: 1, idempotencyKey: 'ward7-fax-out' });
    expectEveryCountExact();
  });

  it("keeps each trust's counts through a machine moved to another trust and a machine deleted", () => {
    const db = hub.deps.db;
    const [moved, deleted] = db.prepare('SELECT id FROM assets WHERE organisation_id = 1 ORDER BY id LIMIT 2').pluck().all() as number[];
    expect(db.prepare('UPDATE assets SET organisation_id = ? WHERE id = ?').run(second, moved).changes).toBe(1);
    expectTrustCountsExact();
    expectMachineCountsExact();
    expect(db.prepare('DELETE FROM assets WHERE id = ?').run(deleted).changes).toBe(1);
    expectTrustCountsExact();
    expectMachineCountsExact();
  });
});

/**
 * PostgreSQL writes a new copy of a row at each update (migration 0057): a changed report that moves none of a machine's
 * kept figures (the statuses it carries, its risk counts, its OS rank, its OS patch currency, its collection warnings,
 * its faxes' count) writes the machine's row once, for what the report does change. Before, eight times.
 */
describe.runIf(process.env.ESTATEWATCH_TEST_STORE === 'postgres')("a machine's row on PostgreSQL", () => {
  it('is written once by a changed report that moves none of its kept figures', () => {
    const db = hub.deps.db;
    const demo = demoReports(TEST_NOW).find((r) => r.host.hostname === 'WARD7-PC014')!;
    const ward7 = { ...demo, host: { ...demo.host, hostname: 'ROW-COPY-PC', fqdn: undefined } };
    const figures = () => db.prepare("SELECT carries, os_rank, unsupported_items, ending_soon_items, os_patch_state FROM assets WHERE hostname = 'ROW-COPY-PC'").get();
    const updates = () => Number(db.prepare("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'assets'").pluck().get());
    ingestReport(hub.deps, ward7, { agentId: null, organisationId: 1, idempotencyKey: 'ward7-as-reported' });
    const before = figures();
    // A program no title knows, on a machine that already carries unknown items: its counts move, none of its figures.
    // The machine has a fax: its devices are upserted again, and their count stays.
    expect(ward7.devices.some((d) => d.kind === 'fax')).toBe(true);
    const software = [...ward7.software, { name: 'Estatewatch Row Copy Probe', version: '1.0', source: 'registry' as const }];
    inTransaction(db, () => {
      const start = updates();
      ingestReport(hub.deps, { ...ward7, software }, { agentId: null, organisationId: 1, idempotencyKey: 'ward7-probe' });
      expect(updates() - start).toBe(1);
    });
    expect(figures()).toEqual(before);
    // Not expectEveryCountExact: the hub-wide counts still hold the machine the test above deleted by hand.
    expectTrustCountsExact();
    expectMachineCountsExact();
  });
});
