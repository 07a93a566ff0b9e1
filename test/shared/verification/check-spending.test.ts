import { describe, expect, it } from 'vitest';
import { verifyProject } from '@shared/verification';
import { cleanProject, context, invoiceFindings, withCode, withInvoice } from './fixtures';

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

  it('warns on a category the rule set does not list (其他)', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '其他';
    const [c] = withCode(verifyProject(project, context()).contracts.get('HT-2024-003'), 'EXCLUDED_SPENDING');
    expect(c?.severity).toBe('warning');
    expect(c?.message).toContain('不在可认定范围');
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
    const [land] = withCode(invoiceFindings(withInvoice(cleanProject(), 6, { itemName: '*无形资产*土地使用权转让' }), 6), 'EXCLUDED_SPENDING');
    expect(land?.severity).toBe('warning');
    const project = cleanProject();
    project.contracts[1]!.name = 'MES系统及办公楼装修工程合同';
    const [c] = withCode(verifyProject(project, context()).contracts.get('HT-2024-002'), 'EXCLUDED_SPENDING');
    expect(c?.severity).toBe('warning');
  });
});
