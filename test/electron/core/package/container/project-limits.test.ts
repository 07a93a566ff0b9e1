import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from '@core/package/container';
import { manifestFor, packageEntries, tempDir, writeFolder } from './support/package-fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const workbook = Buffer.from('PK\u0003\u0004 one workbook');

async function errorsOf(projects: { id: string; workbook: string }[]) {
  const files = new Map([['XM2024-001/申报表.xlsx', workbook]]);
  const root = path.join(dir, 'package');
  writeFolder(root, packageEntries(files, manifestFor(files, { projects })));
  const result = await readPackage(root);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('projects listed in the manifest', () => {
  it('refuses more than 2,000 projects in one package, before any workbook is read', async () => {
    const projects = Array.from({ length: 3_000 }, (_, i) => ({ id: `XM2024-${String(i + 1).padStart(4, '0')}`, workbook: 'XM2024-001/申报表.xlsx' }));
    expect(await errorsOf(projects)).toEqual([
      {
        severity: 'error',
        file: 'manifest.json',
        column: 'projects',
        message: '清单列出 3000 个项目，超过每个材料包 2000 个项目的上限；请分成几个材料包',
      },
    ]);
  });

  it('refuses projects that share one workbook, naming both', async () => {
    const errors = await errorsOf([
      { id: 'XM2024-001', workbook: 'XM2024-001/申报表.xlsx' },
      { id: 'XM2024-002', workbook: 'XM2024-001/申报表.xlsx' },
      { id: 'XM2024-003', workbook: 'XM2024-001/申报表.xlsx' },
    ]);
    expect(errors).toEqual([
      expect.objectContaining({ column: 'projects[1].workbook', message: expect.stringContaining('项目 XM2024-002 与项目 XM2024-001 指向同一个申报表') as unknown }),
      expect.objectContaining({ column: 'projects[2].workbook', message: expect.stringContaining('项目 XM2024-003 与项目 XM2024-001') as unknown }),
    ]);
  });
});
