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

/**
 * A core on a real data folder (database file, stored attachments) plus a scratch folder for
 * packages the test writes; `close` removes both.
 */
export function createFolderCore(): { core: Core; dataDir: string; work: string; close: () => void } {
  const data = makeTempDir();
  const scratch = makeTempDir();
  const core = createCore({ dataDir: data.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T10:00:00Z') });
  return {
    core,
    dataDir: data.dir,
    work: scratch.dir,
    close: () => {
      core.close();
      data.cleanup();
      scratch.cleanup();
    },
  };
}
