/**
 * The Enrol agents page's copy buttons in real headless Chromium: the hub's
 * own script runs under its CSP and copies each install line exactly; with
 * script off the buttons stay hidden and the lines are plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** Signs in as the admin and makes a secret on the page; returns what the browser's console said. */
async function makeSecret(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(`${hub.url}/login?next=/admin/enrolment`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/admin/enrolment');
  await page.fill('#label', 'ward 7 PCs');
  await page.click('form.panel button[type=submit]');
  await page.waitForSelector('#new-secret');
  return console;
}

describe('the Enrol agents page in Chromium', () => {
  it('copies each install line with its button, the hub’s script running under its CSP', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
    const page = await context.newPage();
    const console = await makeSecret(page);
    for (const id of ['secret', 'install-linux', 'install-macos', 'install-windows', 'install-agent']) {
      const button = page.locator(`button[data-copy="${id}"]`);
      await expect(button.isVisible()).resolves.toBe(true);
      await button.click();
      await expect.poll(() => button.textContent()).toBe('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, id).toBe(await page.locator(`#${id}`).textContent());
    }
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`--hub ${hub.url}`);
    expect(console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
    await context.close();
  });

  it('without script, shows no buttons and leaves the lines to select by hand', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await makeSecret(page);
    await expect(page.locator('button[data-copy]').first().isVisible()).resolves.toBe(false);
    expect(await page.locator('#install-linux').textContent()).toMatch(/^ESTATEWATCH_ENROL_SECRET=ewe_\S+ sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install\/linux\/install\.sh --hub /);
    await context.close();
  });
});
