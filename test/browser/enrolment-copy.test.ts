/**
 * The Enrol agents page's copy buttons in real headless Chromium: the hub's
 * own script runs under its CSP and copies each install line exactly, the Mac
 * and Windows lines (which no machine here can run) naming the hub and giving
 * the secret in the environment only; with script off the buttons stay hidden
 * and the lines are plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { copyWithButton, makeSecretInBrowser } from '../helpers/enrolment-page.js';
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

describe('the Enrol agents page in Chromium', () => {
  it('copies each install line with its button, the hub’s script running under its CSP', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
    const page = await context.newPage();
    const console = await makeSecretInBrowser(page, hub, 'ward 7 PCs');
    const copies = new Map<string, string>();
    for (const id of ['secret', 'install-linux', 'install-macos', 'install-windows', 'install-agent']) {
      await expect(page.locator(`button[data-copy="${id}"]`).isVisible()).resolves.toBe(true);
      copies.set(id, await copyWithButton(page, id));
      expect(copies.get(id), id).toBe(await page.locator(`#${id}`).textContent());
    }
    expect(copies.get('install-agent')).toContain(`--hub ${hub.url}`);
    // No Mac or Windows machine runs these lines here (enrolment-to-agent.test.ts runs Linux's), so their copied text is
    // checked: the hub's address, and the secret set in the environment first and never again as an argument.
    const secret = copies.get('secret') ?? '';
    const inEnvironment = {
      'install-macos': `ESTATEWATCH_ENROL_SECRET=${secret} sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install/macos/install.sh `,
      'install-windows': `$env:ESTATEWATCH_ENROL_SECRET='${secret}'; powershell -ExecutionPolicy Bypass -File install\\windows\\install.ps1 `,
    };
    for (const [id, start] of Object.entries(inEnvironment)) {
      const line = copies.get(id) ?? '';
      expect(line.startsWith(start), `${id}: ${line}`).toBe(true);
      expect(line.slice(start.length), id).not.toContain(secret);
      expect(line, id).toContain(hub.url);
    }
    expect(console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
    await context.close();
  });

  it('without script, shows no buttons and leaves the lines to select by hand', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await makeSecretInBrowser(page, hub, 'ward 7 PCs');
    await expect(page.locator('button[data-copy]').first().isVisible()).resolves.toBe(false);
    expect(await page.locator('#install-linux').textContent()).toMatch(/^ESTATEWATCH_ENROL_SECRET=ewe_\S+ sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install\/linux\/install\.sh --hub /);
    await context.close();
  });
});
