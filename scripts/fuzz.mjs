// npm run fuzz -- --count 5000: bundles the fuzz runner in test/fuzz and runs it in plain Node;
// each mutated package is imported in its own child process.
import { bundleAndRun } from './bundle-for-node.mjs';

await bundleAndRun('test/fuzz/fuzz-cli.ts', '.tmp/fuzz/run-fuzz.mjs');
