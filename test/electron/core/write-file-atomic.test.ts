import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/api/errors';
import { writeFileAtomic } from '@core/write-file-atomic';
import { oneProjectSpec, writePackageZip } from '../../support/package-builder';
import { makeTempDir } from '../../support/temp-dir';
import { createFolderCore } from '../../support/test-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((c) => c());
});

function folder(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

function diskFull(): never {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one whole', () => {
    const file = path.join(folder(), '发票核验明细表.xlsx');
    writeFileAtomic(file, Buffer.from('第一版'));
    writeFileAtomic(file, '第二版，更长的内容');
    expect(fs.readFileSync(file, 'utf8')).toBe('第二版，更长的内容');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['发票核验明细表.xlsx']);
  });

  it('leaves the previous file intact and no temporary file when the disk fills up half-way', () => {
    const file = path.join(folder(), '申报表模板.xlsx');
    fs.writeFileSync(file, '原来的内容');
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(diskFull);
    expect(() => writeFileAtomic(file, Buffer.alloc(100_000, 1))).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('原来的内容');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['申报表模板.xlsx']);
  });

  it('cleans up when the final rename fails (the target is a folder)', () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, '示例材料包.zip'));
    fs.writeFileSync(path.join(dir, '示例材料包.zip', 'inside.txt'), '不动');
    expect(() => writeFileAtomic(path.join(dir, '示例材料包.zip'), 'zip')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['示例材料包.zip']);
    expect(fs.readFileSync(path.join(dir, '示例材料包.zip', 'inside.txt'), 'utf8')).toBe('不动');
  });

  it('keeps an earlier export when exporting again fails on a full disk, and names the problem', async () => {
    const { core, work, close } = createFolderCore();
    cleanups.push(close);
    const pkg = path.join(work, '材料包.zip');
    await writePackageZip(pkg, oneProjectSpec());
    const summary = await core.api.importPackage({ path: pkg });
    const ref = { batchId: summary.batch.id, projectId: summary.projects[0]?.id ?? '' };
    const out = path.join(work, '发票核验明细表.xlsx');
    await core.api.exportVerificationWorkbook({ ...ref, path: out });
    const first = fs.readFileSync(out);
    expect(first.subarray(0, 2).toString()).toBe('PK');

    vi.spyOn(fs, 'writeSync').mockImplementationOnce(diskFull);
    const error = await core.api.exportVerificationWorkbook({ ...ref, path: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'DISK_FULL', message: '磁盘空间不足：请清理磁盘后重试，已填写的内容不会丢失' });
    expect(fs.readFileSync(out).equals(first)).toBe(true);
    expect(fs.readdirSync(work).sort()).toEqual(['发票核验明细表.xlsx', '材料包.zip']);
  });
});
