import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_IDS, type AuditAction } from '@shared/audit/audit-action';
import { auditSentence, hasAuditSentence } from '@shared/audit/audit-sentence';

const P = 'project:XM-2026-YS-01/XM2024-001';
const B = 'batch:XM-2026-YS-01';
const HASH = 'b6507096c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccddeeff0011';
const FP = '3A7F09C2D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6071829304152637485';

/** Each action with details as the core writes them (the record sites in electron/core). */
const SAMPLES: Record<AuditAction, { subject: string; details?: Record<string, unknown> }> = {
  'package-import': { subject: B, details: { sourceName: '申报材料包.zip', packageSha256: HASH, projects: 5 } },
  'package-update': { subject: B, details: { sourceName: 'b6507096-3c1e-4f5a-9d2b-7e8f90a1b2c3-pkg.zip', packageSha256: HASH, projects: 4 } },
  'invoice-accept': {
    subject: P,
    details: { rows: 16, invoices: ['24442000000123470012', '24442000000123470013', '24442000000123470014', '24442000000123470015'], reason: '' },
  },
  'invoice-reduce': { subject: P, details: { rows: 1, invoices: ['12345678'], amount: '8800.00', reason: '含不可认定的运费', cut: '1200.00' } },
  'invoice-reject': { subject: P, details: { rows: 1, invoices: ['12345678'], reason: '开票日期超出认定期间' } },
  'invoice-clear': { subject: P, details: { rows: 1, invoices: ['12345678'] } },
  'inspection-record': {
    subject: P,
    details: {
      sentence: '现场核查：设备「工业交换机（S5735）」记为「未见」，照片 1 张，建议核减 598,560.00 元（未见 30 台 × 单价 19,952.00 元）',
      note: '车间内未找到',
      photos: [HASH],
    },
  },
  'inspection-clear': { subject: P, details: { sentence: '撤销现场核查记录：设备「工业交换机（S5735）」原记为「未见」' } },
  'inspection-indicator': { subject: P, details: { sentence: '现场核查：指标「数控化率」现场核查值 80%（目标值 ≥85%，申报完成值 86%）', note: '' } },
  'inspection-photo': { subject: P, details: { sentence: '添加现场照片「拍摄 2026-11-26 10:32.jpg」（拍摄于 2026-11-26 10:32:05）', photo: HASH } },
  'settings-change': {
    subject: 'settings',
    details: {
      before: { reviewerName: '', reviewerOrganization: '', reviewerRole: 'expert' },
      after: { reviewerName: '王建国', reviewerOrganization: '厦门大学', reviewerRole: 'chair' },
    },
  },
  'reviewer-create': { subject: 'reviewer:7d1c2b3a-0000-4000-8000-000000000001', details: { name: '王建国', role: 'expert', fingerprint: FP, adoptedDecisions: 12 } },
  'signer-trust': { subject: `signer:${FP}`, details: { name: '李秀英', organization: '厦门理工学院', method: 'phone', note: '' } },
  'signer-distrust': { subject: `signer:${FP}`, details: { name: '李秀英' } },
  'rubric-adjust': { subject: B, details: { rubric: 'xiamen-2024-acceptance', version: 2, hash: HASH } },
  'rubric-freeze': { subject: B, details: { rubric: 'xiamen-2024-acceptance', version: 1, hash: HASH } },
  'recusal-declare': { subject: P, details: { kind: 'family', note: '申报单位法定代表人为本人表兄' } },
  'recusal-withdraw': { subject: P, details: { kind: 'none' } },
  'score-record': { subject: P, details: { item: 'investment-completion', itemTitle: '投资完成情况', score: '18.5', comment: '', rubric: HASH } },
  'verdict-record': { subject: P, details: { verdict: 'basic-pass', opinion: '建议补充设备验收单' } },
  'expert-file-export': { subject: B, details: { version: 2 } },
  'expert-file-merge': { subject: B, details: { expert: '7d1c2b3a-0000-4000-8000-000000000002', name: '李秀英', version: 3, fingerprint: FP, invoiceDecisions: 40 } },
  'consolidation-method': { subject: B, details: { method: 'trimmedMean', divergencePoints: '15' } },
  'panel-opinion': { subject: P, details: { verdict: 'pass', opinion: '同意通过验收' } },
  'report-create': { subject: P, details: { title: '竣工验收评审报告', version: 1 } },
  'report-sign': { subject: P, details: { title: '竣工验收评审报告', version: 1 } },
  'record-correction': {
    subject: P,
    details: {
      target: 'invoice',
      targetKey: '12345678',
      occurrence: 1,
      field: '开票日期',
      oldValue: '2024-01-02',
      newValue: '2024-01-03',
      reason: '申报表录入错误',
      evidence: '发票-0006.pdf#1',
    },
  },
  'record-correction-withdraw': { subject: P, details: { target: 'contract', targetKey: 'HT-2024-017', occurrence: 1, field: '合同金额' } },
  'condition-confirm': { subject: P, details: { condition: '企业在厦门市注册', status: '满足', note: '', source: '《关于支持新型技术改造的若干措施》第二条' } },
  'advance-record': { subject: P, details: { stage: '立项评审', amount: '3000000.00' } },
  'signing-certificate-import': {
    subject: 'reviewer:7d1c2b3a-0000-4000-8000-000000000001',
    details: { subject: '王建国', organization: '厦门市工业和信息化局', issuer: '福建省数字证书认证中心', fingerprint: FP },
  },
};

