/** The CSO's day in real headless Chromium: raise a hazard from an alert, read the matrix, add an action, find it under My actions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/password.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { insertUser } from '../../src/store/users.js';
import { launchChromium, openNavLink, submitSignIn } from '../helpers/browser.js';
import { hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let browser: Browser;
let page: Page;
let alertId: number;

beforeAll(async () => {
  hub = await startTestHub();
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  alertId = insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'critical', raisedAt: hoursBefore(TEST_NOW, 3), ruleId: 'os-unsupported', subject: 'os', title: 'Windows 7 is unsupported' });
  insertUser(hub.deps.db, { username: 'cso', passwordHash: await hashPassword('a test password 123'), role: 'cso', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  browser = await launchChromium();
  page = await browser.newPage();
  // Fail in seconds, not at the 30 s test timeout, with playwright's message saying what it waited for.
  page.setDefaultTimeout(5000);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('the hazard log in Chromium', () => {
  it('raises a hazard from an alert and shows the matrix with the initial cell marked', async () => {
    await page.goto(`${hub.url}/login?next=/alerts/${alertId}`);
    await submitSignIn(page, hub.url, 'cso', 'a test password 123', `/alerts/${alertId}`);
    await page.selectOption('#raise-severity', '4');
    await page.selectOption('#raise-likelihood', '3');
    await page.click('#raise-hazard button[type=submit]');
    await page.waitForURL(/\/hazards\/\d+$/);
    expect(await page.locator('h1').textContent()).toContain('Windows 7 is unsupported');
    expect(await page.locator('#hazard-facts').textContent()).not.toContain('evidence for test alert');
    await page.click('#hazard-links details.how-matched summary');
    expect(await page.locator('#hazard-links details.how-matched p').textContent()).toContain('evidence for test alert');
    const initial = page.locator('#risk-matrix td.initial');
    expect(await initial.count()).toBe(1);
    expect(await initial.getAttribute('data-severity')).toBe('4');
    expect(await initial.getAttribute('data-likelihood')).toBe('3');
    expect(await initial.textContent()).toBe('3Initial');
    expect(await page.locator('#initial-risk').textContent()).toContain('Major × Medium');
    expect(await page.locator('#hazard-links').textContent()).toContain('WARD7-PC014');
  });

  it('adds an action to the hazard and finds it under My actions', async () => {
    await page.fill('#action-title', 'Replace the Ward 7 PC');
    await page.fill('#action-due', '2026-12-18');
    await page.check('#action-controls');
    await page.click('#new-action button[type=submit]');
    await page.waitForSelector('#actions tbody tr');
    expect(await page.locator('#actions tbody tr').textContent()).toContain('Replace the Ward 7 PC');
    await openNavLink(page, '/actions');
    await page.waitForURL(`${hub.url}/actions`);
    await page.click('#my-actions');
    await page.waitForURL(`${hub.url}/actions?mine=1`);
    expect(await page.locator('h1').textContent()).toBe('My actions');
    const rows = page.locator('#actions tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('Windows 7 is unsupported');
    expect(await page.locator('#download-csv').getAttribute('href')).toBe('/api/v1/actions.csv?mine=1');
  });
});
