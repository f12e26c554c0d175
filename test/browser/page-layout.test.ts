/**
 * The pages' frame in real Chromium on a seeded estate: the grouped navigation
 * on one line at 1366 px and usable without script, no page wider than a
 * 390 px phone (wide tables scroll in their own box), and the favicon.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, describeViolation } from '../helpers/axe-audit.js';
import { startAuditedEstate, type AuditedEstate } from '../helpers/audited-estate.js';
import { launchChromium, openNavLink, submitSignIn } from '../helpers/browser.js';

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

/** A new page at this width, signed in as admin, javaScript on or off. */
async function signedInPage(width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${estate.hub.url}/login`);
  await submitSignIn(page, estate.hub.url, 'admin', estate.hub.adminPassword, '/');
  return page;
}

/** How far the page reaches past the viewport's right edge, and the deepest elements that reach it. */
function overflowOf(page: Page, width: number): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate((w) => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
    // What a table's own scroll box hides does not widen the page.
    const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > w + 0.5 && !el.closest('.table-scroll'));
    const culprits = wide.filter((el) => ![...el.children].some((c) => wide.includes(c))).slice(0, 5).map((el) => `${name(el.parentElement as Element)} > ${name(el)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  }, width);
}

describe('grouped navigation', () => {
  it('keeps the brand, every group and the sign-out form on one line at 1366 px', async () => {
    const page = await signedInPage(1366);
    for (const path of estate.pages) {
      await page.goto(`${estate.hub.url}${path}`);
      const middles = await page.locator('header .brand, header nav > ul > li, header form').evaluateAll((els) => els.map((el) => {
        const r = el.getBoundingClientRect();
        return Math.round(r.top + r.height / 2);
      }));
      expect(Math.max(...middles) - Math.min(...middles), path).toBeLessThanOrEqual(4);
    }
    await page.context().close();
  });

  it('opens a group and follows its link with script turned off', async () => {
    const page = await signedInPage(1366, false);
    expect(await page.locator('nav a[href="/software"]').isVisible()).toBe(false);
    await openNavLink(page, '/software');
    await page.waitForURL(`${estate.hub.url}/software`);
    expect(await page.locator('nav a[aria-current=page]').getAttribute('href')).toBe('/software');
    await page.context().close();
  });
});

describe('a 390 px phone', () => {
  it('never scrolls any main page sideways, and axe finds nothing there either (each table scroll box reachable by keyboard)', async () => {
    const page = await signedInPage(390);
    const wide: string[] = [];
    const violations: string[] = [];
    for (const path of ['/login', ...estate.pages]) {
      await page.goto(`${estate.hub.url}${path}`);
      const { scrollWidth, culprits } = await overflowOf(page, 390);
      if (scrollWidth > 390) wide.push(`${path}: ${scrollWidth} px, reached by ${culprits.join(', ')}`);
      violations.push(...(await auditPage(page, `${path} (390 px)`)).map(describeViolation));
    }
    expect(wide).toEqual([]);
    expect(violations).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('opens a navigation menu within the width', async () => {
    const page = await signedInPage(390);
    await page.click('header nav summary:has-text("Clinical safety")');
    expect(await page.locator('header nav a[href="/exceptions"]').isVisible()).toBe(true);
    expect((await overflowOf(page, 390)).scrollWidth).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe('favicon', () => {
  it('is an SVG at /favicon.svg, linked from every page', async () => {
    const res = await fetch(`${estate.hub.url}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toContain('<svg');
    const page = await browser.newPage();
    await page.goto(`${estate.hub.url}/login`);
    expect(await page.locator('head link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
    await page.close();
  });
});
