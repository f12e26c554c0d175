/**
 * The board report's PDF over real HTTP, printed by Debian's Chromium: a real
 * A4 PDF poppler can rasterise and read, every page headed with the trust, the
 * month and the protective marking and footed with the marking and its page
 * number; its figures linked to the hub at its public address, or, without
 * one, their addresses printed as notes; and, on a hub without Chromium, a 503
 * and a notice on the report page instead of a link; and the hub's PDF queue:
 * one print at a time, a limit, and nothing printed for a client that left.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { updateOrganisation } from '../../src/store/organisations.js';
import { signInCookie, startTestHub, tempDir, type ListeningTestHub } from '../helpers/test-hub.js';
import { hasTool } from '../helpers/required-tool.js';

const MONTH = '2026-11';
const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFINFO = '/usr/bin/pdfinfo';
const TRUST = 'Northshire Hospitals NHS Foundation Trust';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const hubs: ListeningTestHub[] = [];
const dirs: string[] = [];
let hub: ListeningTestHub;
let cookie: string;
/** The PDF the hub served, written to disk for poppler. */
let pdfFile: string;

beforeAll(async () => {
  hub = await startTestHub();
  hubs.push(hub);
  seedDemoEstate(hub.deps);
  updateOrganisation(hub.deps.db, { id: 1, code: 'RNH', name: TRUST });
  generateBoardReport(hub.deps, 1, MONTH, 'admin');
  cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  const dir = tempDir('estatewatch-pdf-');
  dirs.push(dir);
  pdfFile = path.join(dir, 'report.pdf');
});
afterAll(async () => {
  for (const h of hubs) await h.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const get = (url: string, sessionCookie: string) => fetch(url, { headers: { cookie: sessionCookie } });

/** A poppler tool's output for the PDF at `file`. */
function poppler(tool: string, args: string[], file: string): string {
  expect(fs.existsSync(file), 'the PDF test before this one must have written the file').toBe(true);
  const r = spawnSync(tool, [...args, file, ...(tool === PDFTOTEXT ? ['-'] : [])], { encoding: 'utf8', timeout: 30_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The link targets in a PDF, as pdfinfo lists them (page, type, URL). */
const linksIn = (file: string) => poppler(PDFINFO, ['-url'], file).split('\n').slice(1).map((l) => l.trim().split(/\s+/)[2]).filter((u): u is string => u !== undefined);

describe('board report PDF', () => {
  it('serves the generated report as an A4 PDF printed by Chromium', async () => {
    const res = await get(`${hub.url}/board-reports/${MONTH}/pdf`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`estatewatch-board-report-${MONTH}.pdf`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(10_000);
    fs.writeFileSync(pdfFile, body);
  }, 60_000);

  it('links the PDF from the report page on a hub with Chromium', async () => {
    const html = await (await get(`${hub.url}/board-reports/${MONTH}`, cookie)).text();
    expect(html).toContain(`href="/board-reports/${MONTH}/pdf"`);
    expect(html).not.toContain('id="pdf-unavailable"');
  });

  it.skipIf(!hasTool(PDFTOPPM, 'poppler-utils'))('renders page 1 of the PDF to a real A4 PNG with pdftoppm (skipped without poppler-utils, except in CI)', () => {
    expect(fs.existsSync(pdfFile), 'the PDF test above must have written the file').toBe(true);
    const out = path.join(path.dirname(pdfFile), 'page');
    const r = spawnSync(PDFTOPPM, ['-png', '-r', '50', '-f', '1', '-l', '1', pdfFile, out], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    const pngs = fs.readdirSync(path.dirname(pdfFile)).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    const png = fs.readFileSync(path.join(path.dirname(pdfFile), pngs[0]!));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(5 * 1024);
    // IHDR: A4 portrait (210 x 297 mm) at 50 dpi is about 413 x 585 pixels.
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(Math.abs(width - 413)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 585)).toBeLessThanOrEqual(2);
  });

  it.skipIf(!hasTool(PDFTOTEXT, 'poppler-utils'))('heads page 1 with the trust, the month and the marking, and foots it with the marking and "Page 1 of n", read by pdftotext (skipped without poppler-utils, except in CI)', () => {
    const lines = poppler(PDFTOTEXT, ['-f', '1', '-l', '1', '-layout'], pdfFile).split('\n').filter((l) => l.trim());
    const [header, footer] = [lines[0] ?? '', lines.at(-1) ?? ''];
    expect(header).toMatch(new RegExp(`^\\s*${TRUST}\\s+OFFICIAL-SENSITIVE\\s+Cyber posture report: November 2026 \\(month to date\\)\\s*$`));
    expect(footer).toMatch(/^\s*estatewatch board report\s+OFFICIAL-SENSITIVE\s+Page 1 of (\d+)\s*$/);
    const pages = Number(/Page 1 of (\d+)/.exec(footer)?.[1]);
    expect(pages).toBeGreaterThan(3);
    // Every page carries its own number of the same total.
    const all = poppler(PDFTOTEXT, ['-layout'], pdfFile);
    for (let p = 1; p <= pages; p++) expect(all).toContain(`Page ${p} of ${pages}`);
    expect(lines.slice(1, 4).join('\n')).toContain('Cyber posture report: November 2026');
  });

  it.skipIf(!hasTool(PDFINFO, 'poppler-utils'))('prints, on a hub with no public address, each figure’s evidence address as a numbered note, and links nothing (skipped without poppler-utils, except in CI)', () => {
    expect(linksIn(pdfFile)).toEqual([]);
    const text = poppler(PDFTOTEXT, ['-layout'], pdfFile);
    expect(text).toContain('Where the rows behind each figure are');
    expect(text).toMatch(/\b1\. \/board-reports\/2026-11\/evidence\/[a-z]+/);
    expect(text).toContain(`/board-reports/${MONTH}/evidence/items?kind=os&status=unsupported`);
    // The body marks each figure with its note.
    expect(text).toMatch(/Unsupported operating systems: \d+\[\d+\]/);
    // The cyber-alert section prints too, its figures noted like the rest.
    expect(text).toContain('NHS cyber alerts');
    expect(text).toMatch(/Acknowledged within 48 hours: \d+\[\d+\] of \d+\[\d+\]/);
    expect(text).toContain(`/board-reports/${MONTH}/evidence/cyberMachines?state=affected`);
  });
});

describe('board report PDF on a hub with a public address and its own marking', () => {
  const PUBLIC = 'https://estatewatch.northshire.nhs.uk';
  let linked: ListeningTestHub;
  let file: string;

  beforeAll(async () => {
    linked = await startTestHub({ publicUrl: PUBLIC, protectiveMarking: 'OFFICIAL' });
    hubs.push(linked);
    seedDemoEstate(linked.deps);
    generateBoardReport(linked.deps, 1, MONTH, 'admin');
    const res = await get(`${linked.url}/board-reports/${MONTH}/pdf`, await signInCookie(linked.url, 'admin', linked.adminPassword));
    expect(res.status).toBe(200);
    file = path.join(path.dirname(pdfFile), 'linked.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  }, 60_000);

  it.skipIf(!hasTool(PDFINFO, 'poppler-utils'))('links every figure to its evidence at the hub’s public address (skipped without poppler-utils, except in CI)', () => {
    const links = linksIn(file);
    expect(links.length).toBeGreaterThan(40);
    for (const l of links) expect(l.startsWith(`${PUBLIC}/board-reports/${MONTH}/evidence/`), l).toBe(true);
    expect(links).toContain(`${PUBLIC}/board-reports/${MONTH}/evidence/items?kind=os&status=unsupported`);
    expect(poppler(PDFTOTEXT, ['-layout'], file)).not.toContain('Where the rows behind each figure are');
  });

  it.skipIf(!hasTool(PDFTOTEXT, 'poppler-utils'))('prints its own marking at the top and bottom of the page (skipped without poppler-utils, except in CI)', () => {
    const lines = poppler(PDFTOTEXT, ['-f', '1', '-l', '1', '-layout'], file).split('\n').filter((l) => l.trim());
    expect(lines[0]).toMatch(/This trust\s+OFFICIAL\s+Cyber posture report/);
    expect(lines.at(-1)).toMatch(/OFFICIAL\s+Page 1 of \d+/);
    expect(lines.join('\n')).not.toContain('OFFICIAL-SENSITIVE');
  });
});

describe('board report PDF on a hub without Chromium', () => {
  let bare: ListeningTestHub;
  let bareCookie: string;

  beforeAll(async () => {
    bare = await startTestHub({ chromiumPath: '/nonexistent/chromium' });
    hubs.push(bare);
    generateBoardReport(bare.deps, 1, MONTH, 'admin');
    bareCookie = await signInCookie(bare.url, 'admin', bare.adminPassword);
  });

  it('answers the PDF with 503, saying Chromium is missing', async () => {
    const res = await get(`${bare.url}/board-reports/${MONTH}/pdf`, bareCookie);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).not.toContain('application/pdf');
    expect(await res.text()).toContain('/nonexistent/chromium');
  });

  it('shows the PDF-unavailable notice on the report page instead of a PDF link', async () => {
    const res = await get(`${bare.url}/board-reports/${MONTH}`, bareCookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<span class="notice" id="pdf-unavailable">PDF not available on this hub: Chromium is not installed at \/nonexistent\/chromium/);
    expect(html).not.toContain(`/board-reports/${MONTH}/pdf"`);
    expect(html).toContain('id="headline"');
  });
});

describe('board report PDF queue', () => {
  const METRICS_TOKEN = 'pdf-queue-test-metrics-token-0123456789';
  let queued: ListeningTestHub;
  let queuedCookie: string;
  let pdfUrl: string;

  beforeAll(async () => {
    queued = await startTestHub({ pdfQueueLimit: 1, metricsToken: METRICS_TOKEN });
    hubs.push(queued);
    generateBoardReport(queued.deps, 1, MONTH, 'admin');
    queuedCookie = await signInCookie(queued.url, 'admin', queued.adminPassword);
    pdfUrl = `${queued.url}/board-reports/${MONTH}/pdf`;
  });

  /** One unlabelled sample of the hub's /metrics, read as its scraper would. */
  async function metric(name: string): Promise<number> {
    const text = await (await fetch(`${queued.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const value = new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1];
    if (value === undefined) throw new Error(`no ${name} in /metrics`);
    return Number(value);
  }

  /** Waits until the metric reads `value`: the queue's state, seen from outside. */
  async function until(name: string, value: number): Promise<void> {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      if ((await metric(name)) === value) return;
    }
    throw new Error(`${name} never reached ${value}`);
  }

  /** A PDF request whose answer is read to the end, so its connection is free again. */
  const askPdf = async (init: RequestInit = {}) => {
    const res = await fetch(pdfUrl, { ...init, headers: { cookie: queuedCookie } });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };

  it('refuses a request beyond the limit with 503 pdf-queue-full and Retry-After while one prints and one waits', async () => {
    const before = await metric('estatewatch_pdf_renders_total');
    const printing = askPdf();
    await until('estatewatch_pdf_renders_total', before + 1);
    const waiting = askPdf();
    await until('estatewatch_pdf_queue_waiting', 1);
    const refused = await askPdf();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body).toContain('data-code="pdf-queue-full"');
    expect([(await printing).status, (await waiting).status]).toEqual([200, 200]);
    expect(await metric('estatewatch_pdf_renders_total')).toBe(before + 2);
  }, 60_000);

  it('drops a waiting request whose client leaves: it is never printed', async () => {
    const before = await metric('estatewatch_pdf_renders_total');
    const printing = askPdf();
    await until('estatewatch_pdf_renders_total', before + 1);
    const client = new AbortController();
    const leaving = askPdf({ signal: client.signal });
    await until('estatewatch_pdf_queue_waiting', 1);
    client.abort();
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    await until('estatewatch_pdf_queue_waiting', 0);
    expect((await printing).status).toBe(200);
    // The queue starts its next print as the last one ends, before that one is answered: none was left to start.
    expect(await metric('estatewatch_pdf_renders_total')).toBe(before + 1);
  }, 60_000);
});
