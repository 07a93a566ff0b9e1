import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLogger, logFileOf } from '@core/logger';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('the log file', () => {
  it('lives in logs/jigai.log of the data folder, one timestamped line per entry', () => {
    const file = logFileOf(folder());
    const logger = fileLogger(file, { now: () => new Date('2026-11-26T01:00:00Z') });
    logger.error('「importPackage」执行失败', { error: 'boom' });
    logger.info('已启动');
    expect(file.endsWith(path.join('logs', 'jigai.log'))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('2026-11-26T01:00:00.000Z [error] 「importPackage」执行失败 {"error":"boom"}\n2026-11-26T01:00:00.000Z [info] 已启动\n');
  });

  it('rotates by size, keeping the newest N files and dropping the oldest', () => {
    const file = logFileOf(folder());
    const logger = fileLogger(file, { maxBytes: 200, keep: 3, now: () => new Date('2026-11-26T01:00:00Z') });
    // Each line is 50 bytes: four fit in 200, so 20 lines make five files, of which the newest four stay.
    for (let n = 0; n < 20; n++) logger.info(`entry ${String(n).padStart(2, '0')}`.padEnd(17, '.'));
    const names = fs.readdirSync(path.dirname(file)).sort();
    expect(names).toEqual(['jigai.log', 'jigai.log.1', 'jigai.log.2', 'jigai.log.3']);
    for (const name of names) expect(fs.statSync(path.join(path.dirname(file), name)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(file, 'utf8')).toContain('entry 19');
    expect(fs.readFileSync(`${file}.1`, 'utf8')).toContain('entry 15');
    expect(fs.readFileSync(`${file}.3`, 'utf8')).toContain('entry 04');
    expect(fs.readdirSync(path.dirname(file)).join()).not.toContain('.4');
  });

  it('continues an existing log after a restart and never throws when it cannot write', () => {
    const dir = folder();
    const file = logFileOf(dir);
    fileLogger(file).info('第一次');
    fileLogger(file).info('第二次');
    expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    // A data "folder" that is a file: the log cannot be created, the program carries on.
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    expect(() => fileLogger(logFileOf(blocked)).error('无法写入')).not.toThrow();
  });
});
