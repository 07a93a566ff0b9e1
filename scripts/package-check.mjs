// npm run package:check: bundles the packaging check in test/packaging and runs it in plain Node.
import { bundleAndRun } from './bundle-for-node.mjs';

await bundleAndRun('test/packaging/run-package-check.ts', '.tmp/package-check/run-package-check.mjs');
