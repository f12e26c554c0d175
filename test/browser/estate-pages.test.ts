/** A person's path through the pages in real headless Chromium: sign in, read the summary, open an asset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { countEstateByHand } from '../helpers/estate-by-hand.js';
import { startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { oneTimeAdminPassword: true });
  seedDemoEstate(hub.deps);
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('estate pages in Chromium', () => {
  it('sends a visitor to sign in, makes them replace the one-time password, then shows the summary', async () => {
    await page.goto(`${hub.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#username', 'admin');
    await page.fill('#password', 'not the password');
    await page.click('main button[type=submit]');
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('Wrong username or password');
    await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/account/password');
    await page.goto(`${hub.url}/assets`);
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.fill('#currentPassword', hub.adminPassword);
    await page.fill('#newPassword', 'a much longer passphrase for the ward');
    await page.click('main button[type=submit]');
    await page.waitForURL(`${hub.url}/`);
  });

  it('shows how much of the estate is unsupported, matching what the test counts in the database itself', async () => {
    const counted = countEstateByHand(hub.deps.db);
    const share = (part: number) => `${((part / counted.assets) * 100).toFixed(1)}% of the estate (${part} of ${counted.assets} assets)`;
    await expect(page.locator('#headline').textContent()).resolves.toBe(`${share(counted.supportedOnly)} runs only supported software.`);
    await expect(page.locator('#beside-measure').textContent()).resolves.toBe(`${share(counted.supportedOs)} runs a supported operating system.`);
    await expect(page.locator('#with-unsupported').textContent()).resolves.toBe(`${counted.withUnsupported} assets carry at least one unsupported item.`);
    expect(counted.unsupportedOs).toBeGreaterThan(0);
    const card = (await page.locator('a.card[data-status=unsupported] .n').textContent()) ?? '';
    expect(Number(card)).toBe(counted.unsupportedOs);
    // The unknown installs, each reason apart, the unrecognised ones linked to the unmatched queue.
    expect(Object.keys(counted.unknownInstallsByReason).length).toBeGreaterThan(1);
    for (const [reason, n] of Object.entries(counted.unknownInstallsByReason)) {
      expect(await page.locator(`#unknown-reasons [data-reason=${reason}] strong`).textContent(), reason).toBe(String(n));
    }
    expect(await page.locator('#unknown-reasons [data-reason=unrecognised] a').getAttribute('href')).toBe('/unmatched');
    if (process.env.ESTATEWATCH_SCREENSHOTS) {
      // Afresh, so the picture is the summary as anyone lands on it, not with the password change's message on top.
      await page.goto(`${hub.url}/`);
      await page.screenshot({ path: `${process.env.ESTATEWATCH_SCREENSHOTS}/summary.png`, fullPage: true });
    }
  });

  it('lists unsupported hosts and opens one to show each item with its status and reason', async () => {
    await page.click('a.card[data-status=unsupported]');
    await page.waitForURL(/\/assets\?osStatus=unsupported/);
    const hosts = await page.locator('#assets tbody td:first-child a').allTextContents();
    expect(hosts).toContain('WARD7-PC014');
    await page.click('text=WARD7-PC014');
    await page.waitForURL(/\/assets\/\d+$/);
    const os = (await page.locator('#os').textContent()) ?? '';
    expect(os).toContain('Microsoft Windows 7 Professional');
    expect(os).toContain('Unsupported');
    const rows = page.locator('#software tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    const office = page.locator('#software tbody tr', { hasText: 'Microsoft Office Standard 2010' });
    expect(await office.getAttribute('data-status')).toBe('unsupported');
    expect((await office.locator('td.reason').textContent())?.length).toBeGreaterThan(10);
    const alerts = await page.locator('#asset-alerts tbody tr').allTextContents();
    expect(alerts.some((a) => /critical/i.test(a) && a.includes('Microsoft Windows 7 Professional'))).toBe(true);
    const bespoke = page.locator('#software tbody tr', { hasText: 'Medway PAS Client' });
    expect(await bespoke.getAttribute('data-status')).toBe('unknown');
    if (process.env.ESTATEWATCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.ESTATEWATCH_SCREENSHOTS}/asset.png`, fullPage: true });
  });
});
