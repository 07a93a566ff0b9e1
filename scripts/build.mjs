// Builds everything the product runs from: the Node/Electron entry points with esbuild and the
// renderer with Vite. Type checking is separate (npm run typecheck) so builds stay fast.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const node = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: true, logLevel: 'warning' };

/**
 * The desktop app ships no node_modules: its main process, preload and core worker carry their
 * libraries inside the bundle. Only better-sqlite3 stays outside, because its native part is built
 * per runtime (Node for the CLI and tests, Electron for the app; see build-native-electron.mjs).
 */
const SELF_CONTAINED_EXTERNALS = ['better-sqlite3'];

/**
 * CommonJS libraries bundled into an ES module still call require() for Node's own modules; esbuild's
 * shim forwards to a global `require`, which an ES module lacks, so the bundle provides one.
 */
const requireBanner = {
  js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nglobalThis.require ??= __bundleCreateRequire(import.meta.url);",
};

/**
 * pdfkit loads the metrics of its standard fonts (Helvetica is the default of every new document)
 * through a require() made at run time with createRequire, which a bundler cannot follow. Written
 * as a plain require() the font modules are bundled in through pdfkit's own `imports` map.
 */
const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(build) {
    build.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replaceAll("require$1('#standard-fonts/", "require('#standard-fonts/");
      if (contents === source) throw new Error('构建失败：pdfkit 加载标准字体的方式变了，请更新 scripts/build.mjs 中的 pdfkit-standard-fonts 插件');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * electron/core/identity/x509-library.ts loads @peculiar/x509 with a require() made by createRequire,
 * so that with packages left external it runs after its Reflect polyfill. In a self-contained bundle
 * the plain require() lets esbuild bundle the library, still evaluated at that point, after the polyfill.
 */
const bundledX509 = {
  name: 'bundled-x509',
  setup(build) {
    build.onLoad({ filter: /identity[\\/]x509-library\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace('const require = createRequire(import.meta.url);', '');
      if (contents === source) throw new Error('构建失败：x509-library.ts 加载 @peculiar/x509 的方式变了，请更新 scripts/build.mjs 中的 bundled-x509 插件');
      return { contents, loader: 'ts' };
    });
  },
};

const selfContained = { ...node, external: SELF_CONTAINED_EXTERNALS, banner: requireBanner, plugins: [pdfkitStandardFonts, bundledX509] };

await Promise.all([
  // The CLI and browser mode run from the repository with node_modules at hand.
  esbuild({ ...node, packages: 'external', entryPoints: { cli: 'electron/cli/main.ts', web: 'electron/web/main.ts' }, outdir: 'dist/electron' }),
  // One core worker for the desktop app and browser mode. It is an .mjs file because the packaged
  // app runs it from app.asar.unpacked, where no package.json says "type": "module".
  esbuild({ ...selfContained, entryPoints: { 'core-worker': 'electron/core/worker/core-worker.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.mjs' } }),
  esbuild({ ...selfContained, entryPoints: { main: 'electron/main/main.ts' }, outdir: 'dist/electron', external: [...SELF_CONTAINED_EXTERNALS, 'electron'] }),
  // Sandboxed preload scripts must be a single CommonJS file: everything but electron is bundled in.
  esbuild({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    logLevel: 'warning',
  }),
]);
// The QR reader's WebAssembly beside the bundles that decode e-invoice QR codes (decode-qr.ts reads it there).
fs.copyFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'), 'dist/electron/zxing_reader.wasm');
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
process.stdout.write('构建完成：dist/electron（主进程、预加载、核心线程、命令行、浏览器模式）与 dist/renderer（界面）\n');
