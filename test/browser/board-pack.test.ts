/**
 * In Chromium, on the demo estate (with its fax and pager register and two
 * clean machines) under a named trust: the board pack reads like one. Plain
 * release names, times on the trust's clock, no contradiction between a count
 * and "None."; evidence pages a reader can use at 1280 px; a board member
 * who lands on their report, sees how stale a month-to-date one has become
 * and regenerates it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { updateOrganisation } from '../../src/store/organisations.js';
import { insertUser } from '../../src/store/users.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { cleanHostReport } from '../helpers/clean-host.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const MONTH = '2026-11';
const TRUST = 'Northshire Hospitals NHS Foundation Trust';
const CHAIR_PASSWORD = 'the chair of the board 2026';
let hub: ListeningTestHub;
let browser: Browser;
let page: Page;

/** Visible text of the page's main content. */
const mainText = () => page.locator('main').innerText();

beforeAll(async () => {
  hub = await startTestHub();
  seedDemoEstate(hub.deps);
  seedDemoRegister(hub.deps);
  for (const host of ['CLEAN-01', 'CLEAN-02']) ingestReport(hub.deps, cleanHostReport(host), { agentId: null, organisationId: 1, idempotencyKey: host });
  updateOrganisation(hub.deps.db, { id: 1, code: 'RNH', name: TRUST });
  insertUser(hub.deps.db, { username: 'chair', passwordHash: await hashPassword(CHAIR_PASSWORD), role: 'board', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  generateBoardReport(hub.deps, 1, MONTH, 'admin');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${hub.url}/login`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('the board report reads like a board pack', () => {
  it('names each release once, in plain words', async () => {
    await page.goto(`${hub.url}/board-reports/${MONTH}`);
    const products = await page.locator('h2:has-text("Unsupported operating systems") + * tbody tr td:first-child').allTextContents();
    expect(products).toEqual(expect.arrayContaining(['Microsoft Windows 7 SP1', 'Microsoft Windows Server 2012 R2', 'Microsoft Windows XP SP3']));
    const text = await mainText();
    expect(text).not.toContain('Windows Server Windows Server');
    expect(text).not.toContain('(client)');
  });

  it('gives every time on the trust’s clock, as "23 Nov 2026, 12:00 GMT", never as ISO', async () => {
    const text = await mainText();
    expect(text).toContain('snapshot taken 23 Nov 2026, 12:00 GMT');
    expect(text).toMatch(/Generated\s+23 Nov 2026, 12:00 GMT by admin/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('says no exception is in force before it counts the unsupported assets nobody has accepted, and no "None." after that count', async () => {
    const section = page.locator('section:has(h2:has-text("Risk-accepted exceptions"))');
    await expect(section.locator('#no-exceptions').innerText()).resolves.toBe('No risk-accepted exception is in force, so no unsupported asset is formally accepted.');
    await expect(section.locator('#not-accepted').innerText()).resolves.toBe('Unsupported assets neither replaced nor formally accepted: 12 of 12.');
    expect(await section.innerText()).not.toContain('None.');
  });
});

describe('faxes and pagers against their national targets', () => {
  it('says a passed target with devices still in use is a deadline missed, on the report', async () => {
    await page.goto(`${hub.url}/board-reports/${MONTH}`);
    await expect(page.locator('#fax-target').innerText()).resolves.toBe('Out of use by 31 March 2020: deadline missed: 3 still in use');
    await expect(page.locator('#pager-target').innerText()).resolves.toBe('Non-emergency pagers gone by 31 December 2021: deadline missed: 5 still in use');
  });

  it('starts the report’s charts at the first snapshot, with no empty months before the hub existed', async () => {
    const labels = await page.locator('.board-report .charts svg text').allTextContents();
    expect(labels).toContain(MONTH);
    expect(labels.filter((l) => /^\d{4}-\d{2}$/.test(l) && l < MONTH)).toEqual([]);
  });

  it('draws the devices page’s trajectories from the register’s first record, and says "deadline missed" rather than "passed"', async () => {
    await page.goto(`${hub.url}/devices`);
    const captions = await page.locator('figure.trajectory figcaption').allInnerTexts();
    expect(captions[0]).toContain('National target 31 Mar 2020: deadline missed: 3 still in use.');
    expect(captions[1]).toContain('National target 31 Dec 2021: deadline missed: 5 still in use.');
    expect(captions.join(' ')).not.toContain('passed');
    // The register was imported today: no month end before it is drawn, as zero or otherwise.
    const measured = await page.locator('figure.trajectory circle.traj-actual title').allTextContents();
    expect(measured).toEqual(['2026-11-23: 3 in use', '2026-11-23: 5 in use']);
  });
});

describe('evidence pages', () => {
  const ASSETS = `/board-reports/${MONTH}/evidence/assets?posture=unsupported`;

  it('names columns in words and shows times on the trust’s clock', async () => {
    await page.goto(`${hub.url}${ASSETS}`);
    const headers = await page.locator('#evidence thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Host', 'Operating system', 'Last seen', 'Risk accepted', 'Reported in last 7 days']));
    expect(headers).not.toContain('assetId');
    expect(headers).not.toContain('lastSeenAt');
    const lastSeen = await page.locator(`#evidence tbody td:nth-child(${headers.indexOf('Last seen') + 1})`).allTextContents();
    expect(lastSeen.length).toBe(12);
    for (const t of lastSeen) expect(t).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} (GMT|BST)$/);
    await expect(page.locator('main p').filter({ hasText: 'rows where' }).first().innerText()).resolves.toContain('rows where worst item is unsupported');
  });

  it('links each host to its asset page', async () => {
    const links = await page.locator('#evidence tbody td:nth-child(2) a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), host: a.textContent })));
    expect(links.length).toBe(12);
    const ids = await page.locator('#evidence tbody td:nth-child(1)').allTextContents();
    expect(links.map((l) => l.href)).toEqual(ids.map((id) => `/assets/${id}`));
    await page.click(`#evidence tbody a[href="${links[0]!.href}"]`);
    await page.waitForURL(`${hub.url}${links[0]!.href}`);
    await expect(page.locator('h1').innerText()).resolves.toContain(links[0]!.host ?? '');
  });

  it('fits every list in a 1280 px window: the table wraps inside the page, nothing scrolls sideways', async () => {
    for (const list of ['assets', 'items', 'alerts', 'exceptions', 'devices', 'unknown']) {
      await page.goto(`${hub.url}/board-reports/${MONTH}/evidence/${list}`);
      const fit = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const inner = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
        return { scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth, past: document.querySelector('#evidence')!.getBoundingClientRect().right - inner };
      });
      expect(fit.scroll, list).toBeLessThanOrEqual(0);
      expect(fit.past, list).toBeLessThanOrEqual(1);
    }
  });
});

