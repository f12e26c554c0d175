/**
 * The security lead's and the CSOs' days in real headless Chromium: fifty
 * overdue alerts acknowledged in one go; an end-of-life machine's alert turned
 * into an exception request; two CSOs, one requesting and one signing off with
 * a statement, each told only what is theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createApp } from '../../src/hub/app.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const PASSWORD = 'a test password 123';

let hub: ListeningTestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub();
  // Engine rules stay out of the seed: these tests own every alert in the database.
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  await signInUsers(createApp(hub.deps), hub, [['lead', 'security-lead'], ['cso-a', 'cso'], ['cso-b', 'cso']]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function signedIn(username: string, landing: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${hub.url}/login?next=${encodeURIComponent(landing)}`);
  await submitSignIn(page, hub.url, username, PASSWORD, landing);
  return page;
}

describe("the security lead's morning", () => {
  it('acknowledges fifty overdue high alerts from the list in one go, and is told so at the top', async () => {
    const ids = Array.from({ length: 50 }, () => insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', ruleId: 'unsupported-software', severity: 'high', raisedAt: hoursBefore(TEST_NOW, 60) }));
    const page = await signedIn('lead', '/alerts?status=open&severity=high');
    await page.check('#bulk input[name=scope][value=filter]');
    expect(await page.locator('#bulk').textContent()).toContain('every alert these filters list (50)');
    await page.selectOption('#bulk-action', 'acknowledge');
    await page.click('#bulk button[type=submit]');
    await page.waitForSelector('#bulk-outcome');
    expect(await page.locator('#bulk-outcome').textContent()).toContain('Acknowledged 50 alerts.');
    const statuses = hub.deps.db.prepare(`SELECT DISTINCT status FROM alerts WHERE id IN (${ids.join(',')})`).all();
    expect(statuses).toEqual([{ status: 'acknowledged' }]);
    await page.close();
  });

  it("turns an unsupported machine's alert into an exception request, its machine and rule filled in", async () => {
    const id = insertTestAlert(hub.deps.db, { hostname: 'PACS-SRV01', ruleId: 'unsupported-os', severity: 'critical', raisedAt: hoursBefore(TEST_NOW, 5), title: 'Server 2012 R2 past end of support' });
    const page = await signedIn('lead', `/alerts/${id}`);
    expect(await page.locator('#suppress-cap').textContent()).toContain('may be suppressed until 2026-12-23 at most');
    await page.click('#request-exception a');
    await page.waitForURL(/\/exceptions\?hostname=PACS-SRV01&rule=unsupported-os#request$/);
    expect(await page.inputValue('#ex-title')).toBe('Unsupported operating system: PACS-SRV01');
    expect(await page.inputValue('#ex-hostnames')).toBe('PACS-SRV01');
    await page.fill('#ex-justification', 'The PACS supplier certifies no newer OS until its 2027 release.');
    await page.fill('#ex-controls', 'Own VLAN, no internet, access from the radiology workstations only');
    await page.fill('#ex-expires', '2027-06-30');
    await page.click('#request button[type=submit]');
    await page.waitForURL(/\/exceptions\/\d+$/);
    expect(await page.locator('#flash').textContent()).toMatch(/Exception #\d+ requested: the trust's CSOs are asked to sign it off\./);
    await page.close();
  });
});

describe('two CSOs and an accepted risk', () => {
  it('tells the other CSO, not the requester; the sign-off needs a statement; the notice closes for both', async () => {
    const requester = await signedIn('cso-a', '/exceptions');
    await requester.fill('#ex-title', 'Pharmacy PC on Windows 7 until the robot is replaced');
    await requester.fill('#ex-justification', 'The dispensing robot driver runs on Windows 7 only; its replacement is funded.');
    await requester.fill('#ex-controls', 'No internet, USB disabled, one pharmacist account');
    await requester.fill('#ex-expires', '2027-03-31');
    await requester.fill('#ex-hostnames', 'PHARM-PC02');
    await requester.selectOption('#ex-rules', ['unsupported-os']);
    await requester.click('#request button[type=submit]');
    await requester.waitForURL(/\/exceptions\/\d+$/);
    const path = new URL(requester.url()).pathname;
    const mine = `Exception #${path.split('/').pop()} 'Pharmacy PC on Windows 7 until the robot is replaced' requested by cso-a awaits sign-off`;
    expect(await requester.locator('#four-eyes').textContent()).toContain('another CSO must sign it off');
    await requester.goto(`${hub.url}/notifications`);
    expect(await requester.locator('main').textContent()).not.toContain(mine);

    const signer = await signedIn('cso-b', '/notifications');
    const notice = signer.locator('tr', { hasText: mine });
    expect(await notice.count()).toBe(1);
    await signer.goto(`${hub.url}${path}`);
    await signer.fill('#sign-off-statement', 'Accepted: the PC is isolated and the robot is replaced in March.');
    await signer.click('#sign-off button[type=submit]');
    // Without the confirmation the browser will not send the form.
    expect(new URL(signer.url()).pathname).toBe(path);
    await signer.check('#sign-off input[name=confirm]');
    await signer.click('#sign-off button[type=submit]');
    await signer.waitForSelector('#flash');
    expect(await signer.locator('#flash').textContent()).toContain('signed off: in effect');
    expect(await signer.locator('#audit tr[data-action=sign-off]').textContent()).toContain('statement: Accepted: the PC is isolated');
    await signer.goto(`${hub.url}/notifications`);
    expect(await signer.locator('tr', { hasText: mine }).getAttribute('data-read')).toBe('yes');
    await requester.close();
    await signer.close();
  });
});
