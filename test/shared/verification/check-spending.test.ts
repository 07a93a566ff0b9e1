import { describe, expect, it } from 'vitest';
import { verifyProject } from '@shared/verification';
import { cleanProject, context, invoiceFindings, withCode, withInvoice, XIAMEN } from './fixtures';

describe('EXCLUDED_SPENDING', () => {
  it('does not fire for equipment, software and consulting', () => {
    const result = verifyProject(cleanProject(), context());
    for (const list of [...result.invoices.values(), ...result.contracts.values()]) expect(withCode(list, 'EXCLUDED_SPENDING')).toEqual([]);
  });

  it('errs on a 土建 contract and on each of its invoices', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '土建';
    const result = verifyProject(project, context());
    const [c] = withCode(result.contracts.get('HT-2024-003'), 'EXCLUDED_SPENDING');
    expect(c?.severity).toBe('error');
    expect(c?.message).toContain('合同「HT-2024-003」投资类别「土建」不予认定（不予认定：土建、土地）');
    const [i] = withCode(result.invoices.get(6), 'EXCLUDED_SPENDING');
    expect(i?.severity).toBe('error');
    expect(i?.message).toContain('所属合同「HT-2024-003」');
  });

  it('asks the reviewer to confirm a category the rule set does not list (其他): the list is open, §五(一) “等费用”', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '其他';
    const findings = verifyProject(project, context());
    const [c] = withCode(findings.contracts.get('HT-2024-003'), 'CATEGORY_TO_CONFIRM');
    expect(c).toMatchObject({ severity: 'warning', needsConfirmation: true });
    expect(c?.message).toContain('不在列举的设备、软件、工艺、平台、咨询、测试之中');
    // its invoice (row 6 is on HT-2024-003) waits for the reviewer's 认定
    expect(withCode(findings.invoices.get(6), 'CATEGORY_TO_CONFIRM')[0]).toMatchObject({ needsConfirmation: true });
    expect(withCode(findings.contracts.get('HT-2024-003'), 'EXCLUDED_SPENDING')).toEqual([]);
  });

  it('makes 土建、土地 and land or real-estate tax categories statutory: no decision counts them (§五(一) 不含土地、厂房建设投资)', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '土建';
    const findings = verifyProject(project, context());
    expect(withCode(findings.contracts.get('HT-2024-003'), 'EXCLUDED_SPENDING')[0]?.statutory).toBe(XIAMEN.source);
    expect(withCode(findings.invoices.get(6), 'EXCLUDED_SPENDING')[0]?.statutory).toBe(XIAMEN.source);
    for (const itemName of ['*不动产*厂房', '*无形资产*土地使用权转让', '*土地*出让金']) {
      const [f] = withCode(invoiceFindings(withInvoice(cleanProject(), 6, { itemName }), 6), 'EXCLUDED_SPENDING');
      expect(f).toMatchObject({ severity: 'error', statutory: XIAMEN.source });
    }
    // Installation is invoiced as 建筑服务 yet may belong to the equipment: an error the reviewer may overrule.
    const [install] = withCode(invoiceFindings(withInvoice(cleanProject(), 6, { itemName: '*建筑服务*设备安装' }), 6), 'EXCLUDED_SPENDING');
    expect(install?.severity).toBe('error');
    expect(install?.statutory).toBeUndefined();
  });

  it('errs on a tax category of buildings, real estate or rent in 项目名称', () => {
    for (const itemName of ['*建筑服务*车间改造工程款', '*不动产*厂房', '*经营租赁*设备租金']) {
      const [f] = withCode(invoiceFindings(withInvoice(cleanProject(), 6, { itemName }), 6), 'EXCLUDED_SPENDING');
      expect(f?.severity).toBe('error');
      expect(f?.message).toContain(`项目名称「${itemName}」税收分类为`);
    }
  });

  it('only warns on a tax category when the policy has no spending rules', () => {
    const project = withInvoice(cleanProject(), 6, { itemName: '*建筑服务*车间改造工程款' });
    expect(withCode(invoiceFindings(project, 6, context(null)), 'EXCLUDED_SPENDING')[0]?.severity).toBe('warning');
  });

  it('warns on wording that points to land or buildings', () => {
    const [f] = withCode(invoiceFindings(withInvoice(cleanProject(), 6, { itemName: '*咨询服务*新建厂房规划咨询' }), 6), 'EXCLUDED_SPENDING');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('含有「厂房」');
    const [land] = withCode(invoiceFindings(withInvoice(cleanProject(), 6, { itemName: '*无形资产*土地使用权转让' }), 6, context(null)), 'EXCLUDED_SPENDING');
    expect(land?.severity).toBe('warning');
    const project = cleanProject();
    project.contracts[1]!.name = 'MES系统及办公楼装修工程合同';
    const [c] = withCode(verifyProject(project, context()).contracts.get('HT-2024-002'), 'EXCLUDED_SPENDING');
    expect(c?.severity).toBe('warning');
  });
});
