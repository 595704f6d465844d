// A real headless Chromium (Debian's `chromium`) driven by puppeteer-core, for the wallet's
// tests; screenshots go to SEOUL_E2E_SCREENSHOTS (default e2e/screenshots), kept as artefacts.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const e2eRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the screenshots of the browser tests are kept. */
export const SCREENSHOTS = path.resolve(process.env.SEOUL_E2E_SCREENSHOTS ?? path.join(e2eRoot, 'screenshots'));
/** The browser: Debian's Chromium unless CHROMIUM names another. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Starts a headless Chromium in Korean; `args` are added to its command line. */
export function launchBrowser(args = []) {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=ko-KR', ...args],
  });
}

/** Saves the whole page as `<name>.png` among the screenshots. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
