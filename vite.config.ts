/*
 * Vite builds the renderer once for both hosts: Electron loads dist/renderer from app:// and the web mode
 * serves the same files from a static server, so asset URLs are relative (base './') and the router uses
 * the URL hash. `#shared/*` resolves through package.json "imports", exactly as in Node and TypeScript.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const loopback = '127.0.0.1';

/**
 * The dev server injects React Refresh and styles inline, which the strict CSP in index.html forbids.
 * Only while serving in dev, drop the meta tag; `vite build` (what Electron, the web mode and the e2e
 * tests use) keeps the policy untouched.
 */
function relaxCspInDevOnly(): Plugin {
  return {
    name: 'tribunal:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

export default defineConfig({
  root: '.',
  base: './',
  plugins: [react(), relaxCspInDevOnly()],
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Loaded from disk (app://) or loopback, never over a slow link: one chunk is fine at this size.
    chunkSizeWarningLimit: 2000,
  },
  // Module workers (derive.ts starts them with type: 'module') split like the page does, so the derive
  // worker loads libheif (2 MB, HEIC only) as its own chunk on the first HEIC instead of at start (#5).
  worker: { format: 'es' },
  server: { host: loopback, port: 5173, strictPort: true },
  preview: { host: loopback, port: 5173, strictPort: true },
});
