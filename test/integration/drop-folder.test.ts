/**
 * A legacy Windows machine's inventory through the drop folder: the collection
 * script's document, imported by the hub's job into a real store, moved aside,
 * never stored twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropOrganisation, importDropFolder } from '../../src/import/import-drop-folder.js';
import { importDropFolderJob } from '../../src/jobs/import-drop-folder.js';
import { listAssetInstalls } from '../../src/store/asset-queries.js';
import { insertOrganisation } from '../../src/store/organisations.js';
import { collectionDocument, WARD_PC_SECTIONS } from '../helpers/windows-collection.js';
import { createTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let drop: string;
const WIN7 = { ...WARD_PC_SECTIONS, os: 'os-windows-7-sp1-professional.json' };
const head = { collector: 'estatewatch-collect.ps1 0.1.0', collectedAt: '2026-11-22T02:00:05Z' };

beforeAll(async () => {
  hub = await createTestHub();
  drop = tempDir('estatewatch-drop-');
  fs.writeFileSync(path.join(drop, 'WARD7-PC01-20261122020005.json'), collectionDocument(WIN7, {}, head));
  fs.writeFileSync(path.join(drop, 'WARD7-PC02-20261122020009.json'), collectionDocument({ ...WIN7, uninstall: 'uninstall-win10-ward-pc.json' }, { uninstall: 'Requested registry access is not allowed.' }, head).replace('"uninstall":', '"ignored":'));
  fs.writeFileSync(path.join(drop, '.WARD7-PC03-20261122020011.json.part'), '{"sections":');
});
afterAll(async () => {
  await hub.close();
  fs.rmSync(drop, { recursive: true, force: true });
});

const assetOf = (hostname: string) => hub.deps.db.prepare('SELECT a.id, o.name, o.status, a.collection_warnings FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE a.hostname = ?').get(hostname) as { id: number; name: string; status: string } | undefined;

describe('the drop folder', () => {
  it('imports a finished document, refuses a broken one with its reason beside it, and leaves a half-written one alone', () => {
    const org = dropOrganisation(hub.deps.db, undefined);
    expect(importDropFolder(hub.deps, drop, org)).toEqual({ imported: 1, duplicates: 0, rejected: 1 });

    const asset = assetOf('ward7-pc01');
    expect(asset).toMatchObject({ name: 'Microsoft Windows 7 Professional', status: 'unsupported' });
    expect(listAssetInstalls(hub.deps.db, asset!.id).length).toBeGreaterThan(10);
    expect(assetOf('ward7-pc02')).toBeUndefined();

    expect(fs.readdirSync(drop).sort()).toEqual(['.WARD7-PC03-20261122020011.json.part', 'imported', 'memory', 'rejected']);
    expect(fs.readdirSync(path.join(drop, 'imported'))).toEqual(['WARD7-PC01-20261122020005.json']);
    expect(fs.readFileSync(path.join(drop, 'rejected', 'WARD7-PC02-20261122020009.json.errors.txt'), 'utf8')).toBe('the Windows uninstall section failed: Requested registry access is not allowed.\n');
  });

  it('stores a document copied back a second time once only', () => {
    const receipts = (hub.deps.db.prepare('SELECT count(*) AS n FROM report_receipts').get() as { n: number }).n;
    fs.copyFileSync(path.join(drop, 'imported', 'WARD7-PC01-20261122020005.json'), path.join(drop, 'WARD7-PC01-20261122020005.json'));
    expect(importDropFolder(hub.deps, drop, dropOrganisation(hub.deps.db, undefined))).toEqual({ imported: 0, duplicates: 1, rejected: 0 });
    expect((hub.deps.db.prepare('SELECT count(*) AS n FROM report_receipts').get() as { n: number }).n).toBe(receipts);
  });

  it("keeps a user's software while nobody is logged on at 02:00, as the agent does", () => {
    const machine = 'WARD7-PC05';
    const night = (n: number, files: Record<string, string>) =>
      fs.writeFileSync(path.join(drop, `${machine}-2026112${n}020000.json`), collectionDocument({ ...files, identity: 'identity-workgroup.json' }, {}, { ...head, collectedAt: `2026-11-2${n}T02:00:00Z` }).replace('"LAB-PC07"', `"${machine}"`).replace('"LAB-PC07"', `"${machine}"`));
    night(3, { ...WIN7, profiles: 'profiles-ward-pc.json' });
    night(4, { ...WIN7, uninstall: 'uninstall-win10-ward-pc-nobody-logged-on.json', profiles: 'profiles-nobody-logged-on.json' });
    expect(importDropFolder(hub.deps, drop, dropOrganisation(hub.deps.db, undefined))).toMatchObject({ imported: 2, rejected: 0 });
    const installs = listAssetInstalls(hub.deps.db, assetOf('WARD7-PC05')!.id).map((i) => i.name);
    expect(installs).toEqual(expect.arrayContaining(['Zoom', 'Microsoft Teams', 'Python 3.12.3 (64-bit)']));
    expect(hub.deps.db.prepare("SELECT count(*) AS n FROM install_history h JOIN assets a ON a.id = h.asset_id WHERE a.hostname = 'WARD7-PC05' AND h.change = 'removed'").get()).toEqual({ n: 0 });
    expect(JSON.parse(fs.readFileSync(path.join(drop, 'memory', `${machine}.json`), 'utf8'))).toHaveProperty('S-1-5-21-1004336348-1177238915-682003330-1104');
  });

  it('runs as a job only where a drop folder is configured, and asks which trust on an ICS hub', async () => {
    expect(await importDropFolderJob.run(hub.deps)).toEqual({ skipped: 'ESTATEWATCH_DROP_DIR is not set' });
    expect(await importDropFolderJob.run({ ...hub.deps, config: { ...hub.deps.config, dropDir: drop } })).toEqual({ imported: 0, duplicates: 0, rejected: 0 });
    insertOrganisation(hub.deps.db, { code: 'RYY', name: 'Second Trust' });
    expect(() => dropOrganisation(hub.deps.db, undefined)).toThrow(/set ESTATEWATCH_DROP_ORGANISATION/);
    expect(dropOrganisation(hub.deps.db, 'RYY').name).toBe('Second Trust');
  });
});
