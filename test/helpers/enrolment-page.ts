/**
 * The Enrol agents page as an admin works it in Chromium: sign in, make a
 * secret, press a line's copy button.
 */
import type { Page } from 'playwright-core';
import { submitSignIn } from './browser.js';
import type { ListeningTestHub } from './test-hub.js';

/** Signs in as `hub`'s admin on `page` and makes a one-machine secret for `label`; returns what the browser's console said meanwhile. */
export async function makeSecretInBrowser(page: Page, hub: ListeningTestHub, label: string): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(`${hub.url}/login?next=/admin/enrolment`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/admin/enrolment');
  await page.fill('#label', label);
  await page.click('form.panel button[type=submit]');
  await page.waitForSelector('#new-secret');
  return console;
}

/** Presses the copy button of the element `id`, waits for it to say so, and returns the clipboard (which the page's context may read). */
export async function copyWithButton(page: Page, id: string): Promise<string> {
  const button = page.locator(`button[data-copy="${id}"]`);
  await button.click();
  await button.filter({ hasText: /^Copied$/ }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}
