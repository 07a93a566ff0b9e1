import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { oneProjectSpec, writePackageZip } from '../support/package-builder';
import { makeTempDir } from '../support/temp-dir';
import { startWorkerAppUnderTest, type WorkerAppUnderTest } from './support/app-under-test';

// Importing a file whose name carries this text kills the core's thread (test harness only: the
// worker honours it because this process sets JIGAI_TEST_CRASH before starting it).
const CRASH_MARKER = 'crash-core-now';

describe('browser mode survives the core dying during an import', () => {
  let app: WorkerAppUnderTest;
  const scratch = makeTempDir();
  beforeAll(async () => {
    process.env.JIGAI_TEST_CRASH = CRASH_MARKER;
    app = await startWorkerAppUnderTest();
  });
  afterAll(async () => {
    delete process.env.JIGAI_TEST_CRASH;
    await app.close();
    scratch.cleanup();
  });

  it('shows one clear message for the import that killed the core, then imports normally in the same service', async () => {
    const damaged = path.join(scratch.dir, `${CRASH_MARKER}-材料包.zip`);
    await writePackageZip(damaged, oneProjectSpec());
    await app.page.locator('input[type=file]').setInputFiles(damaged);
    await app.page
      .getByText(/处理材料包时程序核心意外停止，已自动重启；本次操作未完成：/)
      .first()
      .waitFor();
    await app.screenshot('core-restarted');

    const good = path.join(scratch.dir, '验收材料包.zip');
    await writePackageZip(good, oneProjectSpec());
    await app.page.locator('input[type=file]').setInputFiles(good);
    await app.page.getByTestId('import-done').waitFor();
    await app.page.getByText('已导入「2026年新型技改重点项目竣工验收」：1 个项目，4 张发票').waitFor();
  });
});
