/** A security lead's triage in real headless Chromium: the queue critical first, acknowledge one, suppress another. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { seedTriageAlerts } from '../helpers/insert-test-alert.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  hub = await startTestHub();
  // Engine rules stay out of the seed: this test owns every alert in the database.
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  seedTriageAlerts(hub.deps.db, TEST_NOW);
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

describe('alert triage in Chromium', () => {
  it('signs in and shows the live alerts, critical first, with overdue ones flagged', async () => {
    await page.goto(`${hub.url}/login?next=/alerts`);
    await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/alerts');
    const severities = await page.locator('#alerts tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-severity') ?? ''));
    expect(severities).toEqual(['critical', 'critical', 'high', 'high', 'medium', 'info']);
    expect(severities.map((s) => SEVERITY_ORDER.indexOf(s))).toEqual([...severities.map((s) => SEVERITY_ORDER.indexOf(s))].sort());
    const first = page.locator('#alerts tbody tr').first();
    expect(await first.getAttribute('class')).toBe('overdue');
    expect(await first.textContent()).toContain('Not acknowledged > 48 h');
    expect(await page.locator('#overdue').textContent()).toContain('2 high or critical alerts not acknowledged within 48 hours');
  });

  it('acknowledges an alert and shows its new status and the audit entry', async () => {
    await page.click('text=Windows 7 is unsupported');
    await page.waitForURL(/\/alerts\/\d+$/);
    expect(await page.locator('#evidence').textContent()).toContain('evidence for test alert');
    await page.click('#acknowledge button[type=submit]');
    await page.waitForSelector('#alert-status[data-status=acknowledged]');
    const entry = page.locator('#audit tr[data-action=acknowledge]');
    expect(await entry.textContent()).toContain('admin');
    expect(await entry.textContent()).toContain('status: open → acknowledged');
    expect(await page.locator('#acknowledge').count()).toBe(0);
  });

  it('suppresses another with a reason and an end date, and lists both changes', async () => {
    await page.goto(`${hub.url}/alerts`);
    await page.click('text=Server 2012 R2 past end of support');
    await page.waitForURL(/\/alerts\/\d+$/);
    await page.fill('#suppress-reason', 'PACS supplier upgrade booked for December');
    await page.fill('#suppress-until', '2026-12-15');
    await page.click('#suppress button[type=submit]');
    await page.waitForSelector('#alert-status[data-status=suppressed]');
    expect(await page.locator('#suppression').textContent()).toBe('until 2026-12-15: PACS supplier upgrade booked for December');
    const entry = (await page.locator('#audit tr[data-action=suppress]').textContent()) ?? '';
    expect(entry).toContain('status: open → suppressed');
    expect(entry).toContain('suppress reason: — → PACS supplier upgrade booked for December');
    expect(entry).toContain('suppressed until: — → 15 Dec 2026, 00:00 UTC');
    await page.goto(`${hub.url}/alerts`);
    const statuses = await page.locator('#alerts tbody tr[data-severity=critical] td.status, #alerts tbody tr[data-severity=high] td.status').allTextContents();
    expect(statuses.join(' ')).toContain('Acknowledged');
    expect(statuses.join(' ')).toContain('Suppressed');
  });
});
