import { createCore, type Core } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/logger';
import { RESOURCES_DIR, makeTempDir } from './temp-dir';

/** A core on an in-memory database and a temporary data folder, as every unit test should use. */
export function createTestCore(now: () => Date = () => new Date('2026-11-22T09:00:00Z')): Core & { cleanup: () => void } {
  const temp = makeTempDir();
  const core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now, databaseFile: ':memory:' });
  return {
    ...core,
    cleanup: () => {
      core.close();
      temp.cleanup();
    },
  };
}
