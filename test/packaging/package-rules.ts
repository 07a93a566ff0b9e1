/**
 * What the packaged desktop app may contain, as paths relative to app.asar (the same paths are used
 * for app.asar.unpacked). Anything not listed is a deviation: the package is made from bundles, so a
 * new file in it means the build or electron-builder.yml changed, and the check should say so.
 */
export const ASAR_ALLOWED: readonly RegExp[] = [
  /^package\.json$/,
  /^dist\/electron\/(main\.js|preload\.cjs|core-worker\.mjs|zxing_reader\.wasm)$/,
  /^dist\/renderer\/index\.html$/,
  /^dist\/renderer\/assets\/[\w.-]+\.(js|mjs|css|woff2?|png|svg|ico)$/,
  /^node_modules\/better-sqlite3\/(package\.json|LICENSE)$/,
  /^node_modules\/better-sqlite3\/lib\/[\w/-]+\.js$/,
];

/** Files the app cannot start without. */
export const ASAR_REQUIRED = [
  'package.json',
  'dist/electron/main.js',
  'dist/electron/preload.cjs',
  'dist/electron/core-worker.mjs',
  'dist/renderer/index.html',
  'node_modules/better-sqlite3/package.json',
  'node_modules/better-sqlite3/lib/index.js',
];

/** Files the core worker thread starts from, outside the archive (see coreWorkerFileOf). */
export const UNPACKED_ALLOWED: readonly RegExp[] = [
  /^dist\/electron\/(core-worker\.mjs|zxing_reader\.wasm)$/,
  /^node_modules\/better-sqlite3\/(package\.json|LICENSE)$/,
  /^node_modules\/better-sqlite3\/lib\/[\w/-]+\.js$/,
];

export const UNPACKED_REQUIRED = [
  'dist/electron/core-worker.mjs',
  'dist/electron/zxing_reader.wasm',
  'node_modules/better-sqlite3/package.json',
  'node_modules/better-sqlite3/lib/index.js',
];

/**
 * The font files added to resources/fonts at packaging time: the two weights the reports use
 * (electron/core/fonts/report-fonts.ts). Every other file of resources/ is the repository's own.
 */
export const FONT_FILES = ['fonts/400Regular/NotoSansSC_400Regular.ttf', 'fonts/700Bold/NotoSansSC_700Bold.ttf'];

/** resources/native: only the Electron build of the SQLite driver. */
export const NATIVE_FILES = ['better_sqlite3.node'];

/** Everything the app adds to Electron (app.asar, app.asar.unpacked, resources/native), fonts excluded. */
export const SIZE_BUDGET_BYTES = 25_000_000;

/** The fuses electron-builder must have flipped (@electron/fuses wire order V1). */
export const EXPECTED_FUSES: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};
