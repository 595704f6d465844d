// The wallet is a static site: relative paths, so that it can be served from any folder, and
// modern browsers only (BigInt, top-level await, Web Crypto).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // Large by nature: the sr25519 cryptography (WebAssembly inlined, about 0.7 MB, loaded with the
  // page) and the light client (smoldot, about 3 MB, loaded only when it is used).
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
});
