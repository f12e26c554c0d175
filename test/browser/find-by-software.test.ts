/**
 * The security lead's question in real Chromium (issue 21, point 2): "which
 * machines carry Java 8?" from the nav, a search and one more click; a Debian
 * host's page that fits a screen until its packages are asked for; the assets
 * list ranked by risk. Expected hosts are read from the stored rows.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Report } from '../../src/contract/report.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { launchChromium, openNavLink, submitSignIn } from '../helpers/browser.js';
import { startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let browser: Browser;
let page: Page;
const debian = JSON.parse(fs.readFileSync('test/fixtures/real/linux/debian-10-postgres-13-pgdg-image/report.json', 'utf8')) as Report;

beforeAll(async () => {
  hub = await startTestHub();
  seedDemoEstate(hub.deps);
  ingestReport(hub.deps, debian, { agentId: null, organisationId: 1, idempotencyKey: 'debian' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${hub.url}/login`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const hostsCarrying = (where: string) =>
  (hub.deps.db.prepare(`SELECT DISTINCT a.hostname FROM installs i JOIN assets a ON a.id = i.asset_id JOIN software s ON s.id = i.software_id WHERE ${where} ORDER BY 1`).all() as { hostname: string }[]).map(
    (r) => r.hostname,
  );
const listedHosts = async () => (await page.locator('#assets tbody td:first-child a').allTextContents()).sort();
const shot = async (name: string) => process.env.ESTATEWATCH_SCREENSHOTS && (await page.screenshot({ path: `${process.env.ESTATEWATCH_SCREENSHOTS}/${name}.png`, fullPage: true }));

describe('find by software in Chromium', () => {
  it('answers "which machines carry Java 8?" from the nav: search by product and range, then one click', async () => {
    await openNavLink(page, '/software');
    await page.selectOption('#product', { label: 'Oracle JDK' });
    await page.fill('#version', '>=8 <9');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/\/software\?.*product=oracle-jdk/);
    const names = await page.locator('#software-versions tbody td:first-child').allTextContents();
    expect(names.sort()).toEqual(['Java 8 Update 171 (64-bit)', 'Java 8 Update 202', 'Java 8 Update 401 (64-bit)']);
    await shot('software-search');
    await page.click('#machines-carrying');
    await page.waitForURL(/\/assets\?product=oracle-jdk&version=/);
    expect(await listedHosts()).toEqual(hostsCarrying("s.product = 'oracle-jdk' AND s.name LIKE 'Java 8 Update%'"));
    expect(await page.inputValue('#version')).toBe('>=8 <9');
  });

  it("opens the machines carrying one version from its row's count", async () => {
    await page.goto(`${hub.url}/software?q=java`);
    await page.locator('#software-versions tbody tr', { hasText: 'Java 8 Update 202' }).locator('td.num a').click();
    await page.waitForURL(/\/assets\?software=\d+$/);
    expect(await page.locator('#carrying').textContent()).toContain('Java 8 Update 202');
    expect(await listedHosts()).toEqual(hostsCarrying("s.name = 'Java 8 Update 202'"));
  });

  it("keeps a Debian host's page short: its packages counted by status, listed only when asked for", async () => {
    await page.goto(`${hub.url}/assets?q=DEBIAN-10`);
    await page.click('#assets tbody a');
    await page.waitForURL(/\/assets\/\d+$/);
    // The height of the Software section: from its heading to the next one.
    const softwareHeight = () =>
      page.evaluate(() => {
        const headings = [...document.querySelectorAll('main h2')];
        const software = headings.find((h) => h.textContent === 'Software')!;
        return headings[headings.indexOf(software) + 1]!.getBoundingClientRect().top - software.getBoundingClientRect().top;
      });
    expect(await page.locator('#packages-dpkg').textContent()).toMatch(/136 dpkg packages\s+follow Debian GNU\/Linux 10: 136 Unsupported/);
    expect(await page.locator('#packages-dpkg tbody tr').first().isVisible()).toBe(false);
    const folded = await softwareHeight();
    await shot('asset-debian');
    await page.click('#packages-dpkg summary');
    expect(await page.locator('#packages-dpkg tbody tr').count()).toBe(136);
    expect(await page.locator('#packages-dpkg tbody tr').last().isVisible()).toBe(true);
    const unfolded = await softwareHeight();
    // Folded: the package counts and the two items judged on their own, whose reasons wrap over
    // several lines beside their patch currency (about 830 px); listed, 136 more rows.
    expect(folded).toBeLessThan(900);
    expect(unfolded).toBeGreaterThan(folded + 136 * 20);
  });

  it('ranks the assets by risk when asked, saying how', async () => {
    await page.goto(`${hub.url}/assets`);
    await page.selectOption('#sort', 'risk');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/sort=risk/);
    expect(await page.locator('#risk-order').textContent()).toContain('Riskiest first');
    const first = await page.locator('#assets tbody tr').first().locator('td').allTextContents();
    // The Debian host: an unsupported OS and the most unsupported items (its 136 packages follow the OS).
    expect(first[0]).toBe('DEBIAN-10-POSTGRES-13-PGDG-IMAGE');
    await shot('assets-risk');
  });
});
