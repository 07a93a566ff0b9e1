import { describe, expect, it } from 'vitest';
import { verifyProject } from '@shared/verification';
import { cleanProject, context, machineEInvoice, withCode } from './fixtures';

/** Row 2 registers 「*金属加工机械*五轴联动立式加工中心」 against FP-24442000000123456789.xml. */
function projectWithLines(lines: { name: string; amount?: string }[]) {
  const project = cleanProject();
  project.einvoices = new Map([['FP-24442000000123456789.xml', { ...machineEInvoice(), lines }]]);
  return project;
}

describe('e-invoice lines (明细) against the row', () => {
  it('accepts lines that contain the row’s 项目名称', () => {
    const project = projectWithLines([{ name: '*金属加工机械*五轴联动立式加工中心', amount: '1000000.00' }]);
    const list = verifyProject(project, context()).invoices.get(2);
    expect(withCode(list, 'ATTACHMENT_MISMATCH')).toEqual([]);
    expect(withCode(list, 'EXCLUDED_SPENDING')).toEqual([]);
  });

  it('warns when no line is the registered purchase', () => {
    const project = projectWithLines([{ name: '*计算机配套产品*服务器' }, { name: '*软件*操作系统' }]);
    const [f] = withCode(verifyProject(project, context()).invoices.get(2), 'ATTACHMENT_MISMATCH');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe(
      '附件「FP-24442000000123456789.xml」的明细中没有本行的项目名称「*金属加工机械*五轴联动立式加工中心」：明细为 「*计算机配套产品*服务器」、「*软件*操作系统」，请核对登记的是否为这张发票所购内容',
    );
  });

  it('flags 建筑服务, 不动产 and 土地 lines that the row’s name hides (error under Xiamen §五(一), warning without spending rules)', () => {
    const project = projectWithLines([
      { name: '*金属加工机械*五轴联动立式加工中心', amount: '900000.00' },
      { name: '*建筑服务*设备基础施工', amount: '60000.00' },
      { name: '*不动产*厂房', amount: '30000.00' },
      { name: '*无形资产*土地使用权', amount: '10000.00' },
    ]);
    const found = withCode(verifyProject(project, context()).invoices.get(2), 'EXCLUDED_SPENDING');
    expect(found.map((f) => f.severity)).toEqual(['error', 'error', 'warning']);
    expect(found[0]?.message).toBe(
      '附件「FP-24442000000123456789.xml」的明细「*建筑服务*设备基础施工」（金额 60000.00）属于建筑工程（土建、装修、安装等），技改投资一般不含建筑物；' +
        '表中项目名称「*金属加工机械*五轴联动立式加工中心」未显示这一点，请核对该部分是否应计入',
    );
    expect(found[1]?.message).toContain('「*不动产*厂房」（金额 30000.00）属于房屋、建筑物等不动产');
    expect(found[2]?.message).toContain('「*无形资产*土地使用权」（金额 10000.00）属于土地使用权，技改投资不含土地');
    const withoutRules = withCode(verifyProject(project, context(null)).invoices.get(2), 'EXCLUDED_SPENDING');
    expect(withoutRules.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
  });
});
