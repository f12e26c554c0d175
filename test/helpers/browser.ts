import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run; playwright-core never downloads a browser. */
export const CHROMIUM = process.env.ESTATEWATCH_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with a fresh profile (playwright makes and removes one per launch). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The closed network refuses Chromium's background calls; these flags stop it making them.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
