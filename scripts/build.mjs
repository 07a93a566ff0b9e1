// Builds everything the product runs from: the Node/Electron entry points with esbuild and the
// renderer with Vite. Type checking is separate (npm run typecheck) so builds stay fast.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const node = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  esbuild({
    ...node,
    entryPoints: { cli: 'electron/cli/main.ts', web: 'electron/web/main.ts', 'core-worker': 'electron/core/worker/core-worker.ts' },
    outdir: 'dist/electron',
  }),
  esbuild({ ...node, entryPoints: { main: 'electron/main/main.ts' }, outdir: 'dist/electron', external: ['electron'] }),
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
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
process.stdout.write('构建完成：dist/electron（主进程、预加载、命令行、浏览器模式）与 dist/renderer（界面）\n');
