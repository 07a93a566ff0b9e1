// npm run bench: bundles the benchmarks in test/bench and runs them in plain Node, with --expose-gc
// so that peak-memory figures start from a collected heap.
import { bundleAndRun } from './bundle-for-node.mjs';

await bundleAndRun('test/bench/run-benchmarks.ts', '.tmp/bench/run-benchmarks.mjs', ['--expose-gc']);
