// The wallet is a static site: relative paths, so that it can be served from any folder, and
// modern browsers only (BigInt, top-level await, Web Crypto).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // The sr25519 cryptography is WebAssembly inlined in the bundle: about 0.6 MB, loaded once.
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  worker: { format: 'es' },
});
