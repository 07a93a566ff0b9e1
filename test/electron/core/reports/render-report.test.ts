import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/domain/canonical-json';
import { renderReport } from '@core/reports/render-report';
import { contentSha256, type ExpertContent } from '@core/reports/report-model';
import { makeTempDir } from '@test/support/temp-dir';
import { SAMPLE_PANEL, sampleAcceptance } from './sample-content';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const createdAt = new Date('2025-11-02T08:00:00Z');

function write(name: string, bytes: Buffer): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('renderReport', { timeout: 60_000 }, () => {
  it('draws a final acceptance report with the panel, recusals, scores, amounts and 大写, without the draft mark', async () => {
    const content = sampleAcceptance(40, SAMPLE_PANEL);
    const report = await renderReport(content, { createdAt });
    expect(report.draft).toBe(false);
    const file = write('final.pdf', report.bytes);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    const t = text(file);
    expect(t).not.toContain('草稿');
    expect(t).toContain('欧阳明');
    expect(t).toContain('回避：曾任申报单位技术顾问');
    expect(t).toContain('去掉一个最高分和一个最低分后的平均分');
    expect(t).toContain('23,000,000.00 元（大写：贰仟叁佰万元整）');
    expect(t).toContain('2,300,000.00 元（大写：贰佰叁拾万元整）');
    expect(t).toContain('第六条：按设备投资额的10%给予奖补');
    expect(t).toContain('退还规定：验收不通过的，收回已拨付资金');
    expect(t).toContain('专家 李秀英（签名）');
    // The colophon states how the printed digest is computed, and it is that digest.
    expect(report.contentSha256).toBe(contentSha256(content));
    expect(t.replace(/\s+/gu, '')).toContain(report.contentSha256);
    expect(canonicalJson(content)).toContain('"kind":"acceptance"');
  });

  it('gives the same content the same report id and digest', async () => {
    const a = await renderReport(sampleAcceptance(5, SAMPLE_PANEL), { createdAt });
    const b = await renderReport(sampleAcceptance(5, SAMPLE_PANEL), { createdAt: new Date('2026-01-01T00:00:00Z') });
    expect(b.reportId).toBe(a.reportId);
    expect(b.contentSha256).toBe(a.contentSha256);
    const c = await renderReport(sampleAcceptance(6, SAMPLE_PANEL), { createdAt });
    expect(c.contentSha256).not.toBe(a.contentSha256);
  });

  it('draws the expert form with scores, comments, verdict and the recusal statement; an unscored item keeps it a draft', async () => {
    const base = sampleAcceptance(1);
    const content: ExpertContent = {
      kind: 'expert',
      batch: base.batch,
      project: base.project,
      verifiedInvestment: base.verifiedInvestment,
      form: {
        expert: { name: '李秀英', organization: '福建省机械工业联合会', field: '智能制造' },
        recused: false,
        recusalDeclared: true,
        recusalStatement: '',
        items: [
          { item: '技术先进性', maxScore: '30', score: '27', comment: '五轴联动加工中心达到国内先进水平' },
          { item: '投资真实性', maxScore: '40', score: null, comment: '' },
        ],
        total: null,
        verdict: '通过',
        opinion: '建议通过验收。',
      },
    };
    const draft = await renderReport(content, { createdAt });
    expect(draft.open).toEqual(['评分项「投资真实性」尚未评分']);
    const t = text(write('expert.pdf', draft.bytes));
    expect(t).toContain('五轴联动加工中心达到国内先进水平');
    expect(t).toContain('尚未评分');
    expect(t).toContain('本人与该项目及申报单位不存在利益关系');
    const scored = await renderReport(
      { ...content, form: { ...content.form!, items: content.form!.items.map((i) => ({ ...i, score: i.score ?? '36' })), total: '63' } },
      { createdAt },
    );
    expect(scored.draft).toBe(false);
  });

  it('refuses a character the font cannot draw, naming it', async () => {
    const content = sampleAcceptance(3, SAMPLE_PANEL);
    content.project.applicant = '厦门𠀾精工有限公司';
    await expect(renderReport(content, { createdAt })).rejects.toThrow(/「𠀾」（U\+2003E）/u);
  });
});