describe('a board member', () => {
  let chair: Page;

  it('lands on the latest board report on signing in, not on the technical summary', async () => {
    chair = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await chair.goto(`${hub.url}/login`);
    await submitSignIn(chair, hub.url, 'chair', CHAIR_PASSWORD, `/board-reports/${MONTH}`);
    await expect(chair.locator('h1').innerText()).resolves.toBe('Cyber posture report: November 2026 (month to date)');
  });

  it('sees how many audited changes the month-to-date report misses, and regenerates it', async () => {
    const alert = hub.deps.db.prepare("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 1").get() as { id: number };
    // The admin acknowledges an alert: one audited change the report does not show.
    expect((await page.request.post(`${hub.url}/api/v1/alerts/${alert.id}/acknowledge`, { headers: { 'content-type': 'application/json' } })).status()).toBe(200);
    await chair.reload();
    await expect(chair.locator('#freshness p').innerText()).resolves.toContain(': 1 audited change to alerts, actions, exceptions, devices or assets since then');
    await chair.click('#freshness button:has-text("Regenerate")');
    await chair.waitForURL(`${hub.url}/board-reports/${MONTH}`);
    await expect(chair.locator('#flash').innerText()).resolves.toBe('Report for November 2026 generated: figures as of 23 November 2026.');
    await expect(chair.locator('#freshness p').innerText()).resolves.toContain('no audited change');
    await expect(chair.locator('.seal').innerText()).resolves.toMatch(/Generated\s+23 Nov 2026, 12:00 GMT by chair/);
  });
});
