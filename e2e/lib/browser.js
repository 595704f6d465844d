// A real headless Chromium (Debian's `chromium`) driven by puppeteer-core, for the wallet's
// tests; screenshots go to SEOUL_E2E_SCREENSHOTS (default e2e/screenshots), kept as artefacts.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import QRCode from 'qrcode';

const e2eRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the screenshots of the browser tests are kept. */
export const SCREENSHOTS = path.resolve(process.env.SEOUL_E2E_SCREENSHOTS ?? path.join(e2eRoot, 'screenshots'));
const repoRoot = path.resolve(e2eRoot, '..');
/** The browser: Debian's Chromium unless CHROMIUM names another. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Builds the citizen wallet (Vite) into a new temporary folder and returns its path. */
export async function buildWallet() {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'seoul-wallet-'));
  await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/vite'),
    ['build', 'wallet', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repoRoot });
  return dist;
}

/**
 * Starts a headless Chromium in Korean; `args` are added to its command line and `extensions`
 * (folders of unpacked extensions) are loaded.
 */
export function launchBrowser(args = [], { extensions = [] } = {}) {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium loads unpacked extensions only over a pipe (CDP's Extensions.loadUnpacked).
    ...(extensions.length > 0 && { pipe: true, enableExtensions: extensions }),
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=ko-KR', ...args],
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The serious and critical accessibility findings of axe-core on `page`, as `rule: elements`. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
}

/** Saves the whole page as `<name>.png` among the screenshots. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Writes `file`, a one-frame Y4M video (640 × 480, greyscale) of the QR code of `text`, for
 * Chromium's fake camera (`--use-file-for-fake-video-capture`), which shows it in a loop.
 */
export function qrVideo(file, text) {
  const [width, height] = [640, 480];
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (modules.size + 2 * quiet));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < scale; y += 1) luma.fill(0, (top + row * scale + y) * width + left + column * scale, (top + row * scale + y) * width + left + (column + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma, chroma]));
}
