/** In Chromium: a fax/pager register CSV previewed (nothing stored), then imported, and the counts on the devices page. */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

const CSV = path.resolve(import.meta.dirname, '../fixtures/devices/good.csv');
let hub: ListeningTestHub;
let browser: Browser;
let page: Page;
const stored = () => (hub.deps.db.prepare('SELECT count(*) AS n FROM registered_devices').get() as { n: number }).n;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${hub.url}/login`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('device register import in Chromium', () => {
  it('previews a CSV without storing it', async () => {
    await page.goto(`${hub.url}/devices/import`);
    await page.setInputFiles('#file', CSV);
    await page.click('main button[value=preview]');
    await expect(page.locator('#count-created').textContent()).resolves.toBe('8');
    expect(stored()).toBe(0);
  });

  it('imports it and shows the counts by kind on the devices page', async () => {
    await page.setInputFiles('#file', CSV);
    await page.click('main button[value=import]');
    await expect(page.locator('#count-created').textContent()).resolves.toBe('8');
    expect(stored()).toBe(8);
    await page.goto(`${hub.url}/devices`);
    const byKind = (await page.locator('#count-kind').textContent()) ?? '';
    expect(byKind).toMatch(/fax\D*3/);
    expect(byKind).toMatch(/pager\D*4/);
    expect(await page.locator('#devices tbody tr').count()).toBe(8);
    const faxChart = (await page.locator('#trajectories figure').first().textContent()) ?? '';
    expect(faxChart).toMatch(/Faxes: 3 in use today/);
    if (process.env.ESTATEWATCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.ESTATEWATCH_SCREENSHOTS}/devices.png`, fullPage: true });
  });

  it('adds a device by hand, refuses to decommission it without a reason, then decommissions it with one', async () => {
    await page.goto(`${hub.url}/devices`);
    await page.click('#add-device summary');
    await page.selectOption('#new-kind', 'fax');
    await page.fill('#new-name', 'Theatres fax');
    await page.fill('#new-site', "St Mary's Hospital");
    await page.click('#add-device button[type=submit]');
    await page.waitForURL(/\/devices\/\d+$/);
    await expect(page.locator('h1').textContent()).resolves.toContain('Theatres fax');
    await page.selectOption('#status', 'decommissioned');
    await page.click('main form[action$="/status"] button[type=submit]');
    await expect(page.locator('[role=alert]').textContent()).resolves.toMatch(/reason/);
    await page.selectOption('#status', 'decommissioned');
    await page.fill('#reason', 'moved to secure email (NHSmail)');
    await page.click('main form[action$="/status"] button[type=submit]');
    await expect(page.locator('#device-facts').textContent()).resolves.toContain('moved to secure email (NHSmail)');
    await expect(page.locator('#audit').textContent()).resolves.toMatch(/decommission/);
  });
});
