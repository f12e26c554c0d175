/**
 * Reports and register entries carrying XSS payloads in every free-text field,
 * shown on the real pages in headless Chromium. The hub's CSP would stop an
 * injected inline script from running even if escaping failed, so "no dialog"
 * alone proves little: each page is also checked for injected elements and
 * handlers in the DOM, and for the payload shown as literal text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { checkReport, type Report } from '../../src/contract/report.js';
import { launchChromium, submitSignIn } from '../helpers/browser.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const P = {
  script: '<script>alert("xss-script")</script>',
  img: '"><img src=x onerror=alert("xss-img")>',
  title: '</title><script>alert("xss-title")</script>',
  js: 'javascript:alert("xss-js")',
  attr: "' onmouseover='alert(\"xss-attr\")' x='",
  svg: '<svg/onload=alert("xss-svg")>',
} as const;

/** An unsupported Windows 7 PC whose host, hardware, software and fax carry payloads; Python 2.7 and the fax raise alerts. */
const hostile: Report = sampleReport({
  host: { hostname: `XSS-PC1${P.title}`, manufacturer: P.img, model: P.script, serial: P.js },
  os: { family: 'windows', name: 'Microsoft Windows 7 Professional', version: '6.1.7601', build: '6.1.7601.24214', edition: 'Professional' },
  software: [
    { name: `Python 2.7.18 ${P.img}`, version: '2.7.18150', vendor: P.script, source: 'registry' },
    { name: P.script, version: P.img, vendor: P.js, source: 'registry' },
    { name: `Ward app ${P.svg}`, version: `1.0${P.attr}`, vendor: P.title, source: 'registry' },
  ],
  devices: [{ kind: 'fax', name: `Fax ${P.img}`, model: P.script, location: `Ward ${P.svg}`, connection: P.js }],
});

/** A second machine whose OS name is the payload: "unknown OS" alerts carry it in their title. */
const hostileOs: Report = sampleReport({
  host: { hostname: `XSS-PC2${P.img}` },
  os: { family: 'other', name: `Appliance OS ${P.script}`, version: `9${P.attr}` },
  software: [],
  devices: [],
});

/** A registered device (the register, not an agent's report) with payloads in its fields. */
const registered = { kind: 'fax', name: `Register fax ${P.script}`, model: P.img, serial: 'XSS-SERIAL-1', site: `Site ${P.title}`, location: `Room ${P.svg}`, replacement: P.js };

let hub: ListeningTestHub;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const assetIds: number[] = [];
let deviceId: number;

