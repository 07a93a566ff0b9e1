import { describe, expect, it } from 'vitest';
import { normalizeEntryPath } from '@core/package/container/entry-path';
import { describeOsJunk } from '@core/package/container/os-junk';

describe('normalizeEntryPath', () => {
  it.each([
    ['XM2024-001/附件/合同HT-001.pdf', 'XM2024-001/附件/合同HT-001.pdf', false],
    ['XM2024-001\\附件\\合同.pdf', 'XM2024-001/附件/合同.pdf', false],
    ['./XM2024-001//附件/./a.pdf', 'XM2024-001/附件/a.pdf', false],
    ['XM2024-001/附件/', 'XM2024-001/附件', true],
    ['XM2024-001\\', 'XM2024-001', true],
    ['Cafe\u0301.pdf', 'Café.pdf', false],
    ['a..b/c...pdf', 'a..b/c...pdf', false],
  ])('%s → %s', (name, path, isDirectory) => {
    expect(normalizeEntryPath(name, 400)).toEqual({ ok: true, path, isDirectory });
  });

  it.each([
    '../evil.txt',
    'a/../../b',
    'a/..',
    '..\\evil',
    '/etc/passwd',
    '\\etc\\passwd',
    '\\\\server\\share\\x',
    '//server/x',
    'C:\\x',
    'c:x',
    'C:/x',
    'a/b:c',
    'a\u0001b',
    '',
    './',
    '/',
  ])('refuses %j', (name) => {
    expect(normalizeEntryPath(name, 400).ok).toBe(false);
  });

  it('counts the length after normalisation', () => {
    expect(normalizeEntryPath(`a/${'b'.repeat(8)}`, 10).ok).toBe(true);
    expect(normalizeEntryPath(`a/${'b'.repeat(9)}`, 10)).toEqual({ ok: false, message: '文件路径长 11 个字符，超过上限 10 个字符' });
  });
});

describe('describeOsJunk', () => {
  it.each(['__MACOSX/._a.pdf', '__MACOSX', '.DS_Store', 'XM/附件/Thumbs.db', 'XM/thumbs.db', 'XM/Desktop.ini'])('%s is junk', (path) => {
    expect(describeOsJunk(path)).toBeDefined();
  });
  it.each(['XM/附件/a.pdf', 'XM/__MACOSX.pdf', 'manifest.json', 'XM/DS_Store'])('%s is not junk', (path) => {
    expect(describeOsJunk(path)).toBeUndefined();
  });
});
