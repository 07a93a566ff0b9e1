import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRubric } from '@shared/scoring/rubric-schema';
import { RESOURCES_DIR } from '../../support/temp-dir';
import { chineseNumber, findParagraph, parseCitation, parseReference, policyLines } from './policy-paragraphs';

const folder = path.join(RESOURCES_DIR, 'rubrics');
const rubrics = fs
  .readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, rubric: parseRubric(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')), file) }));

const squash = (text: string) => text.replace(/\s+/gu, '');

describe('the paragraph finder used to check citations', () => {
  it('reads Chinese numerals and references', () => {
    expect([chineseNumber('三'), chineseNumber('十'), chineseNumber('十四'), chineseNumber('二十'), chineseNumber('二十三')]).toEqual([3, 10, 14, 20, 23]);
    expect(parseReference('§五(四)(三)')).toEqual([
      { kind: 'section', number: 5 },
      { kind: 'subsection', number: 4 },
      { kind: 'subsection', number: 3 },
    ]);
    expect(parseReference('第七条(二)1')).toEqual([
      { kind: 'article', number: 7 },
      { kind: 'subsection', number: 2 },
      { kind: 'point', number: 1 },
    ]);
    expect(() => parseReference('五(三)')).toThrow('无法解析');
  });

  it('finds nested paragraphs and bounds them by the next sibling', () => {
    const xiamen = policyLines('000_985b87a7ad46cc56.txt');
    const acceptance = findParagraph(xiamen, '§五(四)(三)') ?? '';
    expect(acceptance).toMatch(/^\(三\)竣工验收。/u);
    expect(acceptance).toContain('未通过验收的项目,需退还全部奖补资金');
    expect(findParagraph(xiamen, '§五(三)') ?? '').not.toContain('资金拨付');
    expect(findParagraph(xiamen, '§三(五)17') ?? '').toMatch(/^17\.组织重点项目验收/u);
    expect(findParagraph(policyLines('001_626c3b4bfbd45a84.txt'), '第七条(二)1') ?? '').toMatch(/^1\.支持企业设备更新改造/u);
    expect(findParagraph(policyLines('004_7b47dacdb9e28699.txt'), '§六(十四)') ?? '').toMatch(/^\(十四\)加强备案管理/u);
  });

  it('returns null for a paragraph the text does not have', () => {
    expect(findParagraph(policyLines('000_985b87a7ad46cc56.txt'), '§五(九)')).toBeNull();
    expect(findParagraph(policyLines('002_334b9b7243946fd7.txt'), '§九')).toBeNull();
    expect(findParagraph(policyLines('001_626c3b4bfbd45a84.txt'), '第五十条')).toBeNull();
  });
});

describe('shipped rubrics cite the policy texts exactly', () => {
  it('ships a rubric for every built-in rule-set family', () => {
    expect(rubrics.map((r) => r.rubric.id).sort()).toEqual([
      'huanggang-2021',
      'jiangxi-2023-application',
      'jiangxi-2023-evaluation',
      'qingdao-2025',
      'shenyang-2025-application',
      'shenyang-2025-evaluation',
      'xiamen-2024-acceptance',
      'xiamen-2024-application',
      'xiamen-2024-midterm',
    ]);
  });

  for (const { file, rubric } of rubrics) {
    it(`${file}: file name is the id, every item cites existing paragraphs of its document and quotes them verbatim`, () => {
      expect(file).toBe(`${rubric.id}.json`);
      for (const item of rubric.items) {
        const citation = parseCitation(item.source);
        expect(citation.file, `${item.id} cites the rubric's document`).toBe(rubric.document.file);
        const lines = policyLines(citation.file);
        const paragraphs = citation.references.map((reference) => {
          const paragraph = findParagraph(lines, reference);
          expect(paragraph, `${rubric.id}/${item.id}: ${citation.file} has no paragraph ${reference}`).not.toBeNull();
          return paragraph ?? '';
        });
        expect(item.quote, `${rubric.id}/${item.id} quotes the text`).toBeDefined();
        expect(squash(paragraphs.join('\n')), `${rubric.id}/${item.id}: quote not in ${item.source}`).toContain(squash(item.quote ?? ''));
      }
    });
  }

  it('names only rule sets that exist, and each (rule set, stage) of a built-in family has exactly one rubric', () => {
    const ruleSetIds = fs.readdirSync(path.join(RESOURCES_DIR, 'rules')).map((f) => f.replace(/\.json$/u, ''));
    const seen = new Map<string, string>();
    for (const { rubric } of rubrics) {
      for (const policy of rubric.policies) {
        expect(ruleSetIds).toContain(policy);
        for (const stage of rubric.stages) {
          const key = `${policy}/${stage}`;
          expect(seen.get(key), `${key} is served by ${seen.get(key) ?? ''} and ${rubric.id}`).toBeUndefined();
          seen.set(key, rubric.id);
        }
      }
    }
    expect(seen.size).toBe(ruleSetIds.length * 3);
  });
});
