import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRubricCatalogue } from '@core/scoring/rubric-catalogue';
import { rubricHash, rubricVersion } from '@core/scoring/rubric-version';
import { AppError } from '@shared/api/errors';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const catalogue = createRubricCatalogue(RESOURCES_DIR);

/** A resources folder holding the given rubric files. */
function resourcesWith(files: Record<string, unknown>): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  fs.mkdirSync(path.join(temp.dir, 'rubrics'));
  for (const [name, json] of Object.entries(files)) fs.writeFileSync(path.join(temp.dir, 'rubrics', name), JSON.stringify(json));
  return temp.dir;
}

const shipped = (id: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'rubrics', `${id}.json`), 'utf8')) as Record<string, unknown>;

describe('rubric catalogue', () => {
  it('chooses the rubric for a rule set and stage, the further Xiamen policies sharing the Xiamen family', () => {
    expect(catalogue.choose('xiamen-2024', 'acceptance').rubric.id).toBe('xiamen-2024-acceptance');
    expect(catalogue.choose('xiamen-2024-cloud', 'application').rubric.id).toBe('xiamen-2024-application');
    expect(catalogue.choose('shenyang-2025', 'midterm').rubric.id).toBe('shenyang-2025-evaluation');
    expect(catalogue.choose('shenyang-2025', 'application').rubric.id).toBe('shenyang-2025-application');
    expect(catalogue.choose('jiangxi-2023', 'acceptance').rubric.id).toBe('jiangxi-2023-evaluation');
    expect(catalogue.choose('huanggang-2021', 'application').rubric.id).toBe('huanggang-2021');
    expect(catalogue.choose('qingdao-2025', 'midterm').rubric.id).toBe('qingdao-2025');
  });

  it('says in Chinese when a rule set has no rubric', () => {
    expect(() => catalogue.choose('bureau-2026', 'acceptance')).toThrow(AppError);
    expect(() => catalogue.choose('bureau-2026', 'acceptance')).toThrow('政策规则「bureau-2026」的竣工验收没有内置的评分标准');
    expect(() => catalogue.get('nosuch')).toThrow('没有编号为「nosuch」的评分标准');
  });

  it('hashes the canonical content: key order and spacing do not matter, any edit does', () => {
    const entry = catalogue.get('huanggang-2021');
    const reordered = Object.fromEntries(Object.entries(shipped('huanggang-2021')).reverse());
    const other = createRubricCatalogue(resourcesWith({ 'huanggang-2021.json': reordered }));
    expect(other.get('huanggang-2021').hash).toBe(entry.hash);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/u);
    const edited = structuredClone(entry.rubric);
    edited.items[0]!.description += '。';
    expect(rubricHash(edited)).not.toBe(entry.hash);
    expect(rubricVersion(entry.rubric)).toEqual({ id: 'huanggang-2021', version: 1, hash: entry.hash });
  });

  it('derives a chair-adjusted rubric with a new version and hash, naming the default', () => {
    const base = catalogue.choose('huanggang-2021', 'acceptance');
    const adjusted = catalogue.derive(base, {
      edit: {
        tax: {
          max: '15',
          guidance: [
            { from: '0', to: '8.5', text: '不足' },
            { from: '9', to: '15', text: '达到' },
          ],
        },
        'new-jobs': { max: '20', guidance: [{ from: '0', to: '20', text: '按新增人数' }] },
      },
    });
    expect(adjusted.rubric.version).toBe(2);
    expect(adjusted.rubric.derivedFrom).toEqual({ id: 'huanggang-2021', version: 1, hash: base.hash });
    expect(adjusted.hash).not.toBe(base.hash);
    expect(() => catalogue.derive(base, { edit: { tax: { max: '10' } } })).toThrow(/调整后的评分标准有 \d 处问题[\s\S]*满分之和应为 100 分，实际为 90 分/u);
  });

  it('refuses at start a broken shipped file, naming it, and two rubrics for the same rule set and stage', () => {
    const broken = { ...shipped('qingdao-2025'), items: [] };
    expect(() => createRubricCatalogue(resourcesWith({ 'qingdao-2025.json': broken }))).toThrow(/评分标准「qingdao-2025\.json」无效/u);
    const twin = { ...shipped('qingdao-2025'), id: 'qingdao-2025-copy' };
    expect(() => createRubricCatalogue(resourcesWith({ 'a.json': shipped('qingdao-2025'), 'b.json': twin }))).toThrow(
      '评分标准「a.json」与「b.json」都适用于政策规则「qingdao-2025」的立项评审',
    );
  });
});
