import { defineConfig } from 'vitest/config';

// `vitest run` runs both projects; the end-to-end project needs `npm run build` first (npm test does it).
export default defineConfig({
  // Path aliases (`@shared/…`, `@core/…`) resolve by the `paths` of each file's nearest tsconfig.json,
  // as in tsc and esbuild; each project `extends` this root config to get it.
  resolve: { tsconfigPaths: true },
  test: {
    // Vitest's default is one worker less than the cores: a single worker on the 2-core machines the
    // suite runs on. Two run the unit files two at a time. (Vitest runs the end-to-end files, which may
    // not run in parallel, after all the unit files, one at a time.)
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // The unit files of a worker share its module cache instead of each importing the core and
          // its libraries (exceljs, pdfkit, zod, @peculiar/x509…) again: importing was most of their
          // time. They keep no state between files: each makes its own data folder and core, and a
          // file that sets an environment variable or replaces a function restores it after itself.
          isolate: false,
          // A guard against hangs, not a speed limit: property tests and panel set-ups take several
          // seconds on a loaded 2-core machine, and the 5 s default failed them there.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
