/**
 * WCAG 2.2 AA on every main page, in real Chromium on a seeded estate: axe-core
 * finds no violation in light or dark colours, signed in or at the sign-in page;
 * what axe leaves to people is checked here too: form controls' edges at 3:1,
 * header cells' scope, tables' scroll boxes, the skip link, the landmarks
 * and aria-current.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, describeViolation } from '../helpers/axe-audit.js';
import { startAuditedEstate, type AuditedEstate } from '../helpers/audited-estate.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { faintControls } from '../helpers/control-contrast.js';

type Scheme = 'light' | 'dark';
let estate: AuditedEstate;
let browser: Browser;

beforeAll(async () => {
  estate = await startAuditedEstate();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await estate?.hub.close();
});

const axeViolations = async (page: Page, label: string) => (await auditPage(page, label)).map(describeViolation);

const faintControlEdges = async (page: Page, label: string) => (await faintControls(page)).map((f) => `${f.control} on ${label}: ${f.ratio}:1`);

const headersWithoutScope = async (page: Page, label: string) =>
  (await page.locator('th:not([scope])').allTextContents()).map((text) => `th "${text.trim()}" on ${label} has no scope`);

/** Tables whose scroll box a keyboard could not reach: nothing focusable inside, and not focusable itself (components/table-scroll.tsx). */
const unreachableTables = async (page: Page, label: string) =>
  (await page.locator('.table-scroll:not([tabindex])').evaluateAll((boxes) =>
    boxes.filter((box) => !box.querySelector('a[href], button, input, select, textarea, [tabindex]')).map((box) => box.querySelector('table')?.id || box.querySelector('th')?.textContent || '?'),
  )).map((table) => `table ${table} on ${label} has nothing focusable: give its TableScroll a label`);

/** What each check looks for on a page; each returns what it found wrong, every line naming its page. */
const CHECKS = { axe: axeViolations, controlEdges: faintControlEdges, headerScope: headersWithoutScope, tableScroll: unreachableTables };
type Findings = Record<keyof typeof CHECKS, string[]>;

/**
 * Opens the sign-in page and then, signed in as admin, every main page, in
 * one colour scheme at 1366 px, and runs every check on each: one walk a
 * scheme (signing in and loading every page), not one a check.
 */
async function walkEveryPage(scheme: Scheme): Promise<Findings> {
  const { hub, pages } = estate;
  const found: Findings = { axe: [], controlEdges: [], headerScope: [], tableScroll: [] };
  const checkPage = async (page: Page, label: string) => {
    for (const [name, check] of Object.entries(CHECKS) as [keyof Findings, (page: Page, label: string) => Promise<string[]>][]) found[name].push(...(await check(page, label)));
  };
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${hub.url}/login`);
  await checkPage(page, `/login (${scheme})`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/');
  for (const path of pages) {
    const res = await page.goto(`${hub.url}${path}`);
    if (res?.status() !== 200) for (const lines of Object.values(found)) lines.push(`${path} answered ${res?.status()}`);
    await checkPage(page, `${path} (${scheme})`);
  }
  await context.close();
  return found;
}

const walks = new Map<Scheme, Promise<Findings>>();

/** What one check found on every page in a colour scheme, from that scheme's one walk. */
function checkEveryPage(scheme: Scheme, check: keyof Findings): Promise<string[]> {
  const walk = walks.get(scheme) ?? walkEveryPage(scheme);
  walks.set(scheme, walk);
  return walk.then((found) => found[check]);
}

describe('WCAG 2.2 AA audit (axe-core)', () => {
  it.each(['light', 'dark'] as const)('finds no violation on any main page in %s colours', async (scheme) => {
    expect(await checkEveryPage(scheme, 'axe')).toEqual([]);
  }, 120_000);
});

describe('what axe leaves to people', () => {
  it.each(['light', 'dark'] as const)('gives every form control an edge of at least 3:1 in %s colours', async (scheme) => {
    expect(await checkEveryPage(scheme, 'controlEdges')).toEqual([]);
  }, 120_000);

  it('gives every table header cell a scope', async () => {
    expect(await checkEveryPage('light', 'headerScope')).toEqual([]);
  }, 120_000);

  it('lets a keyboard scroll every table, whatever the window width', async () => {
    expect(await checkEveryPage('light', 'tableScroll')).toEqual([]);
  }, 120_000);

  it('lets a keyboard skip the navigation: the skip link is the first Tab stop and lands on the main content', async () => {
    const page = await browser.newPage();
    await page.goto(`${estate.hub.url}/login?next=/alerts`);
    await submitSignIn(page, estate.hub.url, 'admin', estate.hub.adminPassword, '/alerts');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.className, document.activeElement?.textContent])).toEqual(['skip-link', 'Skip to main content']);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('marks out the header, the labelled navigation and the main content, and says which page is current', async () => {
    const page = await browser.newPage();
    await page.goto(`${estate.hub.url}/login?next=/hazards`);
    await submitSignIn(page, estate.hub.url, 'admin', estate.hub.adminPassword, '/hazards');
    expect(await page.locator('body > header nav[aria-label="Main"]').count()).toBe(1);
    expect(await page.locator('body > main#main').count()).toBe(1);
    expect(await page.locator('nav [aria-current=page]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/hazards']);
    expect(await page.locator('nav details.here > summary').textContent()).toBe('Clinical safety');
    const hazard = estate.pages.find((p) => /^\/hazards\/\d+$/.test(p)) as string;
    await page.goto(`${estate.hub.url}${hazard}`);
    // A record is inside its list: the list's link says so, without claiming to be this page.
    expect(await page.locator('nav [aria-current]').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]))).toEqual([['/hazards', 'true']]);
    await page.close();
  });
});
