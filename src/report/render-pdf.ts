/**
 * Prints a self-contained HTML page to an A4 PDF with headless Chromium
 * (Debian's package; playwright-core drives it and never downloads one).
 * Chromium is optional on a hub: without it the page says so and the HTML
 * report prints to A4 from any browser.
 */
import fs from 'node:fs';
import { HubError } from '../hub/errors.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** HTML Chromium prints in every page's top and bottom margins; spans of class pageNumber and totalPages are filled in. */
export interface PdfFrame {
  header: string;
  footer: string;
}

/** Why no PDF can be made with `chromiumPath`, or null when it can. */
export function pdfUnavailable(chromiumPath: string): string | null {
  return fs.existsSync(chromiumPath) ? null : `Chromium is not installed at ${chromiumPath} (set ESTATEWATCH_CHROMIUM, or install Debian's chromium package); print this page to PDF from your browser instead.`;
}

/**
 * Launches a browser of a few hundred MB for each call: the hub prints through
 * its one-at-a-time queue (web/board-report-routes.tsx), the CLI once per run.
 */
export function renderPdf(html: string, frame: PdfFrame, chromiumPath: string): Promise<Buffer> {
  const missing = pdfUnavailable(chromiumPath);
  if (missing) return Promise.reject(new HubError(503, 'pdf-unavailable', missing));
  return print(html, frame, chromiumPath);
}

async function print(html: string, frame: PdfFrame, chromiumPath: string): Promise<Buffer> {
  // Loaded only when a PDF is asked for: the hub starts without it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Nothing to fetch: the page carries its stylesheet and its charts are inline SVG.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: frame.header, footerTemplate: frame.footer,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
