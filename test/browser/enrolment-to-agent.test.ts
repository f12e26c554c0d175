/**
 * The IT engineer's path in real headless Chromium, from the Enrol agents page
 * to a running agent: a secret made for this machine, the Linux line copied
 * with its button and pasted into a shell in the one-file agent's folder
 * (installing under a temporary root), the installed agent's first scan run
 * as its systemd unit runs it, and then this machine on the Agents page, with
 * its last report and agent version, and on its own page with its real OS.
 */
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AGENT_VERSION } from '../../agents/version.js';
import { buildAgent } from '../../scripts/build-agent.js';
import { launchChromium, openNavLink } from '../helpers/browser.js';
import { copyWithButton, makeSecretInBrowser } from '../helpers/enrolment-page.js';
import { runChild } from '../helpers/run-child.js';
import { startTestHub, tempDir, type ListeningTestHub } from '../helpers/test-hub.js';
import { unitScanArgs } from '../helpers/unit-scan.js';

let hub: ListeningTestHub;
let browser: Browser;
let dist: string;
let root: string;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  dist = tempDir('estatewatch-agent-dist-');
  root = tempDir('estatewatch-install-root-');
  await buildAgent(dist);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  for (const dir of [dist, root]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A field of this machine's os-release(5), read here rather than by the agent's own parser. */
function osRelease(key: string): string {
  const text = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : fs.readFileSync('/usr/lib/os-release', 'utf8');
  return new RegExp(`^${key}=(["']?)(.*)\\1$`, 'm').exec(text)?.[2] ?? '';
}

describe("the IT engineer's path in Chromium", () => {
  it('puts this machine on the Agents page and its own page from the Linux line copied off the Enrol agents page', async () => {
    const host = os.hostname();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
    const page = await context.newPage();
    await makeSecretInBrowser(page, hub, host);
    const copied = await copyWithButton(page, 'install-linux');
    expect(copied).toBe(await page.locator('#install-linux').textContent());
    expect(copied).toContain(`sh install/linux/install.sh --hub ${hub.url}`);

    // sudo comes off, and only sudo: it resets the environment, so ESTATEWATCH_INSTALL_ROOT would not reach the
    // helper and it would install into / and start systemd; nor can a test count on a sudoer (this one runs without).
    // enrolment-install-lines.test.ts runs the line with its sudo, through a stand-in that checks the secret's hand-off.
    const SUDO = ' sudo --preserve-env=ESTATEWATCH_ENROL_SECRET ';
    expect(copied.split(SUDO)).toHaveLength(2);
    const pasted = copied.replace(SUDO, ' ');
    const install = await runChild('sh', ['-c', pasted], { cwd: dist, env: { ESTATEWATCH_INSTALL_ROOT: root } });
    expect(install.status, install.stderr).toBe(0);
    // What `systemctl start estatewatch-agent.service` would run: one scan, sent to the hub.
    const scan = await runChild(process.execPath, unitScanArgs(root));
    expect(scan.status, scan.stderr).toBe(0);

    await openNavLink(page, '/admin/agents');
    // The hub is new: this machine's agent is its only one.
    const row = page.locator('#agents tbody tr');
    await expect(row.count()).resolves.toBe(1);
    expect(await row.locator('td.host strong').textContent()).toBe(host);
    // The hub's clock (TEST_NOW) when the report arrived.
    expect(await row.locator('td.last-report').textContent()).toBe('2026-11-23 12:00 UTC');
    expect(await row.locator('td.version').textContent()).toBe(AGENT_VERSION);
    expect(await row.locator('td.state').textContent()).toBe('live');

    await row.locator('td.host a').click();
    await page.waitForURL(/\/assets\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(host);
    expect(await page.locator('#os').textContent()).toContain(`${osRelease('NAME')} ${osRelease('VERSION_ID')}`);
    await context.close();
  });
});
