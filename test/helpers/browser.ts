import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run; playwright-core never downloads a browser. */
export const CHROMIUM = process.env.ESTATEWATCH_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with a fresh profile (playwright makes and removes one per launch). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The closed network refuses Chromium's background calls; these flags stop it making them.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Sends the sign-in form already open on `page` and waits to land on `landing` (a path on the hub at `url`). */
export async function submitSignIn(page: Page, url: string, username: string, password: string, landing: string): Promise<void> {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${url}${landing}`);
}

/** Follows the navigation's link to `href`, opening its group's menu first when it sits in one. */
export async function openNavLink(page: Page, href: string): Promise<void> {
  const group = page.locator(`header nav details:has(a[href="${href}"]) > summary`);
  if (await group.count()) await group.click();
  await page.click(`header nav a[href="${href}"]`);
}
