import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { dispatch } from '@core/dispatch';
import { machineError } from '@core/machine-errors';
import type { Logger } from '@core/logger';
import { createFolderCore, createTestCore } from '../../support/test-core';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function systemError(code: string, file?: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code, ...(file ? { path: file } : {}) });
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string) => void lines.push(message);
  return { lines, info: log, warn: log, error: log };
}

/** A core whose settings save fails the way the machine would make it fail. */
function failingSave(error: Error): ApiHandlers {
  const core = createTestCore();
  cleanups.push(core.cleanup);
  return {
    ...core.handlers,
    updateSettings: () => {
      throw error;
    },
  };
}

describe('errors of the machine are named, not 程序内部错误', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL', '磁盘空间不足，无法写入「/数据/jigai.sqlite-wal」：请清理磁盘后重试，已填写的内容不会丢失'],
    ['SQLITE_FULL', 'DB_FULL', '数据库已满'],
    ['SQLITE_BUSY', 'DB_BUSY', '数据库正被其他程序占用'],
    ['SQLITE_BUSY_SNAPSHOT', 'DB_BUSY', '请稍后重试'],
    ['EACCES', 'NO_PERMISSION', '没有权限访问「/数据/jigai.sqlite-wal」'],
    ['EPERM', 'NO_PERMISSION', '请检查该文件或文件夹的权限'],
    ['SQLITE_READONLY', 'READ_ONLY', '是只读的，无法保存'],
    ['EROFS', 'READ_ONLY', '写保护'],
  ])('%s becomes %s with what to do, and the cause is logged', async (systemCode, code, message) => {
    const logger = recordingLogger();
    const envelope = await dispatch(
      failingSave(systemError(systemCode, systemCode.startsWith('E') ? '/数据/jigai.sqlite-wal' : undefined)),
      'updateSettings',
      { reviewerName: '王' },
      logger,
    );
    expect(envelope).toMatchObject({ ok: false, error: { code, message: expect.stringContaining(message) as unknown } });
    expect(logger.lines.join('\n')).toContain('「updateSettings」未能完成');
  });

  it('leaves other failures as an internal error without internals on screen', async () => {
    const envelope = await dispatch(failingSave(new TypeError('x is undefined')), 'updateSettings', { reviewerName: '王' }, recordingLogger());
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: '操作未能完成（程序内部错误），详情已写入日志' } });
    expect(machineError(systemError('ECONNRESET'))).toBeNull();
    expect(machineError('ENOSPC')).toBeNull();
  });

  it('names a database really held by another program as busy (after waiting for it)', async () => {
    const folder = createFolderCore();
    cleanups.push(folder.close);
    const other = new Database(path.join(folder.dataDir, 'jigai.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    cleanups.unshift(() => {
      other.exec('ROLLBACK');
      other.close();
    });
    const error = await folder.core.api.updateSettings({ reviewerName: '王' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DB_BUSY' });
  });
});