const sentence = (action: AuditAction, actor = '王建国') => {
  const sample = SAMPLES[action];
  return auditSentence({ actor, action, subject: sample.subject, details: JSON.stringify(sample.details ?? {}) });
};

describe('操作记录 as sentences', () => {
  it.each([...AUDIT_ACTION_IDS])('%s reads as a sentence without ids, codes or English', (action) => {
    expect(hasAuditSentence(action)).toBe(true);
    const text = sentence(action);
    expect(text.startsWith('王建国 ')).toBe(true);
    // File names and the bureau's numbers (XM-2026-YS-01, XM2024-001, HT-2024-017) stay; English words, hashes and JSON do not.
    const words = text.replace(/[^\s「」（）、，：]+\.(?:zip|pdf|ofd|xml|xlsx|p12|jpg|jpeg|png)/giu, '').replace(/[A-Z][A-Z\d]*(?:-[A-Z\d]+)+|[A-Z]{2}\d+(?:-\d+)*/gu, '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/u);
    expect((text.match(/[0-9A-Fa-f]{16,}/gu) ?? []).filter((run) => /[A-Fa-f]/u.test(run))).toEqual([]);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|[{}[\]"]|：；|（）/iu);
    expect(text).not.toContain('project:');
    expect(text.length).toBeGreaterThan(12);
  });

  it('writes the decisions on invoices with the money they move', () => {
    expect(sentence('invoice-reduce')).toBe('王建国 将项目 XM2024-001 的发票 12345678 认定为核减，核减 1,200.00 元，认定 8,800.00 元，理由：含不可认定的运费');
    expect(sentence('invoice-reject')).toBe('王建国 对项目 XM2024-001 的发票 12345678 不予认定，理由：开票日期超出认定期间');
    expect(sentence('invoice-accept')).toBe('王建国 认定了项目 XM2024-001 的 16 张发票（24442000000123470012、24442000000123470013、24442000000123470014 等）');
  });

  it('names the package by the name the user chose, and leaves out an upload’s temporary name', () => {
    expect(sentence('package-import', '李秀英')).toBe('李秀英 导入了批次 XM-2026-YS-01 的申报材料包「申报材料包.zip」（5 个项目）');
    expect(sentence('package-update')).toBe('王建国 更新了批次 XM-2026-YS-01 的申报材料包（4 个项目）');
  });

  it('reads entries written before the details held a cut amount or an item title', () => {
    const old = (action: AuditAction, details: Record<string, unknown>) => auditSentence({ actor: '（未署名）', action, subject: P, details: JSON.stringify(details) });
    expect(old('invoice-reduce', { rows: 1, invoices: ['12345678'], amount: '8800.00', reason: '运费' })).toBe(
      '（未署名） 将项目 XM2024-001 的发票 12345678 认定为核减，核减后认定 8,800.00 元，理由：运费',
    );
    expect(old('score-record', { item: 'investment-completion', score: '18.5', rubric: HASH })).toBe('（未署名） 给项目 XM2024-001 的一个评分项打了 18.5 分');
  });

  it('says what a settings change changed', () => {
    expect(sentence('settings-change')).toBe('王建国 修改了设置：姓名填为「王建国」，单位填为「厦门大学」，角色由「专家」改为「组长」');
  });
});
