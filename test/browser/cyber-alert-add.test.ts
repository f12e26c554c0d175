/**
 * A security lead's cyber alert in real headless Chromium (issue 23, point 6):
 * adds it from the page by paste, sees it listed with the machine carrying an
 * affected Firefox, acknowledges it within the 48 hours, and the month's board
 * report counts it received and acknowledged within 48 hours.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import type { Report } from '../../src/contract/report.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { insertUser } from '../../src/store/users.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { sampleReport } from '../helpers/reports.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';
import { FIRST_TRUST } from '../helpers/trusts.js';

const REFERENCE = 'CC-9001';
const MONTH = '2026-11';
const PASSWORD = 'a long enough passphrase';

// Published the day before the test clock (2026-11-23 12:00 UTC): acknowledged now is within 48 hours.
const ALERT = `reference: ${REFERENCE}
title: Firefox use-after-free exploited in the wild
published: 2026-11-22
severity: critical
cves: [CVE-2024-9680]
affected:
  - product: firefox
    versions: ["before 131.0.2"]
remedy: Update Firefox to 131.0.2 or later.
link: https://www.cve.org/CVERecord?id=CVE-2024-9680
`;

let hub: ListeningTestHub;
let browser: Browser;
let page: Page;

/** A Windows PC of the first trust carrying a Firefox below the fix. */
function affectedPc(): Report {
  const base = sampleReport();
  return { ...base, host: { ...base.host, hostname: 'ED-PC017', serial: 'ED-PC017' }, software: [...base.software, { name: 'Mozilla Firefox (x64 en-GB)', version: '131.0.1', vendor: 'Mozilla', source: 'registry' }] };
}

beforeAll(async () => {
  hub = await startTestHub();
  insertUser(hub.deps.db, { username: 'lead', passwordHash: await hashPassword(PASSWORD), role: 'security-lead', mustChangePassword: false, organisationId: FIRST_TRUST, now: TEST_NOW.toISOString() });
  ingestReport(hub.deps, affectedPc(), { agentId: null, organisationId: FIRST_TRUST, idempotencyKey: randomUUID() });
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('a cyber alert in Chromium', () => {
  it('is added by a security lead from the page by paste and lists the affected machine', async () => {
    await page.goto(`${hub.url}/login?next=/cyber-alerts`);
    await submitSignIn(page, hub.url, 'lead', PASSWORD, '/cyber-alerts');
    await page.click('#add-cyber-alert');
    await page.waitForURL(`${hub.url}/cyber-alerts/new`);
    await page.fill('#alert-text', ALERT);
    await page.click('#paste button[type=submit]');
    await page.waitForURL(`${hub.url}/cyber-alerts/${REFERENCE}`);
    expect(await page.locator('#cyber-machines tbody tr').allTextContents()).toEqual([expect.stringContaining('ED-PC017')]);
    expect(await page.locator('#cyber-machines tbody tr td').nth(1).textContent()).toBe('Mozilla Firefox (x64 en-GB) 131.0.1');

    await page.goto(`${hub.url}/cyber-alerts`);
    const row = page.locator(`#cyber-alerts tr[data-reference="${REFERENCE}"]`);
    expect(await row.locator('td.affected').textContent()).toBe('1');
    expect(await row.locator('td.acknowledged').textContent()).toBe('0 of 1');
    expect(await row.locator('td.stage').textContent()).toBe('Not acknowledged');
  });

  it('is acknowledged on its page, within the 48 hours, and audited', async () => {
    await page.click(`#cyber-alerts a[href="/cyber-alerts/${REFERENCE}"]`);
    await page.waitForURL(`${hub.url}/cyber-alerts/${REFERENCE}`);
    await page.click('section.trust-response form[id^="acknowledge-"] button[type=submit]');
    await page.waitForSelector('section.trust-response[data-stage="acknowledged"]');
    expect(await page.locator('section.trust-response .acknowledgement').textContent()).toContain('by lead (within 48 hours)');
    expect(await page.locator('#audit tr[data-action=acknowledge]').textContent()).toContain('lead');
    if (process.env.ESTATEWATCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.ESTATEWATCH_SCREENSHOTS}/cyber-alert.png`, fullPage: true });
  });

  // The board report counts it: the board helper's section (report-page cyber-section.tsx) is checked here.
  it("is counted by the month's board report: 1 received, 1 of 1 acknowledged within 48 hours", async () => {
    await page.goto(`${hub.url}/board-reports`);
    await page.fill('main form[action="/board-reports"] input[name=month]', MONTH);
    await page.click('main form[action="/board-reports"] button[type=submit]');
    await page.waitForURL(`${hub.url}/board-reports/${MONTH}`);
    const value = (selector: string) => page.locator(selector).evaluateAll((links) => links.map((a) => Number(a.getAttribute('data-value'))));
    expect((await value('#cyber-received a.figure'))[0]).toBe(1);
    expect(await value('#cyber-acknowledged strong a.figure')).toEqual([1, 1]);
  });
});
