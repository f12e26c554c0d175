/**
 * The automated WCAG audit: axe-core run inside the page Chromium has open.
 * Its script goes in through the DevTools protocol (page.evaluate), which the
 * hub's CSP (script-src 'self') does not govern, so the page is audited under
 * the same CSP a reader's browser enforces.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 level AA: every A and AA criterion from 2.0, 2.1 and 2.2 (2.1's level A too, which AA includes). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One failed rule on one element, as a line a reader can act on. */
export interface Violation {
  rule: string;
  page: string;
  target: string;
  summary: string;
}

/** Runs axe on what `page` shows (labelled `label`) and returns each violating element. */
export async function auditPage(page: Page, label: string): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.flatMap((v) => v.nodes.map((n) => ({ rule: v.id, target: n.target.join(' '), summary: n.failureSummary ?? v.help })));
  }, WCAG_22_AA);
  return found.map((v) => ({ ...v, page: label }));
}

/** "color-contrast on /alerts at td > .badge: Fix any of the following: …" */
export function describeViolation(v: Violation): string {
  return `${v.rule} on ${v.page} at ${v.target}: ${v.summary.replace(/\s+/g, ' ')}`;
}
