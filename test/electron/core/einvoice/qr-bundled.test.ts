import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleForNode } from '@scripts/bundle-for-node.mjs';
import { REPO_ROOT } from '@test/support/temp-dir';

describe('QR codes of PDF invoices in a bundle', () => {
  it('decodes offline: zxing-wasm loads its WebAssembly from node_modules when the code runs bundled, as dist/ runs it', { timeout: 60_000 }, async () => {
    const bundle = await bundleForNode(
      path.join(REPO_ROOT, 'test', 'support', 'bundled-qr-main.ts'),
      path.join(REPO_ROOT, '.tmp', 'bundled-qr', `qr-${String(process.pid)}.mjs`),
    );
    const run = spawnSync(process.execPath, [bundle], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ qrChecked: true, number: '24312000000100000077' });
  });
});
