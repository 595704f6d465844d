// The polkadot.js extension for the wallet's browser test, built from e2e/extension/: the
// published @polkadot/extension-base (background handlers, page injection) bundled by Vite into
// an unpacked Manifest V3 extension that Chromium loads.

import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../extension');
/** The extension's scripts: each is bundled alone, as a classic script (Chromium loads them so). */
const SCRIPTS = ['background', 'content', 'page', 'notification'];

/** Builds the extension into a new temporary folder and returns its path. */
export async function buildExtension() {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'seoul-extension-'));
  for (const name of SCRIPTS) {
    await build({
      configFile: false,
      logLevel: 'error',
      // As the extension's own build (webpack) defines them: the prefix keeps its ports apart from
      // another extension's; `global` is what the settings' store looks for outside a window.
      define: {
        global: 'globalThis',
        'process.env': JSON.stringify({ EXTENSION_PREFIX: 'polkadot-js', NODE_ENV: 'production', PORT_PREFIX: 'seoul-e2e' }),
      },
      build: {
        outDir,
        emptyOutDir: false,
        minify: false,
        lib: { entry: path.join(source, `${name}.js`), formats: ['iife'], name: name.replace(/\W/g, '_'), fileName: () => `${name}.js` },
      },
    });
  }
  for (const file of ['manifest.json', 'notification.html']) copyFileSync(path.join(source, file), path.join(outDir, file));
  return outDir;
}
