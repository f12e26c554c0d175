/**
 * A Linux host's page over real HTTP (issue 21, point 2): a real Debian 10
 * capture's packages that follow the OS are folded into counts by status with
 * the full list on demand; what is judged on its own stays listed. Expected
 * figures come from the engine's per-item verdicts.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/contract/report.js';
import { assetItems } from '../../src/estate/asset-items.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { getAsset, listAssetInstalls } from '../../src/store/asset-queries.js';
import { signInCookie, startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let cookie: string;
const debian = JSON.parse(fs.readFileSync('test/fixtures/real/linux/debian-10-postgres-13-pgdg-image/report.json', 'utf8')) as Report;

beforeAll(async () => {
  hub = await startTestHub();
  ingestReport(hub.deps, debian, { agentId: null, organisationId: 1, idempotencyKey: 'debian' });
  cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
});
afterAll(() => hub.close());

describe("a Debian host's page", () => {
  it('folds the packages that follow the OS into counts by status, the full list on demand, and lists what is judged on its own', async () => {
    const id = (hub.deps.db.prepare("SELECT id FROM assets").get() as { id: number }).id;
    const items = assetItems(getAsset(hub.deps.db, id, null)!, listAssetInstalls(hub.deps.db, id));
    const following = items.filter((i) => i.osLink === 'follows');
    const own = items.filter((i) => i.osLink !== 'follows');
    expect(following.length).toBeGreaterThan(100);
    expect(own.length).toBeGreaterThan(0);
    const html = await (await fetch(`${hub.url}/assets/${id}`, { headers: { cookie } })).text();
    const start = html.indexOf('id="packages-dpkg"');
    const group = html.slice(start, html.indexOf('</details>', start));
    const status = following[0]!.verdict.status;
    expect(following.every((i) => i.verdict.status === status)).toBe(true);
    expect(group).toContain(`${following.length} dpkg packages`);
    expect(group).toMatch(new RegExp(`<span data-status="${status}">${following.length} `));
    expect(group).toContain('<details><summary>Every dpkg package</summary>');
    expect(group.match(/<tr data-status=/g)).toHaveLength(following.length);
    const listed = html.slice(html.indexOf('<table id="software">'), html.indexOf('</table>', html.indexOf('<table id="software">')));
    expect(listed.match(/<tr data-status=/g)).toHaveLength(own.length);
    for (const i of own) expect(listed).toContain(`href="/assets?software=${i.softwareId}"`);
  });
});
