import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is loaded from file:// in the desktop app, so asset paths must be relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // `@shared/…` imports resolve by the `paths` of the nearest tsconfig.json, as in tsc and esbuild.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