async function postReport(report: Report, hostname: string): Promise<void> {
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'xss', createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: TEST_NOW, days: 1 });
  const token = enrolAgent(hub.deps.db, { secret, hostname: report.host.hostname, now: TEST_NOW, approvalRequired: false })?.token;
  const res = await fetch(`${hub.url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `xss-${hostname.length}-${Date.now()}`, authorization: `Bearer ${token}` },
    body: JSON.stringify(report),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

beforeAll(async () => {
  hub = await startTestHub();
  expect(checkReport(hostile).ok).toBe(true);
  expect(checkReport(hostileOs).ok).toBe(true);
  await postReport(hostile, 'xss-pc1');
  await postReport(hostileOs, 'xss-pc2');
  assetIds.push(...(hub.deps.db.prepare('SELECT id FROM assets ORDER BY id').all() as { id: number }[]).map((r) => r.id));
  const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  const added = await fetch(`${hub.url}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(registered) });
  expect(added.status, await added.clone().text()).toBe(201);
  deviceId = ((await added.json()) as { id: number }).id;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (d: Dialog) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${hub.url}/login?next=/alerts`);
  await submitSignIn(page, hub.url, 'admin', hub.adminPassword, '/alerts');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** What an escaping failure would leave behind in the DOM, counted on the live page. */
async function injected(p: Page) {
  return p.evaluate(() => ({
    scripts: document.scripts.length,
    imgX: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onmouseover], [onclick]').length,
    svgOnload: [...document.querySelectorAll('svg')].filter((s) => s.hasAttribute('onload')).length,
    jsLinks: [...document.querySelectorAll('a[href], form[action], iframe[src]')].filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('action') ?? e.getAttribute('src') ?? '')).length,
    titleElements: document.head.querySelectorAll('title').length,
  }));
}

/** Opens a page, checks nothing was injected, and returns its visible text. */
async function open(path: string): Promise<string> {
  const res = await page.goto(`${hub.url}${path}`);
  expect(res?.status(), path).toBe(200);
  expect(await injected(page), path).toEqual({ scripts: 0, imgX: 0, handlers: 0, svgOnload: 0, jsLinks: 0, titleElements: 1 });
  return page.locator('body').innerText();
}

describe('hostile text on the pages, in Chromium', () => {
  it('raised alerts on the hostile machines (so the alert pages below show payloads)', () => {
    const titles = (hub.deps.db.prepare('SELECT title FROM alerts').all() as { title: string }[]).map((r) => r.title);
    expect(titles.some((t) => t.includes(P.img) && t.includes('Python'))).toBe(true);
    expect(titles.some((t) => t.includes(P.script) && t.includes('Appliance OS'))).toBe(true);
  });

  it('shows an asset page with every payload as text, and the hostname literally in the window title', async () => {
    const text = await open(`/assets/${assetIds[0]}`);
    for (const literal of [hostile.host.hostname, P.img, P.script, P.js, `Python 2.7.18 ${P.img}`, `Ward app ${P.svg}`, `1.0${P.attr}`, `Fax ${P.img}`, `Ward ${P.svg}`]) {
      expect(text, literal).toContain(literal);
    }
    expect(await page.title()).toContain(hostile.host.hostname);
    const second = await open(`/assets/${assetIds[1]}`);
    expect(second).toContain(`Appliance OS ${P.script}`);
    expect(second).toContain(`9${P.attr}`);
  });

  it('shows the assets and software lists with the payloads as text', async () => {
    const assets = await open('/assets');
    expect(assets).toContain(hostile.host.hostname);
    expect(assets).toContain(hostileOs.host.hostname);
    const software = await open('/software');
    for (const literal of [`Python 2.7.18 ${P.img}`, P.script, `Ward app ${P.svg}`]) expect(software, literal).toContain(literal);
    const unmatched = await open('/unmatched');
    expect(unmatched).toContain(`Ward app ${P.svg}`);
  });

  it('shows the alerts list and each alert page with the payloads as text', async () => {
    const list = await open('/alerts');
    expect(list).toContain(`Python 2.7.18 ${P.img}`);
    expect(list).toContain(`Appliance OS ${P.script}`);
    const ids = (hub.deps.db.prepare('SELECT id, title FROM alerts ORDER BY id').all() as { id: number; title: string }[]);
    expect(ids.length).toBeGreaterThan(2);
    for (const alert of ids) {
      const text = await open(`/alerts/${alert.id}`);
      expect(text, alert.title).toContain(alert.title);
      expect(await page.title()).not.toMatch(/^\s*$/);
    }
  });

  it('shows the device register and a device page with the payloads as text', async () => {
    const list = await open('/devices');
    expect(list).toContain(registered.name);
    expect(list).toContain(`Site ${P.title}`);
    const one = await open(`/devices/${deviceId}`);
    for (const literal of [registered.name, registered.model, registered.site, registered.location, registered.replacement]) expect(one, literal).toContain(literal);
    expect(await page.title()).toContain(registered.name);
  });

  it('searches the alerts for a payload and shows it as text', async () => {
    const text = await open(`/alerts?q=${encodeURIComponent('<img src=x')}`);
    expect(text).toContain(`Python 2.7.18 ${P.img}`);
  });

  it('fired no dialog on any page', () => {
    expect(dialogs).toEqual([]);
  });
});

describe('the checks above', () => {
  it('catch an unescaped payload: injected elements are counted and its dialog is seen', async () => {
    const control = await browser.newPage();
    const seen: string[] = [];
    control.on('dialog', (d: Dialog) => {
      seen.push(d.message());
      void d.dismiss();
    });
    // What a page that forgot to escape would send, without the hub's CSP.
    await control.setContent(`<html><head><title>${P.title}</title></head><body>${P.img}${P.svg}<a href="${P.js}">x</a></body></html>`);
    await control.waitForTimeout(200);
    const found = await injected(control);
    expect(found.imgX).toBe(1);
    expect(found.handlers + found.svgOnload).toBeGreaterThan(0);
    expect(found.jsLinks).toBe(1);
    expect(seen.length).toBeGreaterThan(0);
    await control.close();
  });
});
