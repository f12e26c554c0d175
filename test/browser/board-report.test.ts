/** In Chromium, on the demo estate: the board report generated from its form, and every figure on it traced to the rows it counts. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

const MONTH = '2026-11';
let hub: ListeningTestHub;
let browser: Browser;
let page: Page;

interface FigureOnPage {
  href: string;
  list: string;
  value: number;
  text: string;
}

/** Every `a.figure` on the current page, as the reader sees it. */
function figuresOnPage(): Promise<FigureOnPage[]> {
  return page.$$eval('a.figure', (links) =>
    links.map((a) => ({ href: a.getAttribute('href') ?? '', list: a.getAttribute('data-list') ?? '', value: Number(a.getAttribute('data-value')), text: a.textContent ?? '' })),
  );
}

beforeAll(async () => {
  hub = await startTestHub();
  expect(seedDemoEstate(hub.deps)).toBe(15);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${hub.url}/login`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('board report in Chromium', () => {
  it('generates the month from the form and lands on its report, headline first', async () => {
    await page.goto(`${hub.url}/board-reports`);
    await page.fill('main form[action="/board-reports"] input[name=month]', MONTH);
    await page.click('main form[action="/board-reports"] button[type=submit]');
    await page.waitForURL(`${hub.url}/board-reports/${MONTH}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Cyber posture report');
    const headline = page.locator('#headline');
    expect(await headline.isVisible()).toBe(true);
    expect(await headline.textContent()).toContain('of the estate');
    // The generation was stored and audited as the signed-in admin.
    const stored = hub.deps.db.prepare('SELECT generated_by AS by FROM board_reports WHERE month = ?').get(MONTH) as { by: string } | undefined;
    expect(stored?.by).toBe('admin');
  });

  it('follows the unsupported operating systems figure to exactly as many evidence rows as it counts', async () => {
    await page.goto(`${hub.url}/board-reports/${MONTH}`);
    const link = page.locator('h2:has-text("Unsupported operating systems") a.figure');
    expect(await link.count()).toBe(1);
    const value = Number(await link.getAttribute('data-value'));
    expect(value).toBeGreaterThan(0);
    expect(await link.textContent()).toBe(String(value));
    await link.click();
    await page.waitForURL(new RegExp(`/board-reports/${MONTH}/evidence/items\\?`));
    await expect(page.locator('#evidence-count').textContent()).resolves.toBe(String(value));
    expect(await page.locator('#evidence tbody tr').count()).toBe(value);
    // Every row shown is an unsupported operating system.
    const headers = await page.locator('#evidence thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
    const cells = await page.locator('#evidence tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const col = (name: string) => headers.indexOf(name);
    expect(col('kind')).toBeGreaterThanOrEqual(0);
    for (const row of cells) {
      expect(row[col('kind')]).toBe('os');
      expect(row[col('status')]).toBe('unsupported');
    }
  });

  it('leads a figure of zero to an empty evidence table', async () => {
    await page.goto(`${hub.url}/board-reports/${MONTH}`);
    const zero = page.locator('a.figure[data-value="0"]').first();
    expect(await zero.count()).toBe(1);
    const href = (await zero.getAttribute('href')) ?? '';
    await zero.click();
    await page.waitForURL(`${hub.url}${href}`);
    await expect(page.locator('#evidence-count').textContent()).resolves.toBe('0');
    expect(await page.locator('#evidence').count()).toBe(1);
    expect(await page.locator('#evidence tbody tr').count()).toBe(0);
  });

  it('links every figure to exactly as many evidence rows as it counts', async () => {
    await page.goto(`${hub.url}/board-reports/${MONTH}`);
    const figures = await figuresOnPage();
    expect(figures.length).toBeGreaterThanOrEqual(40);
    const prefix = `/board-reports/${MONTH}/evidence/`;
    const mismatches: string[] = [];
    for (const f of figures) {
      expect(f.href.startsWith(prefix), f.href).toBe(true);
      // The number printed is the number counted.
      expect(f.text.replace(/,/g, ''), f.href).toBe(String(f.value));
      // page.request shares the signed-in browser context's cookies.
      const res = await page.request.get(`${hub.url}/api/v1${f.href}`);
      expect(res.status(), f.href).toBe(200);
      const body = (await res.json()) as { list: string; count: number; rows: unknown[] };
      if (body.count !== f.value || body.rows.length !== f.value || body.list !== f.list) mismatches.push(`${f.href}: shows ${f.value} (${f.list}), evidence has ${body.count} (${body.list})`);
    }
    expect(mismatches).toEqual([]);
    // Not vacuous: the estate has figures above zero in several lists.
    const nonZeroLists = new Set(figures.filter((f) => f.value > 0).map((f) => f.list));
    expect(nonZeroLists.size).toBeGreaterThanOrEqual(3);
  });

  it('loads nothing but its own stylesheet and icon, and draws its charts as inline SVG', async () => {
    const requested: string[] = [];
    const onRequest = (r: { url(): string }) => requested.push(r.url());
    page.on('request', onRequest);
    await page.goto(`${hub.url}/board-reports/${MONTH}`, { waitUntil: 'networkidle' });
    page.off('request', onRequest);
    const own = ['/static/app.css', '/favicon.svg'];
    expect(requested.filter((url) => !own.some((path) => url === `${hub.url}${path}`))).toEqual([`${hub.url}/board-reports/${MONTH}`]);
    expect(requested).toContain(`${hub.url}/static/app.css`);
    // Nor anything that would load elsewhere (a CDN script, font or image).
    const external = await page.$$eval(
      'script[src], link[href], img[src], iframe, object, embed, source',
      (els, ownPaths) => els.map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? e.tagName).filter((u) => !ownPaths.includes(u)),
      own,
    );
    expect(external).toEqual([]);
    expect(await page.locator('.board-report .charts svg').count()).toBeGreaterThanOrEqual(3);
    if (process.env.ESTATEWATCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.ESTATEWATCH_SCREENSHOTS}/board-report.png`, fullPage: true });
  });
});
