/**
 * Vite build of the browser app (run by api/static/buildApp.ts; output in
 * modeler/dist, never committed). Hashed file names under assets/ let the
 * server cache them forever; one preact for the app, the properties panel
 * and form-js (form-js-editor breaks with a second copy).
 */
import { defineConfig } from 'vite';
import bpmnlint from 'rollup-plugin-bpmnlint';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  plugins: [bpmnlint({ include: '**/.bpmnlintrc' })],
  resolve: { dedupe: ['preact'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
});
