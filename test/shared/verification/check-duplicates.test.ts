import { describe, expect, it } from 'vitest';
import { suggestDecision, verifyProject } from '@shared/verification';
import { cleanProject, context, withCode } from './fixtures';

describe('DUPLICATE_INVOICE', () => {
  it('keeps the first row (warning) and rejects the repeat (error), naming the other row', () => {
    const project = cleanProject();
    const copy = { ...project.invoices[1]!, rowNo: 9 };
    project.invoices.push(copy);
    const result = verifyProject(project, context());
    const first = withCode(result.invoices.get(3), 'DUPLICATE_INVOICE');
    const repeat = withCode(result.invoices.get(9), 'DUPLICATE_INVOICE');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ severity: 'warning' });
    expect(first[0]?.message).toContain('第 9 行');
    expect(repeat[0]).toMatchObject({ severity: 'error' });
    expect(repeat[0]?.message).toBe('发票「24442000000123470012」与本项目第 3 行重复，同一张发票只能计入一次');
    expect(suggestDecision(result.invoices.get(9) ?? []).kind).toBe('reject');
  });

  it('finds a tax-control invoice by code and number', () => {
    const project = cleanProject();
    project.invoices.push({ ...project.invoices[2]!, rowNo: 10 });
    const repeat = withCode(verifyProject(project, context()).invoices.get(10), 'DUPLICATE_INVOICE');
    expect(repeat[0]?.message).toContain('「052002300113-00012345」');
  });

  it('reports a key claimed in another project or batch, naming batch, project and row', () => {
    const ctx = context(null, {
      '24442000000123456789': [
        { batchId: '2024-厦门-第二批', projectId: 'XM2024-037', rowNo: 14 },
        // the project's own row, as a database lookup may return it, is not a duplicate
        { batchId: '2025-厦门-第一批', projectId: 'XM2024-001', rowNo: 2 },
      ],
    });
    const result = verifyProject(cleanProject(), ctx);
    const found = withCode(result.invoices.get(2), 'DUPLICATE_INVOICE');
    expect(found).toEqual([
      {
        code: 'DUPLICATE_INVOICE',
        severity: 'error',
        message: '发票「24442000000123456789」已在批次「2024-厦门-第二批」项目「XM2024-037」第 14 行申报，疑似重复申报，请核实归属',
      },
    ]);
    expect(withCode(result.invoices.get(3), 'DUPLICATE_INVOICE')).toEqual([]);
  });

  it('does not fire for distinct invoices, or for rows without a number', () => {
    const project = cleanProject();
    project.invoices.push({ ...project.invoices[0]!, rowNo: 11, number: '', key: '' });
    project.invoices.push({ ...project.invoices[0]!, rowNo: 12, number: '', key: '' });
    const result = verifyProject(project, context());
    for (const list of result.invoices.values()) expect(withCode(list, 'DUPLICATE_INVOICE')).toEqual([]);
  });
});
